/**
 * The reader's settings (src/settings.ts): where the extension runs, what it highlights, how, and how soon a
 * popover opens. Presentational: each change is reported as a patch; open pages watch the stored settings.
 */
import { PARLIAMENT_HOSTS } from '../../pages';
import type { HighlightMode, HighlightStyle, Settings } from '../../settings';
import { clampDelay, HOVER_DELAY } from '../../settings-defaults';

/** The sites the extension reads (from the page adapters), each of which the reader can switch off. */
export const SITES = PARLIAMENT_HOSTS;

const MODES: ReadonlyArray<{ value: HighlightMode; label: string }> = [
  { value: 'positions', label: 'Only provisions the LGA has a position on' },
  { value: 'all', label: 'Every clause, amendment and schedule mentioned' },
];

const STYLES: ReadonlyArray<{ value: HighlightStyle; label: string }> = [
  { value: 'underline', label: 'Underline' },
  { value: 'background', label: 'Coloured background' },
];

export function SettingsForm({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}) {
  const toggleSite = (site: string, on: boolean) => {
    const others = settings.disabledSites.filter((s) => s !== site);
    onChange({ disabledSites: on ? others : [...others, site] });
  };
  return (
    <section aria-labelledby="settings-heading" data-testid="settings">
      <h2 id="settings-heading">Settings</h2>
      <fieldset>
        <legend>Show the LGA's positions on</legend>
        {SITES.map((site) => (
          <div class="check" key={site}>
            <input
              type="checkbox"
              id={`site-${site}`}
              data-testid={`site-${site}`}
              checked={!settings.disabledSites.includes(site)}
              onChange={(e) => toggleSite(site, (e.currentTarget as HTMLInputElement).checked)}
            />
            <label for={`site-${site}`}>{site}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Highlight</legend>
        {MODES.map((mode) => (
          <div class="check" key={mode.value}>
            <input
              type="radio"
              name="highlight-mode"
              id={`mode-${mode.value}`}
              data-testid={`mode-${mode.value}`}
              checked={settings.highlightMode === mode.value}
              onChange={() => onChange({ highlightMode: mode.value })}
            />
            <label for={`mode-${mode.value}`}>{mode.label}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Highlight style</legend>
        {STYLES.map((style) => (
          <div class="check" key={style.value}>
            <input
              type="radio"
              name="highlight-style"
              id={`style-${style.value}`}
              data-testid={`style-${style.value}`}
              checked={settings.highlightStyle === style.value}
              onChange={() => onChange({ highlightStyle: style.value })}
            />
            <label for={`style-${style.value}`}>{style.label}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Beyond clause numbers</legend>
        <div class="check">
          <input
            type="checkbox"
            id="topic-links"
            data-testid="topic-links"
            checked={settings.topicLinks}
            onChange={(e) => onChange({ topicLinks: (e.currentTarget as HTMLInputElement).checked })}
          />
          <label for="topic-links">Mark paragraphs on subjects the LGA has briefed on, and mentions of the LGA</label>
        </div>
      </fieldset>
      <div class="field">
        <label for="hover-delay">Wait before showing a position (milliseconds)</label>
        <div class="delay">
          <input
            type="range"
            id="hover-delay"
            data-testid="hover-delay"
            min={HOVER_DELAY.min}
            max={HOVER_DELAY.max}
            step={HOVER_DELAY.step}
            value={settings.hoverDelayMs}
            aria-valuetext={`${settings.hoverDelayMs} milliseconds`}
            onInput={(e) => onChange({ hoverDelayMs: clampDelay(Number((e.currentTarget as HTMLInputElement).value)) })}
          />
          <input
            type="number"
            aria-label="Wait in milliseconds"
            data-testid="hover-delay-number"
            min={HOVER_DELAY.min}
            max={HOVER_DELAY.max}
            step={HOVER_DELAY.step}
            value={settings.hoverDelayMs}
            onChange={(e) =>
              onChange({ hoverDelayMs: clampDelay(Number((e.currentTarget as HTMLInputElement).value)) })
            }
          />
        </div>
      </div>
    </section>
  );
}
