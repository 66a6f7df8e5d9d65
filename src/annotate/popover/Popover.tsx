/**
 * The LGA's position(s) on one reference, as a dialog named after it ("LGA position: Clause 7"). Rendered by
 * `host.ts` into a shadow root. Dataset and page text are JSX text only.
 */
import { Component } from 'preact';
import type { MatchedPosition, Reference } from '../../model';
import { stanceForPosition, stanceForProvision } from '../../stance/shown';
import { PositionExcerpt, ShownStanceLabel, StanceLabel, whyLine } from '../../ui/shared/components';
import { addedByLabel, otherPrintWarning } from '../../ui/shared/labels';
import { STANCE_LABEL } from '../../ui/shared/stance';
import { briefingLabel, briefingTitle, joinWords, referenceKey, referenceLabel, sameProvision } from '../../vocabulary';

export interface PopoverProps {
  /** The reference pointed at; with `references`, the first of them. */
  reference: Reference;
  /** Every reference of the mark (a range's unwritten members `12 and 13`): positions are labelled by provision. */
  references?: readonly Reference[];
  positions: readonly MatchedPosition[];
  /**
   * Must run the `openPanel` message synchronously (Chrome's side panel opens only inside the user's gesture). With
   * `correct`, the panel opens at the position's "Not right?" form: corrections are made there, in an extension page,
   * never from the page's own DOM.
   */
  onReadBriefing(match: MatchedPosition, correct?: boolean): void;
  onClose(): void;
  /** Little room (a small window, or 200 % zoom): a one-line summary of every position comes before any text. */
  compact?: boolean;
  /** Positions on this provision the background left out of its bounded reply (ReferenceMatch.more). */
  omitted?: number;
  /** id for the heading the dialog is labelled by. */
  titleId?: string;
  /**
   * Hands the host this popover's re-measure of the "n more positions" line, to run once the dialog is placed and sized
   * (null when the popover goes). A prop, not a `ref`: Preact 11 gives a class component's `ref` no instance.
   */
  registerCountMore?(count: (() => void) | null): void;
}

/** The keys that step through the page's provisions (the `commands` in wxt.config.ts, and the in-page fallback). */
export const STEP_KEYS = { next: ['Alt', 'Shift', 'N'], previous: ['Alt', 'Shift', 'P'] } as const;

/**
 * The LGA's own positions before any the reader added (never the other way round); within each, those whose
 * numbering applies to the page first; otherwise the background's ranking is kept.
 */
export function orderPositions(positions: readonly MatchedPosition[]): MatchedPosition[] {
  const applicableFirst = (list: MatchedPosition[]) => [
    ...list.filter((p) => p.applies === 'applies'),
    ...list.filter((p) => p.applies !== 'applies'),
  ];
  return [
    ...applicableFirst(positions.filter((p) => !p.briefing.userAdded)),
    ...applicableFirst(positions.filter((p) => p.briefing.userAdded)),
  ];
}

/** The provisions the positions are about, in order, each once (more than one for a range's unwritten members). */
function provisionsOf(
  reference: Reference,
  references: readonly Reference[] | undefined,
  positions: readonly MatchedPosition[],
) {
  const seen = new Map<string, Reference>();
  for (const r of [...(references ?? [reference])]) {
    if (positions.some((m) => sameProvision(m.ref, r))) seen.set(referenceKey(r), r);
  }
  return seen.size ? [...seen.values()] : [reference];
}

export function popoverTitle(reference: Reference, references?: readonly Reference[]): string {
  if (references && references.length > 1) {
    const labels = references.map((r, i) => (i === 0 ? referenceLabel(r) : r.number));
    return `LGA positions: ${joinWords(labels)}`;
  }
  return `LGA position: ${referenceLabel(reference)}`;
}

/** `Lords Report, 18 October 2016 · added by you`: one line per briefing in the summary. */
function sourceLine(match: MatchedPosition): string {
  const added = addedByLabel(match.briefing);
  return `${briefingLabel(match.briefing)}${added ? ` · ${added}` : ''}`;
}

interface PositionItemProps {
  match: MatchedPosition;
  onReadBriefing: PopoverProps['onReadBriefing'];
  /** First position of its briefing: it carries the briefing's stage, date and numbering warning, once. */
  showSource: boolean;
  /** The provision it is about, when the popover covers several (`Clause 12`). */
  provision: string | null;
  itemId: string;
}

// A class, not hooks: the content script ships without preact/hooks (about 1 kB gzip on every parliament page).
class PositionItem extends Component<PositionItemProps, { whole: boolean }> {
  override state = { whole: false };

  override render(
    { match, onReadBriefing, showSource, provision, itemId }: PositionItemProps,
    { whole }: { whole: boolean },
  ) {
    const { position, briefing, ref } = match;
    const evidenceIsWhole = ref.evidence.start <= 0 && ref.evidence.end >= position.text.length;
    const moreLabel = position.part === 'key-messages' ? 'Show the whole key message' : 'Show the whole paragraph';
    const shown = stanceForProvision(position, ref);
    const headline = stanceForPosition(position);
    const why = shown.corrected ? null : whyLine(shown.stance, position.text, ref.decidedBy);
    return (
      <li
        class="lga-position"
        id={itemId}
        data-applies={match.applies}
        data-position-id={position.id}
        data-testid="lga-position"
        tabIndex={-1}
      >
        {showSource ? (
          <div class="lga-briefing-head">
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
          </div>
        ) : null}
        <div class="lga-position-head">
          <ShownStanceLabel shown={shown} />
          {provision ? <span class="lga-provision">{provision}</span> : null}
        </div>
        {headline.stance !== shown.stance ? (
          <p class="lga-why" data-testid="lga-headline" data-stance={headline.stance}>
            The {position.part === 'key-messages' ? 'key message' : 'paragraph'} as a whole:{' '}
            {STANCE_LABEL[headline.stance].toLowerCase()}
          </p>
        ) : null}
        {position.subheading ? <p class="lga-subheading">{position.subheading}</p> : null}
        <PositionExcerpt
          text={position.text}
          evidence={ref.evidence}
          mention={ref.mention}
          caveat={position.caveat}
          decided={shown.corrected ? [] : ref.decidedBy}
          whole={whole}
        />
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
          <button
            type="button"
            class="lga-link"
            data-testid="lga-not-right"
            aria-label={`Not right? Correct the stance on ${referenceLabel(ref)} in the side panel`}
            onClick={() => onReadBriefing(match, true)}
          >
            Not right?
          </button>
        </div>
        {why ? (
          <p class="lga-why" data-testid="lga-why">
            {why}
          </p>
        ) : null}
      </li>
    );
  }
}

/** `Alt+Shift+N`, key by key, for a footer a reader can copy. */
function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span class="lga-keys">
      {keys.map((k, i) => (
        <>
          {i ? '+' : ''}
          <kbd>{k}</kbd>
        </>
      ))}
    </span>
  );
}

interface PopoverState {
  /** Positions wholly or partly below the visible part of the body (the "n more positions" line). */
  more: number;
}

/**
 * The dialog: a fixed header (title and ×), a body that scrolls, and a footer saying how many positions are out of
 * view and which keys step through the page. Positions are grouped by briefing: its stage, date and numbering warning
 * once, then each position's stance and sentence.
 */
export class Popover extends Component<PopoverProps, PopoverState> {
  override state: PopoverState = { more: 0 };
  private body: HTMLElement | null = null;
  private readonly onBodyScroll = () => this.countMore();

  override componentDidMount(): void {
    this.props.registerCountMore?.(this.countMore);
  }

  override componentWillUnmount(): void {
    this.props.registerCountMore?.(null);
  }

  /**
   * Measures which positions are out of view: called by the host once it has placed and sized the dialog (in the
   * frame after a render, never inside it: measuring here would force the card's layout during the reader's key press),
   * and as the body scrolls.
   */
  readonly countMore = (): void => {
    const body = this.body;
    if (!body) return;
    const bottom = body.getBoundingClientRect().bottom;
    const items = body.querySelectorAll('[data-testid="lga-position"]');
    let more = 0;
    for (const item of items) if (item.getBoundingClientRect().top >= bottom - 4) more++;
    if (more !== this.state.more) this.setState({ more });
  };

  private scrollToNextHidden = () => {
    const body = this.body;
    if (!body) return;
    const bottom = body.getBoundingClientRect().bottom;
    const next = [...body.querySelectorAll<HTMLElement>('[data-testid="lga-position"]')].find(
      (item) => item.getBoundingClientRect().top >= bottom - 4,
    );
    next?.scrollIntoView({ block: 'start' });
    next?.focus({ preventScroll: true });
  };

  override render(
    {
      reference,
      references,
      positions,
      onReadBriefing,
      onClose,
      compact = false,
      omitted = 0,
      titleId = 'lga-popover-title',
    }: PopoverProps,
    { more }: PopoverState,
  ) {
    const ordered = orderPositions(positions);
    const provisions = provisionsOf(reference, references, ordered);
    const grouped = provisions.length > 1;
    const itemId = (i: number) => `${titleId}-item-${i}`;
    return (
      <div class="lga-popover" role="dialog" aria-labelledby={titleId} tabIndex={-1} data-testid="lga-popover">
        <div class="lga-popover-header" data-testid="lga-popover-header">
          <h2 id={titleId} class="lga-title">
            {popoverTitle(reference, grouped ? provisions : undefined)}
          </h2>
          <button type="button" class="lga-close" aria-label="Close" onClick={onClose}>
            {/* Drawn, not a `×` glyph: a glyph at its own size is one more font to look up as the card opens. */}
            <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              <path d="M1.5 1.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" />
            </svg>
          </button>
        </div>
        <div
          class="lga-popover-body"
          data-testid="lga-popover-body"
          ref={(el) => {
            this.body = el;
          }}
          onScroll={this.onBodyScroll}
        >
          {compact && ordered.length > 1 ? (
            <ul class="lga-summary" data-testid="lga-summary" aria-label="Every position, in short">
              {ordered.map((match, i) => (
                <li key={`${match.position.id}|${match.ref.kind}|${match.ref.number}`}>
                  <a class="lga-summary-line" href={`#${itemId(i)}`} onClick={(e) => this.jumpTo(e, itemId(i))}>
                    <StanceLabel stance={stanceForProvision(match.position, match.ref).stance} />
                    <span class="lga-summary-source">
                      {grouped ? `${referenceLabel(match.ref)} · ` : ''}
                      {sourceLine(match)}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {ordered.length ? (
            <ul class="lga-positions">
              {ordered.map((match, i) => (
                <PositionItem
                  key={`${match.position.id}|${match.ref.kind}|${match.ref.number}`}
                  match={match}
                  onReadBriefing={onReadBriefing}
                  itemId={itemId(i)}
                  showSource={i === 0 || !sameGroup(ordered[i - 1]!, match)}
                  provision={grouped ? referenceLabel(match.ref) : null}
                />
              ))}
            </ul>
          ) : (
            <p class="lga-empty">The LGA's briefings say nothing about this provision.</p>
          )}
        </div>
        <div class="lga-popover-footer">
          {more > 0 ? (
            <button type="button" class="lga-more" data-testid="lga-more" onClick={this.scrollToNextHidden}>
              {more === 1 ? '1 more position' : `${more} more positions`} <span aria-hidden="true">↓</span>
            </button>
          ) : null}
          {omitted > 0 && ordered[0] ? (
            <p class="lga-omitted" data-testid="lga-omitted">
              {omitted} more in the side panel.{' '}
              <button type="button" class="lga-link" onClick={() => onReadBriefing(ordered[0] as MatchedPosition)}>
                Open it
              </button>
            </p>
          ) : null}
          <p class="lga-shortcuts" data-testid="lga-shortcuts">
            <Keys keys={STEP_KEYS.next} /> / <Keys keys={STEP_KEYS.previous} />: next / previous provision ·{' '}
            <kbd>Esc</kbd> closes
          </p>
        </div>
      </div>
    );
  }

  private jumpTo(event: Event, id: string): void {
    event.preventDefault();
    const target = this.body?.querySelector<HTMLElement>(`#${id}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }
}

/** Positions shown under one briefing line: same briefing, same numbering relation. */
function sameGroup(a: MatchedPosition, b: MatchedPosition): boolean {
  return a.briefing.id === b.briefing.id && a.applies === b.applies && (a.print ?? null) === (b.print ?? null);
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
  const stance = STANCE_LABEL[stanceForProvision(position, ref).stance];
  const more = positions.length > 1 ? ` ${positions.length - 1} more.` : '';
  const caveat = first.applies === 'other-print' ? ' Numbered for another print.' : '';
  return `${popoverTitle(reference)}. ${stance}.${caveat} ${sentence}${more}`;
}
