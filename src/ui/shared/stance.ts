/**
 * Stance tokens shared by the popover and the side panel: the words, a glyph (so the stance is never told by colour
 * alone) and colours that hold up on light and dark backgrounds.
 */
import type { ColourScheme, Stance } from '../../model';

/** What the LGA's stance is, in words a reader understands without a legend. */
export const STANCE_LABEL: Readonly<Record<Stance, string>> = {
  support: 'Supports',
  mixed: 'Supports with reservations',
  concern: 'Concerned',
  oppose: 'Opposes',
  neutral: 'No stance stated',
};

/** A shape per stance, read together with the colour (for colour-blind readers and greyscale prints). */
export const STANCE_GLYPH: Readonly<Record<Stance, string>> = {
  support: '✓',
  mixed: '◐',
  concern: '!',
  oppose: '✕',
  neutral: '•',
};

export type { ColourScheme } from '../../model';

/**
 * Stance colours per scheme. Light-scheme colours reach at least 4.5:1 on white; dark-scheme colours at least 4.5:1
 * on #1e1e1e. Green/red differ in lightness too, not only in hue.
 */
export const STANCE_COLOUR: Readonly<Record<ColourScheme, Readonly<Record<Stance, string>>>> = {
  light: {
    support: '#17692f',
    mixed: '#1f5fbf',
    concern: '#9a4a00',
    oppose: '#b3261e',
    neutral: '#5b6270',
  },
  dark: {
    support: '#6fd38f',
    mixed: '#8ab4f8',
    concern: '#f2a54a',
    oppose: '#ff8a80',
    neutral: '#b0b6c0',
  },
};

/** Translucent tints for backgrounds (highlight style `background` and the popover's stance chip). */
export const STANCE_TINT: Readonly<Record<ColourScheme, Readonly<Record<Stance, string>>>> = {
  light: {
    support: 'rgba(23, 105, 47, 0.14)',
    mixed: 'rgba(31, 95, 191, 0.13)',
    concern: 'rgba(196, 110, 0, 0.17)',
    oppose: 'rgba(179, 38, 30, 0.13)',
    neutral: 'rgba(91, 98, 112, 0.12)',
  },
  dark: {
    support: 'rgba(111, 211, 143, 0.22)',
    mixed: 'rgba(138, 180, 248, 0.22)',
    concern: 'rgba(242, 165, 74, 0.24)',
    oppose: 'rgba(255, 138, 128, 0.22)',
    neutral: 'rgba(176, 182, 192, 0.2)',
  },
};

/** CSS custom properties carrying the stance colours, for a scheme; set on a container and read by `sharedCss`. */
export function stanceCssVariables(scheme: ColourScheme): string {
  const lines: string[] = [];
  for (const stance of Object.keys(STANCE_LABEL) as Stance[]) {
    lines.push(`--lga-${stance}: ${STANCE_COLOUR[scheme][stance]};`);
    lines.push(`--lga-${stance}-tint: ${STANCE_TINT[scheme][stance]};`);
  }
  return lines.join(' ');
}
