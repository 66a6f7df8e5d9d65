/**
 * Small Preact components shared by the in-page popover and the side panel. Text from pages and the dataset is
 * only ever rendered as JSX text (never as HTML). Style with `sharedCss` (class names prefixed `lga-`).
 */
import type { Briefing, PositionRef, Span, Stance } from '../../model';
import type { ShownStance } from '../../stance/shown';
import { excerptParts } from './excerpt';
import { briefingLabel, briefingTitle } from './labels';
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
  /** Show the whole text (the whole key message) rather than the evidence sentence(s). */
  whole?: boolean;
  /** Element to render (`p` by default; `blockquote` reads well in the panel). */
  as?: 'p' | 'blockquote' | 'div';
}

/** The sentence(s) carrying a reference, with the reference marked (`<mark>`). */
export function PositionExcerpt({ text, evidence, mention, whole = false, as: Tag = 'p' }: PositionExcerptProps) {
  const parts = excerptParts(text, evidence, mention, whole);
  return (
    <Tag class="lga-excerpt" data-testid="lga-excerpt">
      {parts.before}
      {parts.marked ? <mark class="lga-mention">{parts.marked}</mark> : null}
      {parts.after}
    </Tag>
  );
}

/** Convenience: the excerpt of one matched reference of a position. */
export function RefExcerpt({ text, ref, whole }: { text: string; ref: PositionRef; whole?: boolean }) {
  return <PositionExcerpt text={text} evidence={ref.evidence} mention={ref.mention} whole={whole} />;
}

type BriefingFacts = Pick<Briefing, 'house' | 'stage' | 'dates' | 'heading'> & Partial<Pick<Briefing, 'stageDetail'>>;

/** `Lords Report, 18 October 2016` (short) or `LGA briefing for House of Lords Report stage, 18 October 2016` (long). */
export function BriefingLabel({ briefing, long = false }: { briefing: BriefingFacts; long?: boolean }) {
  return <span class="lga-briefing-label">{long ? briefingTitle(briefing) : briefingLabel(briefing)}</span>;
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
.lga-mention { background: var(--lga-mark-bg, #fff3a3); color: inherit; padding: 0 0.1em; border-radius: 2px; }
.lga-dark .lga-mention { --lga-mark-bg: rgba(255, 214, 10, 0.3); }
`;
