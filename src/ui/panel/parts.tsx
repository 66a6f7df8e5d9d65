/**
 * Small presentational pieces the panel's views share: a stance badge (always in words, colour is extra), text with
 * marked runs, a position with its references marked.
 */
import type { Position, Reference, Stance } from '../../model';
import { type ShownStance, sameProvision } from '../../stance/shown';
import { referenceWords } from '../../vocabulary';
import { ShownStanceLabel } from '../shared';
import { splitRuns } from './marks';

/**
 * The shared stance label (glyph and words, and "corrected by you" where the reader corrected it), findable in tests
 * as `[data-testid=stance]`. Takes what src/stance/shown.ts says is shown; a bare stance is one already shown so.
 */
export function StanceBadge({ shown }: { shown: ShownStance | Stance }) {
  const value = typeof shown === 'string' ? { stance: shown, corrected: null } : shown;
  return (
    <span
      class="stance"
      data-stance={value.stance}
      data-corrected={value.corrected ? 'true' : undefined}
      data-testid="stance"
    >
      <ShownStanceLabel shown={value} />
    </span>
  );
}

/**
 * Beside a position's headline, the provisions whose stance differs from it (src/stance/shown.ts `provisionsApart`):
 * `Clause 32: ✕ Opposes`, so a provision reads the same in a briefing list as on its chip and in the popover.
 */
export function ProvisionStances({ apart }: { apart: ReadonlyArray<{ ref: Reference; shown: ShownStance }> }) {
  if (apart.length === 0) return null;
  return (
    <ul class="plain provision-stances small" data-testid="provision-stances">
      {apart.map(({ ref, shown }) => (
        <li key={`${ref.kind} ${ref.number}`} data-testid="provision-stance" data-ref={`${ref.kind} ${ref.number}`}>
          On {referenceWords(ref)}: <StanceBadge shown={shown} />
        </li>
      ))}
    </ul>
  );
}

export function MarkedText({ text, spans }: { text: string; spans: ReadonlyArray<{ start: number; end: number }> }) {
  return <>{splitRuns(text, spans).map((run, i) => (run.marked ? <mark key={i}>{run.text}</mark> : run.text))}</>;
}

/**
 * A position's words with its references marked: all of them, or only those equal to `only` (the reference a reader
 * chose on the page).
 */
export function PositionText({ position, only }: { position: Position; only?: Reference }) {
  const refs = only ? position.refs.filter((r) => sameProvision(r, only)) : position.refs;
  return (
    <p class="position-text" data-testid="position-text">
      <MarkedText text={position.text} spans={refs.map((r) => r.mention)} />
    </p>
  );
}

/** The few words saying why a stance reads as it does (src/ui/shared `whyLine`), when known. */
export function Why({ text }: { text: string | null }) {
  return text ? (
    <p class="small muted why" data-testid="why">
      {text}
    </p>
  ) : null;
}
