/**
 * "On this page": what the active tab is about and every reference on it that the LGA has a position on.
 * Presentational: the data comes in as props (see usePageSummary in hooks.ts).
 */
import { useState } from 'preact/hooks';
import type { PageSummary } from '../../messaging';
import type { PageContext, Position, Reference, Span } from '../../model';
import { sameProvision, stanceForProvision } from '../../stance/shown';
import { briefingLabel, formatDate, pageStageLabel, referenceLabel } from '../../vocabulary';
import { addedByLabel, otherPrintNote, PositionExcerpt, STANCE_LABEL, whyLine } from '../shared';
import { Correct } from './Correct';
import { countByStance, groupProvisions, type PageProvision, type PositionIndex } from './page-model';
import { StanceBadge, Why } from './parts';

export type PageState =
  | { kind: 'loading' }
  /** No content script answered: not a parliament page, or a page still loading. */
  | { kind: 'not-parliament'; url: string | null }
  | { kind: 'ready'; summary: PageSummary };

export interface PageViewProps {
  state: PageState;
  positions: PositionIndex;
  onFocusReference: (index: number) => void;
  onStep: (direction: 1 | -1) => void;
  /** The first-use note on the keyboard shortcuts (see useShortcutHint): shown above the list when `shown`. */
  shortcutHint?: { shown: boolean; dismiss: () => void };
}

export function PageView({ state, positions, onFocusReference, onStep, shortcutHint }: PageViewProps) {
  if (state.kind === 'loading') {
    return (
      <p class="muted" role="status">
        Reading the page…
      </p>
    );
  }
  if (state.kind === 'not-parliament') {
    return (
      <div class="calm" data-testid="not-parliament">
        <p>
          This tab is not a Hansard or parliament.uk bill page, so there is nothing to show about it here. Open a debate
          on hansard.parliament.uk or a bill on bills.parliament.uk, and the LGA's positions on the provisions it
          mentions will be listed here.
        </p>
        <p>The Bill and Search tabs work on any page.</p>
      </div>
    );
  }
  const { summary } = state;
  const provisions = groupProvisions(summary);
  const counts = countByStance(provisions);
  return (
    <div data-testid="page-view">
      <h2 class="visually-hidden">On this page</h2>
      <section aria-labelledby="page-about">
        <h3 id="page-about">This page is about</h3>
        {summary.sections.length === 0 ? (
          <p class="muted">No bill recognised on this page.</p>
        ) : (
          <ul class="plain sections" data-testid="page-sections">
            {summary.sections.map((section, i) => (
              <li key={i}>
                <SectionLine section={section} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="page-positions">
        <h3 id="page-positions">LGA positions on this page</h3>
        {provisions.length === 0 ? (
          <p class="muted" data-testid="page-no-positions">
            {summary.mentioned === 0
              ? 'No clauses, amendments or schedules are mentioned on this page.'
              : `${summary.mentioned} provision${summary.mentioned === 1 ? ' is' : 's are'} mentioned on this page; the LGA's briefings take no position on ${summary.mentioned === 1 ? 'it' : 'them'}.`}
          </p>
        ) : (
          <>
            <p data-testid="page-counts" class="counts">
              {provisions.length} provision{provisions.length === 1 ? '' : 's'} with a position:{' '}
              {counts.map((c, i) => (
                <>
                  {i > 0 ? ' ' : ''}
                  {/* The comma ends its own count, so a wrapped line never starts with one. */}
                  <span key={c.stance} class="count" data-stance={c.stance}>
                    {STANCE_LABEL[c.stance].toLowerCase()} {c.count}
                    {i < counts.length - 1 ? ',' : ''}
                  </span>
                </>
              ))}
            </p>
            {shortcutHint?.shown ? <ShortcutHint onDismiss={shortcutHint.dismiss} /> : null}
            <div class="step-buttons">
              <button type="button" onClick={() => onStep(-1)} data-testid="page-step-previous">
                Previous on page
              </button>
              <button type="button" onClick={() => onStep(1)} data-testid="page-step-next">
                Next on page
              </button>
            </div>
            <p class="small muted" data-testid="page-shortcuts">
              On the page: <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>N</kbd> / <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd>{' '}
              step to the next / previous provision (add <kbd>Ctrl</kbd> for every mention); <kbd>Esc</kbd> closes.
            </p>
            <ul class="plain provisions" data-testid="page-refs">
              {provisions.map((provision) => (
                <ProvisionItem
                  key={provision.key}
                  provision={provision}
                  positions={positions}
                  onFocusReference={onFocusReference}
                />
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

/** Where the provision is written in the position (its first mention), for marking. */
function mentionOf(position: Position, ref: Reference): Span | undefined {
  return position.refs.find((r) => sameProvision(r, ref))?.mention;
}

function SectionLine({ section }: { section: PageContext }) {
  const label = pageStageLabel(section.house, section.stage, section.stageLabel);
  return (
    <>
      <strong data-testid="page-bill">{section.bill ?? 'Bill not recognised'}</strong>
      {label ? <span data-testid="page-stage"> · {label}</span> : null}
      {section.date ? <span data-testid="page-date"> · {formatDate(section.date)}</span> : null}
    </>
  );
}

/**
 * `Mentioned 7 times on this page` with previous / next: the mentions of one provision, stepped through in page order
 * (after the first, which the provision's own button shows).
 */
function Mentions({
  label,
  indexes,
  onFocusReference,
}: {
  label: string;
  indexes: readonly number[];
  onFocusReference: (index: number) => void;
}) {
  const [at, setAt] = useState(0);
  const go = (direction: 1 | -1) => {
    const next = (at + direction + indexes.length) % indexes.length;
    setAt(next);
    onFocusReference(indexes[next]!);
  };
  return (
    <p class="small mentions" data-testid="page-ref-mentions">
      Mentioned {indexes.length} times on this page{' '}
      <button
        type="button"
        class="link-button"
        data-testid="page-ref-mention-previous"
        aria-label={`${label}: previous mention`}
        onClick={() => go(-1)}
      >
        previous
      </button>{' '}
      <button
        type="button"
        class="link-button"
        data-testid="page-ref-mention"
        aria-label={`${label}: next mention`}
        onClick={() => go(1)}
      >
        next
      </button>
    </p>
  );
}

function ProvisionItem({
  provision,
  positions,
  onFocusReference,
}: {
  provision: PageProvision;
  positions: PositionIndex;
  onFocusReference: (index: number) => void;
}) {
  const label = referenceLabel(provision);
  const entries = provision.positionIds.flatMap((id) => {
    const entry = positions.get(id);
    return entry ? [entry] : [];
  });
  const [first, ...more] = provision.indexes;
  return (
    <li class="provision" data-testid="page-ref" data-kind={provision.kind} data-number={provision.number}>
      <div class="provision-head">
        <button
          type="button"
          class="link-button"
          data-testid="page-ref-focus"
          data-index={first}
          onClick={() => first !== undefined && onFocusReference(first)}
        >
          {label}
        </button>{' '}
        <StanceBadge shown={provision.stance} />
        {provision.sectionBill ? <span class="muted small"> · {provision.sectionBill}</span> : null}
      </div>
      {!provision.applies ? (
        <p class="note small" data-testid="page-ref-other-print">
          {otherPrintNote(provision.print)}
        </p>
      ) : null}
      {more.length > 0 ? (
        <Mentions label={label} indexes={provision.indexes} onFocusReference={onFocusReference} />
      ) : null}
      {entries.length === 0 ? null : (
        <ul class="plain positions">
          {entries.map(({ position, briefing }) => {
            const shown = stanceForProvision(position, provision);
            const own = position.refs.find((r) => sameProvision(r, provision));
            return (
              <li key={position.id} class="position" data-testid="page-ref-position" data-position-id={position.id}>
                <p class="small muted">
                  {briefingLabel(briefing)}
                  {addedByLabel(briefing) ? ` · ${addedByLabel(briefing)}` : ''} ·{' '}
                  <StanceBadge shown={stanceForProvision(position, provision)} />
                </p>
                <PositionExcerpt
                  text={position.text}
                  mention={mentionOf(position, provision)}
                  decided={shown.corrected ? [] : own?.decidedBy}
                  whole
                  as="blockquote"
                />
                {shown.corrected ? null : <Why text={whyLine(shown.stance, position.text, own?.decidedBy)} />}
                <Correct position={position} scopes={[provision, null]} />
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

/**
 * Once, the first time positions are listed: how to reach them from the keyboard on the page. A note, not an alert
 * (nothing is announced over what the reader is doing); dismissing it moves focus to the next control, not to <body>.
 */
function ShortcutHint({ onDismiss }: { onDismiss: () => void }) {
  const dismiss = (event: Event) => {
    const note = (event.currentTarget as HTMLElement).closest('[data-testid=shortcut-hint]');
    const next = note?.parentElement?.querySelector<HTMLElement>('[data-testid=page-step-next]');
    onDismiss();
    next?.focus();
  };
  return (
    <aside class="hint" role="note" aria-labelledby="shortcut-hint-title" data-testid="shortcut-hint">
      <p id="shortcut-hint-title" class="hint-title">
        Tip: reach these from the keyboard
      </p>
      <p class="small">
        On the page, <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>N</kbd> goes to the next provision the LGA has a position on
        and opens its card; <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd> goes back; <kbd>Esc</kbd> closes the card and
        returns you to the text. This note is shown once.
      </p>
      <button type="button" class="link-button small" onClick={dismiss} data-testid="shortcut-hint-dismiss">
        Got it
      </button>
    </aside>
  );
}
