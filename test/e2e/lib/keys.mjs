/** Key chords as specs write them (`Escape`, `Alt+Shift+N`, `Shift+Tab`), split into key names. */
export function chord(keys) {
  return keys.split('+').map((k) => (k === '' ? '+' : k));
}

/** WebDriver key values (the Firefox BiDi `input.performActions` key codes) for named keys. */
export const WEBDRIVER_KEYS = {
  Escape: '\uE00C',
  Alt: '\uE00A',
  Shift: '\uE008',
  Control: '\uE009',
  Meta: '\uE03D',
  Tab: '\uE004',
  Enter: '\uE007',
  Space: ' ',
  Backspace: '\uE003',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
};
