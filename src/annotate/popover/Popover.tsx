/**
 * The LGA's position(s) on one reference, as a dialog named after it ("LGA position: Clause 7"). Rendered by
 * `host.ts` into a shadow root. Dataset and page text are JSX text only.
 */
import { Component } from 'preact';
import type { MatchedPosition, Reference } from '../../model';
import { PositionExcerpt, StanceLabel } from '../../ui/shared/components';
import { addedByLabel, briefingTitle, otherPrintWarning, referenceLabel } from '../../ui/shared/labels';
import { STANCE_LABEL } from '../../ui/shared/stance';

export interface PopoverProps {
  reference: Reference;
  positions: readonly MatchedPosition[];
  /** Must run the `openPanel` message synchronously (Chrome's side panel opens only inside the user's gesture). */
  onReadBriefing(match: MatchedPosition): void;
  onClose(): void;
  /** id for the heading the dialog is labelled by. */
  titleId?: string;
}

/** Positions whose numbering applies to the page first; otherwise the background's ranking is kept. */
export function orderPositions(positions: readonly MatchedPosition[]): MatchedPosition[] {
  return [...positions.filter((p) => p.applies === 'applies'), ...positions.filter((p) => p.applies !== 'applies')];
}

export function popoverTitle(reference: Reference): string {
  return `LGA position: ${referenceLabel(reference)}`;
}

interface PositionItemProps {
  match: MatchedPosition;
  onReadBriefing: PopoverProps['onReadBriefing'];
}

// A class, not hooks: the content script ships without preact/hooks (about 1 kB gzip on every parliament page).
class PositionItem extends Component<PositionItemProps, { whole: boolean }> {
  override state = { whole: false };

  override render({ match, onReadBriefing }: PositionItemProps, { whole }: { whole: boolean }) {
    const { position, briefing, ref } = match;
    const evidenceIsWhole = ref.evidence.start <= 0 && ref.evidence.end >= position.text.length;
    const moreLabel = position.part === 'key-messages' ? 'Show the whole key message' : 'Show the whole paragraph';
    return (
      <li class="lga-position" data-applies={match.applies} data-testid="lga-position">
        <div class="lga-position-head">
          <StanceLabel stance={ref.stance} />
        </div>
        <p class="lga-source">
          {briefingTitle(briefing)}
          {addedByLabel(briefing) ? <span data-testid="lga-added-by"> · {addedByLabel(briefing)}</span> : null}
        </p>
        {match.applies === 'other-print' ? (
          <p class="lga-warning" data-testid="lga-other-print">
            <span aria-hidden="true">⚠ </span>
            {otherPrintWarning(briefing, ref, match.print)}
          </p>
        ) : null}
        {position.subheading ? <p class="lga-subheading">{position.subheading}</p> : null}
        <PositionExcerpt text={position.text} evidence={ref.evidence} mention={ref.mention} whole={whole} />
        <div class="lga-actions">
          {evidenceIsWhole ? null : (
            <button
              type="button"
              class="lga-link"
              aria-expanded={whole}
              onClick={() => this.setState({ whole: !whole })}
            >
              {whole ? 'Show less' : moreLabel}
            </button>
          )}
          <button
            type="button"
            class="lga-button"
            data-testid="lga-read-briefing"
            onClick={() => onReadBriefing(match)}
          >
            Read the briefing
          </button>
        </div>
      </li>
    );
  }
}

export function Popover({
  reference,
  positions,
  onReadBriefing,
  onClose,
  titleId = 'lga-popover-title',
}: PopoverProps) {
  const ordered = orderPositions(positions);
  return (
    <div class="lga-popover" role="dialog" aria-labelledby={titleId} tabIndex={-1} data-testid="lga-popover">
      <div class="lga-popover-header">
        <h2 id={titleId} class="lga-title">
          {popoverTitle(reference)}
        </h2>
        <button type="button" class="lga-close" aria-label="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {ordered.length ? (
        <ul class="lga-positions">
          {ordered.map((match) => (
            <PositionItem key={match.position.id} match={match} onReadBriefing={onReadBriefing} />
          ))}
        </ul>
      ) : (
        <p class="lga-empty">The LGA's briefings say nothing about this provision.</p>
      )}
    </div>
  );
}

/** One-line text for screen readers when the popover opens without moving focus. */
export function popoverAnnouncement(reference: Reference, positions: readonly MatchedPosition[]): string {
  const first = orderPositions(positions)[0];
  if (!first) return `${popoverTitle(reference)}: no position.`;
  const { position, ref } = first;
  const sentence = position.text.slice(
    Math.max(0, ref.evidence.start),
    Math.min(position.text.length, ref.evidence.end),
  );
  const stance = STANCE_LABEL[ref.stance];
  const more = positions.length > 1 ? ` ${positions.length - 1} more.` : '';
  const caveat = first.applies === 'other-print' ? ' Numbered for another print.' : '';
  return `${popoverTitle(reference)}. ${stance}.${caveat} ${sentence}${more}`;
}
