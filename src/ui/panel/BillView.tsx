/**
 * "Bill": every LGA briefing on one bill in the order given (parliamentary order, from the background), a picture of
 * the LGA's stance provision by provision, and each briefing in full. Presentational.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../limits';
import type { BillBriefings, BriefingEntry } from '../../messaging';
import type { BillRecord, PageContext, Position, PositionPart, Reference } from '../../model';
import { STANCES } from '../../model';
import { provisionsApart, sameProvision, stanceForPosition } from '../../stance/shown';
import { briefingLabel, formatDates, HOUSE_LONG, referenceLabel, STAGE_LABEL } from '../../vocabulary';
import { addedByLabel, STANCE_GLYPH, STANCE_LABEL, whyLine } from '../shared';
import { nextRange, numberingNote, shortReference, showingLabel, stanceRows } from './bill-model';
import { Correct } from './Correct';
import type { BillPaging } from './paging';
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
  /** Asks the background for more of a briefing's positions (./paging.ts). */
  paging: BillPaging;
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
  /** Where focus goes: the briefing's heading (the default: it names the briefing), or the position itself (a chip). */
  focus?: 'heading' | 'position';
  at: number;
}

/** A DOM id for a briefing or position id (ids hold `/` and file stems). */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function BillView({ bills, selectedBillId, onSelectBill, state, paging, page, target }: BillViewProps) {
  // A chip of the stance grid opens its position the way a popover's link does; the later of the two wins.
  const [chipTarget, setChipTarget] = useState<BillTarget | null>(null);
  const shownTarget = chipTarget && (!target || chipTarget.at >= target.at) ? chipTarget : target;
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
      <BillBody state={state} paging={paging} page={page} target={shownTarget} onChip={setChipTarget} />
    </div>
  );
}

function BillBody({
  state,
  paging,
  page,
  target,
  onChip,
}: Pick<BillViewProps, 'state' | 'paging' | 'page' | 'target'> & { onChip: (target: BillTarget) => void }) {
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
          <StancePicture data={data} onChip={onChip} />
          <ol class="plain briefings" data-testid="bill-briefings">
            {data.briefings.map((entry) => (
              <BriefingArticle
                key={entry.briefing.id}
                entry={entry}
                paging={paging}
                note={numberingNote(entry.briefing, entry.cells, samePageBill, data.bill.originatingHouse)}
                target={target}
              />
            ))}
          </ol>
        </>
      )}
    </>
  );
}

export function StancePicture({
  data,
  onChip,
}: {
  data: BillBriefings;
  /** A chip chosen: show its position (loaded if it is past the page shown) and move focus to it. */
  onChip?: (target: BillTarget) => void;
}) {
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
                        <a
                          href={`#${anchorId('position', cell.positionId)}`}
                          data-position-id={cell.positionId}
                          onClick={(event) => {
                            if (!onChip) return;
                            event.preventDefault();
                            onChip({
                              briefingId: row.briefing.id,
                              positionId: cell.positionId,
                              focus: 'position',
                              at: Date.now(),
                            });
                          }}
                        >
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
  entry,
  paging,
  note,
  target,
}: {
  entry: BriefingEntry;
  paging: BillPaging;
  note: string | null;
  target: BillViewProps['target'];
}) {
  const { briefing, positions, total } = entry;
  const ref = useRef<HTMLLIElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const isTarget = target?.briefingId === briefing.id;
  const wanted = isTarget ? (target?.positionId ?? null) : null;
  // Only a page of positions is here at a time (the background sends them so): a target past it is loaded first.
  const loaded = wanted === null || positions.some((p) => p.id === wanted);
  const load = (run: () => Promise<void>) => {
    setBusy(true);
    setFailed(null);
    run()
      .catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  useEffect(() => {
    if (!isTarget || loaded || wanted === null) return;
    load(() => paging.show(briefing.id, wanted));
  }, [isTarget, target?.at, wanted, loaded]);
  useEffect(() => {
    if (!isTarget || !ref.current || !loaded) return;
    const position = wanted ? ref.current.querySelector<HTMLElement>(`#${anchorId('position', wanted)}`) : null;
    (position ?? ref.current).scrollIntoView?.({ block: 'start' });
    // Focus goes where a keyboard or screen-reader user can carry on from (the control that asked was on another tab,
    // now hidden, so without this it falls to <body>): the briefing itself; when asked for one of its positions, the
    // briefing's heading, which names it, with that position scrolled into view; from a grid chip, the position itself.
    const focus =
      position && target?.focus === 'position' ? position : position && heading.current ? heading.current : ref.current;
    focus.focus({ preventScroll: true });
  }, [isTarget, target?.at, wanted, loaded]);
  const headingId = anchorId('briefing-heading', briefing.id);
  const after = nextRange(entry, 'after');
  const before = nextRange(entry, 'before');
  const paged = positions.length < total;
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
        {paged ? (
          <p class="small muted" data-testid="briefing-paged">
            {total.toLocaleString('en-GB')} positions, shown {LIMITS.panelPage.toLocaleString('en-GB')} at a time.{' '}
            {before ? 'Earlier ones are above the list, later ones at its end.' : 'More at the end of the list.'}
          </p>
        ) : null}
        {before ? (
          <p class="small">
            <button
              type="button"
              class="link-button"
              data-testid="briefing-show-earlier"
              disabled={busy}
              onClick={() => load(() => paging.more(briefing.id, 'before'))}
            >
              Show the {(before.to - before.from).toLocaleString('en-GB')} before
            </button>
          </p>
        ) : null}
        <BriefingParts positions={positions} target={isTarget ? target : null} />
        {paged ? (
          <p class="small" data-testid="briefing-more">
            <span data-testid="briefing-showing">{showingLabel(entry)}</span>{' '}
            {after ? (
              <button
                type="button"
                class="link-button"
                data-testid="briefing-show-more"
                disabled={busy}
                onClick={() => load(() => paging.more(briefing.id, 'after'))}
              >
                Show {(after.to - after.from).toLocaleString('en-GB')} more
              </button>
            ) : null}
          </p>
        ) : null}
        {failed ? (
          <p class="error small" role="alert" data-testid="briefing-paging-error">
            {failed}
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
                  tabIndex={-1}
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
