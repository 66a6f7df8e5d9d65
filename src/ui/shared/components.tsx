/**
 * Small Preact components shared by the in-page popover and the side panel. Text from pages and the dataset is
 * only ever rendered as JSX text (never as HTML). Style with `sharedCss` (class names prefixed `lga-`).
 */
import type { Span, Stance } from '../../model';
import type { ShownStance } from '../../stance/shown';
import { cueWindows, excerptSegments } from './excerpt';
import { STANCE_GLYPH, STANCE_LABEL } from './stance';

/** The stance in words with a coloured glyph: `✓ Supports`. */
export function StanceLabel({ stance }: { stance: Stance }) {
  return (
    <span class={`lga-stance lga-stance-${stance}`} data-stance={stance}>
      <span class="lga-stance-marker" aria-hidden="true">
        {STANCE_GLYPH[stance]}
      </span>
      <span class="lga-stance-words">{STANCE_LABEL[stance]}</span>
    </span>
  );
}

/** `corrected by you (the briefing reads: Supports)`: said wherever a corrected stance is shown. */
export function correctedNote(shown: ShownStance): string | null {
  return shown.corrected ? `corrected by you (the briefing reads: ${STANCE_LABEL[shown.corrected.original]})` : null;
}

/** A shown stance (src/stance/shown.ts): its label, and when the reader corrected it, the note saying so. */
export function ShownStanceLabel({ shown }: { shown: ShownStance }) {
  const note = correctedNote(shown);
  return (
    <>
      <StanceLabel stance={shown.stance} />
      {note ? (
        <span class="lga-corrected" data-testid="stance-corrected" data-original={shown.corrected?.original}>
          {' '}
          · {note}
        </span>
      ) : null}
    </>
  );
}

export interface PositionExcerptProps {
  text: string;
  evidence?: Span;
  mention?: Span;
  /** The reservation sentence of a `mixed`/`concern` position: shown beside the evidence, never hidden. */
  caveat?: Span | null;
  /** The deciding words behind the stance shown, marked `<mark class="lga-cue">`. */
  decided?: readonly Span[];
  /** Show the whole text (the whole key message) rather than the evidence sentence(s). */
  whole?: boolean;
  /** Element to render (`p` by default; `blockquote` reads well in the panel). */
  as?: 'p' | 'blockquote' | 'div';
}

/**
 * The sentence(s) carrying a reference and the caveat sentence, with the reference marked (`<mark class=lga-mention>`)
 * and the deciding words marked (`<mark class=lga-cue>`); a cut in the text shows as `…` (drawn by CSS, so the
 * excerpt's text is the position's own words).
 */
export function PositionExcerpt({
  text,
  evidence,
  mention,
  caveat,
  decided,
  whole = false,
  as: Tag = 'p',
}: PositionExcerptProps) {
  // The evidence, the reservation and, where the stance was decided elsewhere in the text, the deciding sentence.
  const windows = evidence ? [evidence, caveat, ...cueWindows(text, [evidence, caveat], decided)] : [evidence, caveat];
  const segments = excerptSegments(text, { windows, mention, decided, whole });
  return (
    <Tag class="lga-excerpt" data-testid="lga-excerpt">
      {segments.map((segment, i) =>
        'gap' in segment ? (
          <span key={i} class="lga-gap" aria-hidden="true" />
        ) : segment.mark === 'mention' ? (
          <mark key={i} class="lga-mention">
            {segment.text}
          </mark>
        ) : segment.mark === 'cue' ? (
          <mark key={i} class="lga-cue" data-testid="lga-cue">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </Tag>
  );
}

/**
 * Why the stance reads as it does, in a few words: `Reads as supports with reservations: “welcome” … “must be fully
 * funded”` (the deciding words of the record). Null when no deciding words are known.
 */
export function whyLine(stance: Stance, text: string, decided: readonly Span[] | undefined): string | null {
  const words = (decided ?? [])
    .map((span) => text.slice(Math.max(0, span.start), Math.min(text.length, span.end)).trim())
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return `Reads as ${STANCE_LABEL[stance].toLowerCase()}: ${words.map((w) => `“${w}”`).join(' … ')}`;
}

/**
 * CSS for the classes above. Expects the stance colours as custom properties on an ancestor
 * (`stanceCssVariables(scheme)`); falls back to currentColor.
 */
export const sharedCss = `
.lga-stance { display: inline-flex; align-items: center; gap: 0.4em; font-weight: 600; }
.lga-stance-marker {
  display: inline-flex; align-items: center; justify-content: center;
  width: 1.35em; height: 1.35em; border-radius: 50%; font-size: 0.85em; line-height: 1;
  color: #fff; background: var(--lga-stance-colour, currentColor);
}
.lga-stance-support { --lga-stance-colour: var(--lga-support); }
.lga-stance-mixed { --lga-stance-colour: var(--lga-mixed); }
.lga-stance-concern { --lga-stance-colour: var(--lga-concern); }
.lga-stance-oppose { --lga-stance-colour: var(--lga-oppose); }
.lga-stance-neutral { --lga-stance-colour: var(--lga-neutral); }
.lga-stance-words { color: var(--lga-stance-colour, inherit); }
.lga-dark .lga-stance-marker { color: #111; }
.lga-corrected { font-weight: 400; font-size: 0.9em; font-style: italic; }
.lga-excerpt { margin: 0; line-height: 1.5; }
.lga-gap::before { content: '… '; }
.lga-gap + .lga-gap { display: none; }
.lga-cue { background: transparent; color: inherit; font-weight: 600; text-decoration: underline 2px var(--lga-stance-colour, currentColor); text-underline-offset: 0.2em; }
.lga-why { margin: 0.2em 0 0; font-size: 0.9em; opacity: 0.85; }
.lga-mention { background: var(--lga-mark-bg, #fff3a3); color: inherit; padding: 0 0.1em; border-radius: 2px; }
.lga-dark .lga-mention { --lga-mark-bg: rgba(255, 214, 10, 0.3); }
`;
