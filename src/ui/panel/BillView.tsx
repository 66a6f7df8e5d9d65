/**
 * "Bill": every LGA briefing on one bill in the order given (parliamentary order, from the background), a picture of
 * the LGA's stance provision by provision, and each briefing in full. Presentational.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../limits';
import type { BillBriefings } from '../../messaging';
import type { BillRecord, PageContext, Position, PositionPart, Reference } from '../../model';
import { STANCES } from '../../model';
import { provisionsApart, sameProvision, stanceForPosition } from '../../stance/shown';
import { briefingLabel, formatDates, HOUSE_LONG, referenceLabel, STAGE_LABEL } from '../../vocabulary';
import { addedByLabel, STANCE_GLYPH, STANCE_LABEL, whyLine } from '../shared';
import { numberingNote, positionsShown, shortReference, showingLabel, stanceRows } from './bill-model';
import { Correct } from './Correct';
import { PositionText, ProvisionStances, StanceBadge, Why } from './parts';

export type BillState =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; data: BillBriefings };

export interface BillViewProps {
  bills: readonly BillRecord[];
  selectedBillId: string | null;
  onSelectBill: (billId: string) => void;
  state: BillState;
  /** The page's context for this bill, for numbering notes. */
  page: PageContext | null;
  /** Briefing (and position) to scroll to, from a popover's "Read the briefing" or a search result. */
  target: BillTarget | null;
}

/** Where the Bill tab opens: a briefing, a position in it, and that position's "Not right?" form (popover). */
export interface BillTarget {
  briefingId?: string;
  positionId?: string;
  /** Open the position's correction form, for this provision (or the whole position when null). */
  correct?: { ref: Reference | null };
  at: number;
}

/** A DOM id for a briefing or position id (ids hold `/` and file stems). */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function BillView({ bills, selectedBillId, onSelectBill, state, page, target }: BillViewProps) {
  return (
    <div data-testid="bill-view">
      <h2 class="visually-hidden">Bill</h2>
      <div class="field">
        <label for="bill-select">Bill</label>
        <select
          id="bill-select"
          data-testid="bill-select"
          value={selectedBillId ?? ''}
          onChange={(e) => onSelectBill((e.currentTarget as HTMLSelectElement).value)}
        >
          {selectedBillId ? null : <option value="">Choose a bill</option>}
          {bills.map((bill) => (
            <option key={bill.id} value={bill.id}>
              {bill.title}
            </option>
          ))}
        </select>
      </div>
      <BillBody state={state} page={page} target={target} />
    </div>
  );
}

function BillBody({ state, page, target }: Pick<BillViewProps, 'state' | 'page' | 'target'>) {
  if (state.kind === 'loading')
    return (
      <p class="muted" role="status">
        Loading the briefings…
      </p>
    );
  if (state.kind === 'none') return <p class="muted">Choose a bill to read the LGA's briefings on it.</p>;
  if (state.kind === 'error')
    return (
      <p class="error" role="alert">
        {state.message}
      </p>
    );
  const { data } = state;
  const samePageBill = page && (page.billId === data.bill.id || page.bill === data.bill.title) ? page : null;
  return (
    <>
      <h3 data-testid="bill-title">{data.bill.title}</h3>
      {data.briefings.length === 0 ? (
        <p class="muted">The LGA has no briefings on this bill in the dataset.</p>
      ) : (
        <>
          <StancePicture data={data} />
          <ol class="plain briefings" data-testid="bill-briefings">
            {data.briefings.map(({ briefing, positions }) => (
              <BriefingArticle
                key={briefing.id}
                briefing={briefing}
                positions={positions}
                note={numberingNote(briefing, positions, samePageBill, data.bill.originatingHouse)}
                target={target}
              />
            ))}
          </ol>
        </>
      )}
    </>
  );
}

export function StancePicture({ data }: { data: BillBriefings }) {
  const rows = stanceRows(data);
  return (
    <section aria-labelledby="stance-picture" class="stance-picture">
      <h4 id="stance-picture">The LGA's stance, stage by stage</h4>
      <p class="legend small" aria-hidden="true">
        {STANCES.map((stance) => (
          <span key={stance} class={`chip stance-${stance}`}>
            {STANCE_GLYPH[stance]} {STANCE_LABEL[stance]}
          </span>
        ))}
      </p>
      <table data-testid="stance-grid">
        <caption class="visually-hidden">Provisions the LGA names in each briefing, with its stance on each</caption>
        <thead>
          <tr>
            <th scope="col">Briefing</th>
            <th scope="col">Provisions by stance</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.briefing.id} data-testid="stance-row" data-briefing-id={row.briefing.id}>
              <th scope="row">
                <a href={`#${anchorId('briefing', row.briefing.id)}`}>{briefingLabel(row.briefing)}</a>
              </th>
              <td>
                {row.cells.length === 0 ? (
                  <span class="muted small">No provisions named</span>
                ) : (
                  <ul class="plain cells">
                    {row.cells.map((cell) => (
                      <li
                        key={cell.key}
                        class={`chip stance-${cell.stance}`}
                        data-testid="stance-cell"
                        data-stance={cell.stance}
                        data-ref={`${cell.kind} ${cell.number}`}
                        data-corrected={cell.corrected ? 'true' : undefined}
                        title={`${referenceLabel(cell)}: ${STANCE_LABEL[cell.stance]}${cell.corrected ? ' (corrected by you)' : ''}`}
                      >
                        <a href={`#${anchorId('position', cell.positionId)}`}>
                          <span aria-hidden="true">
                            {STANCE_GLYPH[cell.stance]} {shortReference(cell)}
                            {cell.corrected ? '*' : ''}
                          </span>
                          <span class="visually-hidden">
                            {referenceLabel(cell)}: {STANCE_LABEL[cell.stance]}
                            {cell.corrected ? ' (corrected by you)' : ''}
                          </span>
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const PART_HEADINGS: Record<PositionPart, string> = {
  'key-messages': 'Key messages',
  background: 'Background',
  other: 'More',
};

function BriefingArticle({
  briefing,
  positions,
  note,
  target,
}: {
  briefing: BillBriefings['briefings'][number]['briefing'];
  positions: Position[];
  note: string | null;
  target: BillViewProps['target'];
}) {
  const ref = useRef<HTMLLIElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const isTarget = target?.briefingId === briefing.id;
  // A page of positions at a time: a briefing of thousands of bullets must not put them all in the panel at once.
  const [asked, setAsked] = useState<number>(LIMITS.panelPage);
  const targetIndex = isTarget && target?.positionId ? positions.findIndex((p) => p.id === target.positionId) : -1;
  const shown = positionsShown(positions.length, asked, targetIndex);
  useEffect(() => {
    if (!isTarget || !ref.current) return;
    const position = target?.positionId
      ? ref.current.querySelector<HTMLElement>(`#${anchorId('position', target.positionId)}`)
      : null;
    (position ?? ref.current).scrollIntoView?.({ block: 'start' });
    // Focus goes where a keyboard or screen-reader user can carry on from (the control that asked was on another tab,
    // now hidden, so without this it falls to <body>): the briefing itself, or, when asked for one of its positions,
    // the briefing's heading, which names it, with that position scrolled into view.
    (position && heading.current ? heading.current : ref.current).focus({ preventScroll: true });
  }, [isTarget, target?.at, target?.positionId]);
  const headingId = anchorId('briefing-heading', briefing.id);
  return (
    <li
      ref={ref}
      id={anchorId('briefing', briefing.id)}
      class={`briefing${isTarget ? ' is-target' : ''}`}
      data-testid="briefing"
      data-briefing-id={briefing.id}
      tabIndex={-1}
      aria-labelledby={headingId}
    >
      <article>
        <h4 id={headingId} data-testid="briefing-label" ref={heading} tabIndex={-1}>
          {briefingLabel(briefing)}
        </h4>
        <dl class="meta small">
          <div>
            <dt>House</dt>
            <dd>{briefing.house ? HOUSE_LONG[briefing.house] : 'Not stated'}</dd>
          </div>
          <div>
            <dt>Stage</dt>
            <dd>
              {briefing.stage ? STAGE_LABEL[briefing.stage] : 'Not stated'}
              {briefing.stageDetail ? ` (${briefing.stageDetail})` : ''}
            </dd>
          </div>
          <div>
            <dt>Date</dt>
            <dd>{briefing.dates.length ? formatDates(briefing.dates) : 'Not stated'}</dd>
          </div>
          {briefing.userAdded ? (
            <div>
              <dt>Source</dt>
              <dd data-testid="briefing-user-added">
                {(addedByLabel(briefing) ?? '').replace(/^a/, 'A')} ({briefing.source})
              </dd>
            </div>
          ) : null}
        </dl>
        <p class="small muted heading-as-written">As headed: {briefing.heading}</p>
        {note ? (
          <p class="note" data-testid="numbering-note">
            {note}
          </p>
        ) : null}
        {shown < positions.length ? (
          <p class="small muted" data-testid="briefing-paged">
            {positions.length.toLocaleString('en-GB')} positions: the first {shown.toLocaleString('en-GB')} are shown,
            and more at the end of the list.
          </p>
        ) : null}
        <BriefingParts
          positions={shown < positions.length ? positions.slice(0, shown) : positions}
          target={isTarget ? target : null}
        />
        {shown < positions.length ? (
          <p class="small" data-testid="briefing-more">
            <span data-testid="briefing-showing">{showingLabel(shown, positions.length)}</span>{' '}
            <button
              type="button"
              class="link-button"
              data-testid="briefing-show-more"
              onClick={() => setAsked(shown + LIMITS.panelPage)}
            >
              Show {Math.min(LIMITS.panelPage, positions.length - shown).toLocaleString('en-GB')} more
            </button>
          </p>
        ) : null}
      </article>
    </li>
  );
}

function BriefingParts({ positions, target }: { positions: Position[]; target: BillTarget | null }) {
  const parts: PositionPart[] = ['key-messages', 'background', 'other'];
  return (
    <>
      {parts.map((part) => {
        const inPart = positions.filter((p) => p.part === part);
        if (inPart.length === 0) return null;
        return (
          <section key={part} class="part">
            <h5>{PART_HEADINGS[part]}</h5>
            <ul class="positions">
              {inPart.map((position, i) => (
                <li
                  key={position.id}
                  id={anchorId('position', position.id)}
                  data-testid="briefing-position"
                  data-position-id={position.id}
                >
                  {position.subheading && position.subheading !== inPart[i - 1]?.subheading ? (
                    <p class="subheading">{position.subheading}</p>
                  ) : null}
                  <PositionText position={position} />
                  <PositionStance position={position} />
                  <Correct
                    position={position}
                    scopes={correctionScopes(position, target?.positionId === position.id ? target.correct : undefined)}
                    startOpen={target?.positionId === position.id && !!target.correct}
                    key={target?.positionId === position.id ? `${position.id}@${target.at}` : position.id}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** What a position's form offers: the provision the popover asked about first, else the whole position first. */
function correctionScopes(position: Position, asked: { ref: Reference | null } | undefined): Array<Reference | null> {
  const provisions: Reference[] = [];
  for (const ref of position.refs) {
    if (!provisions.some((p) => sameProvision(p, ref))) provisions.push({ kind: ref.kind, number: ref.number });
  }
  const askedRef = asked?.ref ? provisions.find((p) => sameProvision(p, asked.ref as Reference)) : undefined;
  if (askedRef) return [askedRef, null, ...provisions.filter((p) => p !== askedRef)];
  return [null, ...provisions];
}

/** A position's headline stance (not shown when no stance is stated) and the provisions that differ from it. */
function PositionStance({ position }: { position: Position }) {
  const headline = stanceForPosition(position);
  return (
    <>
      {headline.stance !== 'neutral' || headline.corrected ? (
        <p class="small" data-testid="position-stance">
          <StanceBadge shown={headline} />
        </p>
      ) : null}
      {headline.corrected ? null : <Why text={whyLine(headline.stance, position.text, position.decidedBy)} />}
      <ProvisionStances apart={provisionsApart(position)} />
    </>
  );
}
