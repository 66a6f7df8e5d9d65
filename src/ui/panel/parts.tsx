/**
 * Small presentational pieces the panel's views share: a stance badge (always in words, colour is extra), text with
 * marked runs, a position with its references marked.
 */
import type { Position, Reference, Stance } from '../../model';
import { StanceLabel } from '../shared';
import { splitRuns } from './marks';

/** The shared stance label (glyph and words), findable in tests as `[data-testid=stance]`. */
export function StanceBadge({ stance }: { stance: Stance }) {
  return (
    <span class="stance" data-stance={stance} data-testid="stance">
      <StanceLabel stance={stance} />
    </span>
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
  const refs = only
    ? position.refs.filter((r) => r.kind === only.kind && r.number.toUpperCase() === only.number.toUpperCase())
    : position.refs;
  return (
    <p class="position-text" data-testid="position-text">
      <MarkedText text={position.text} spans={refs.map((r) => r.mention)} />
    </p>
  );
}

/** The stance a position takes on one reference, else the stance of the whole bullet. */
export function stanceFor(position: Position, ref?: Reference): Stance {
  if (ref) {
    const found = position.refs.find((r) => r.kind === ref.kind && r.number.toUpperCase() === ref.number.toUpperCase());
    if (found) return found.stance;
  }
  return position.stance;
}
