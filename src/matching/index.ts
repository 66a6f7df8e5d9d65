/**
 * Stage-aware matching: which of the LGA's positions belong beside a reference on a page, and how sure we are that
 * the number means the same provision.
 *
 * Two rules from how bills work (../shared/docs/architecture.md, print epochs):
 * - clause, schedule, part and chapter numbers belong to a print of the bill. A position numbered for the print the
 *   page debates `applies`; from another print it is shown as `other-print` (the number may name another clause).
 * - amendment, new clause and new schedule numbers restart at every stage (they persist across the days of one
 *   stage). A position from the page's own House and stage `applies`; from any other stage the same number is a
 *   different amendment entirely, so it is left out. Only when the page's stage is unknown (a bill page) are such
 *   positions shown, all as `other-print`, labelled by their stage.
 */
import type {
  BillRecord,
  Briefing,
  MatchedPosition,
  PageContext,
  Position,
  PositionRef,
  PrintRelation,
  Reference,
  ReferenceKind,
  ReferenceMatch,
} from '../model';
import { briefingLabel, differentThing, formatDate, referenceKey, referenceWords, stageLabel } from '../vocabulary';
import { lastDate, printEpoch, stageOrder } from './epochs';
import { type PageStage, pageNamesAnotherBill, resolvePageStage } from './page';
import { sameStage, stageIsKnown } from './stages';

export { parliamentaryOrder, printEpoch, stageOrder } from './epochs';
export { billForPage, resolvePageStage } from './page';
export { briefingsForStage, numberingBriefing, sameStage } from './stages';

export interface MatchData {
  bill: BillRecord;
  briefings: readonly Briefing[];
  positions: readonly Position[];
}

/** Kinds whose numbers belong to a print of the bill; the rest (amendments, new clauses) to one stage. */
const PRINT_NUMBERED: ReadonlySet<ReferenceKind> = new Set(['clause', 'schedule', 'part', 'chapter']);

export function isPrintNumbered(kind: ReferenceKind): boolean {
  return PRINT_NUMBERED.has(kind);
}

/** `Lords Report, 18 October 2016 (stage inferred: the LGA briefed for that day)`: the page, as reasons name it. */
function pageLabel(page: PageContext, stage: PageStage): string {
  const date = page.date ? `, ${formatDate(page.date)}` : '';
  const inferred = stage.inferredFrom ? ' (stage inferred: the LGA briefed for that day)' : '';
  return `${stageLabel(stage.house, stage.stage)}${date}${inferred}`;
}

/** Why the page's stage does not settle the numbering: no stage, no House, or a stage that names no print. */
function unknownStage(page: PageContext, stage: PageStage): string {
  if (stage.stage === null) return 'this page does not say which stage it debates';
  if (stage.house === null) return 'this page does not say which House it is';
  return `this page's stage (${pageLabel(page, stage)}) does not tell which print it debates`;
}

interface Judgement {
  applies: MatchedPosition['applies'];
  print: PrintRelation;
  reason: string;
}

/** What one call knows about the page, computed once. */
interface Scene {
  page: PageContext;
  stage: PageStage;
  stageKnown: boolean;
  epoch: number | null;
  step: number;
  label: string;
  originKnown: boolean;
}

/** What one call knows about a briefing, computed once per briefing. */
interface BriefingView {
  briefing: Briefing;
  epoch: number | null;
  stageKnown: boolean;
  /** For the page's own House and stage (any of its days). */
  sameStage: boolean;
  label: string;
  /** Sort keys: nearer stage, then the page's own day. */
  nearness: number;
  dayFit: number;
  newest: string;
}

function sceneOf(page: PageContext, stage: PageStage, bill: BillRecord): Scene {
  return {
    page,
    stage,
    stageKnown: stageIsKnown(stage.house, stage.stage),
    epoch: printEpoch(bill, stage.house, stage.stage).index,
    step: stageOrder(bill, stage.house, stage.stage),
    label: pageLabel(page, stage),
    originKnown: bill.originatingHouse !== null,
  };
}

/**
 * Sort keys for a briefing: the page's own stage first, then the nearest earlier stage, then later ones (all equal
 * when the page's stage is unknown); then the briefing for the page's own day, then those dated before it.
 */
function viewOf(briefing: Briefing, scene: Scene, bill: BillRecord): BriefingView {
  const same = sameStage(scene.stage.house, scene.stage.stage, briefing);
  const step = stageOrder(bill, briefing.house, briefing.stage);
  const nearness = !scene.stageKnown
    ? 0
    : same
      ? 0
      : step <= scene.step
        ? 1 + (scene.step - step)
        : 100 + (step - scene.step);
  const day = scene.page.date;
  const dayFit = day === null ? 1 : briefing.dates.includes(day) ? 0 : briefing.dates.some((d) => d <= day) ? 1 : 2;
  return {
    briefing,
    epoch: printEpoch(bill, briefing.house, briefing.stage).index,
    stageKnown: stageIsKnown(briefing.house, briefing.stage),
    sameStage: same,
    label: briefingLabel(briefing, { detail: true }),
    nearness,
    dayFit,
    newest: lastDate(briefing),
  };
}

/** Clause, schedule, part, chapter: the same print, or not. */
function judgePrintNumbered(ref: Reference, view: BriefingView, scene: Scene): Judgement {
  if (scene.epoch !== null && view.epoch === scene.epoch) {
    return {
      applies: 'applies',
      print: 'this',
      reason: `Same print: briefing for ${view.label}; this page is ${scene.label}`,
    };
  }
  const numbered = `Numbered for ${view.label}`;
  const mayDiffer = `so ${referenceWords(ref)} may be ${differentThing(ref.kind)}`;
  if (scene.epoch === null) {
    return {
      applies: 'other-print',
      print: 'unknown',
      reason: `${numbered}: ${unknownStage(scene.page, scene.stage)}, ${mayDiffer}`,
    };
  }
  if (view.epoch === null) {
    return {
      applies: 'other-print',
      print: 'unknown',
      reason: `${numbered}: the briefing does not say which stage it was for, ${mayDiffer}`,
    };
  }
  const which = view.epoch < scene.epoch ? 'a later' : 'an earlier';
  // Whether prints compare equal never depends on the house of origin (each print belongs to one House's stages),
  // but which one comes first does: say so when it was assumed.
  const assumed = scene.originKnown ? '' : ' (the bill’s house of origin is not known: assumed to be the Commons)';
  return {
    applies: 'other-print',
    print: view.epoch < scene.epoch ? 'earlier' : 'later',
    reason: `${numbered}: this page debates ${which} print${assumed}, ${mayDiffer}`,
  };
}

/** Amendment, new clause, new schedule: the same House and stage, or left out (null). */
function judgeStageNumbered(ref: Reference, view: BriefingView, scene: Scene): Judgement | null {
  // From another known stage the same number is another amendment: leave it out before spending any words on it.
  if (scene.stageKnown && view.stageKnown && !view.sameStage) return null;
  const numbered = `Numbered for ${view.label}`;
  const mayDiffer = `numbers restart at every stage, so ${referenceWords(ref)} may be ${differentThing(ref.kind)}`;
  if (!scene.stageKnown) {
    return {
      applies: 'other-print',
      print: 'unknown',
      reason: `${numbered}: ${unknownStage(scene.page, scene.stage)}, and ${mayDiffer}`,
    };
  }
  if (!view.stageKnown) {
    return {
      applies: 'other-print',
      print: 'unknown',
      reason: `${numbered}: the briefing does not say which stage it was for, and ${mayDiffer}`,
    };
  }
  const date = scene.page.date;
  const days = date === null || view.briefing.dates.includes(date) ? '' : ' (numbers run through all days of a stage)';
  return {
    applies: 'applies',
    print: 'this',
    reason: `Same House and stage${days}: briefing for ${view.label}; this page is ${scene.label}`,
  };
}

interface Ranked extends MatchedPosition {
  view: BriefingView;
}

/** Reading order of print relations: this print, then earlier prints, then later ones, then those we can't tell. */
const PRINT_ORDER: Readonly<Record<PrintRelation, number>> = { this: 0, earlier: 1, later: 2, unknown: 3 };

/**
 * The LGA's own before any the reader added (a reader's file must never read as the LGA's first word); then applies
 * first; then earlier prints before later ones; then nearer stage; then the page's own day, then earlier days; then
 * newest; then source order.
 */
function compareRanked(a: Ranked, b: Ranked): number {
  return (
    Number(a.briefing.userAdded) - Number(b.briefing.userAdded) ||
    (a.applies === 'applies' ? 0 : 1) - (b.applies === 'applies' ? 0 : 1) ||
    PRINT_ORDER[a.print ?? 'unknown'] - PRINT_ORDER[b.print ?? 'unknown'] ||
    a.view.nearness - b.view.nearness ||
    a.view.dayFit - b.view.dayFit ||
    b.view.newest.localeCompare(a.view.newest) ||
    a.briefing.order - b.briefing.order ||
    a.position.line - b.position.line ||
    a.position.id.localeCompare(b.position.id)
  );
}

/** Distinct references by kind and number, in the order first seen. */
export function distinctReferences<R extends Reference>(refs: readonly R[]): Reference[] {
  const seen = new Map<string, Reference>();
  for (const r of refs) {
    const key = referenceKey(r);
    if (!seen.has(key)) seen.set(key, { kind: r.kind, number: r.number });
  }
  return [...seen.values()];
}

/**
 * For each distinct reference on the page, the positions of `data.bill` that name the same provision, ranked, each
 * with how it applies and why. `data` is the page's bill's data (see `billForPage`); briefings and positions of other
 * bills in it are ignored, and a page that names another bill gets no positions.
 */
export function matchReferences(page: PageContext, refs: readonly Reference[], data: MatchData): ReferenceMatch[] {
  const { bill } = data;
  const wanted = distinctReferences(refs);
  if (pageNamesAnotherBill(page, bill)) return wanted.map((r) => ({ ...r, positions: [] }));
  const briefings = new Map(data.briefings.filter((b) => b.billId === bill.id).map((b) => [b.id, b]));
  const positions = data.positions.filter((p) => p.billId === bill.id && briefings.has(p.briefingId));
  const stage = resolvePageStage(page, [...briefings.values()]);

  // One pass over the positions' references: key -> each position naming it, with its first matching ref.
  const byKey = new Map<string, { position: Position; ref: PositionRef }[]>();
  for (const position of positions) {
    const keys = new Set<string>();
    for (const positionRef of position.refs) {
      const key = referenceKey(positionRef);
      if (keys.has(key)) continue;
      keys.add(key);
      const list = byKey.get(key) ?? [];
      list.push({ position, ref: positionRef });
      byKey.set(key, list);
    }
  }

  const scene = sceneOf(page, stage, bill);
  const views = new Map<string, BriefingView>();
  const viewFor = (briefing: Briefing): BriefingView => {
    let view = views.get(briefing.id);
    if (!view) {
      view = viewOf(briefing, scene, bill);
      views.set(briefing.id, view);
    }
    return view;
  };

  return wanted.map((ref) => {
    const matched: Ranked[] = [];
    for (const { position, ref: positionRef } of byKey.get(referenceKey(ref)) ?? []) {
      const briefing = briefings.get(position.briefingId);
      if (!briefing) continue;
      const view = viewFor(briefing);
      const judgement = isPrintNumbered(ref.kind)
        ? judgePrintNumbered(ref, view, scene)
        : judgeStageNumbered(ref, view, scene);
      if (judgement) matched.push({ position, briefing, ref: positionRef, ...judgement, view });
    }
    matched.sort(compareRanked);
    return { ...ref, positions: matched.map(({ view: _view, ...m }) => m) };
  });
}

/**
 * Keeps each reference's first positions (in rank order): at most `perReference`, and at most `perBriefing` from any
 * one briefing, so one huge briefing can neither fill a reply nor crowd out the others. `more` counts what was left
 * out, for "n more in the side panel".
 */
export function boundMatches(
  matches: readonly ReferenceMatch[],
  limits: { perReference: number; perBriefing: number },
): ReferenceMatch[] {
  return matches.map((match) => {
    const fromBriefing = new Map<string, number>();
    const kept: MatchedPosition[] = [];
    for (const position of match.positions) {
      if (kept.length >= limits.perReference) break;
      const count = fromBriefing.get(position.briefing.id) ?? 0;
      if (count >= limits.perBriefing) continue;
      fromBriefing.set(position.briefing.id, count + 1);
      kept.push(position);
    }
    const more = match.positions.length - kept.length;
    return more > 0 ? { ...match, positions: kept, more } : { ...match, positions: kept };
  });
}
