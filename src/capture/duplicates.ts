/**
 * When a briefing being saved is one the user already has: the rules that make "add it again" replace, never double.
 *
 * The same LGA briefing reaches a user by several roads: the page at its current URL, the same page at an old
 * journal-content URL or on another host (www., bare, lb2., pas.gov.uk), a saved copy of the page, the text pasted.
 * A saved briefing is the same one when
 *  - `url`: it was read from the same page (URLs compared after `canonicalBriefingUrl` folds host and scheme), or
 *  - `text`: it says the same thing: the same bill, the same stage sections (house, stage, dates) and the same
 *    positions, word for word (white space and quote marks folded). Page furniture, banners and contact blocks do
 *    not count, so one briefing read from two hosts, or pasted and then read from its page, is one briefing;
 *  - `name`: it was saved under the same name (a file chosen again).
 * The one being saved takes the place of every match: it keeps the first match's name (URL matches first) and the
 * earliest "added" date, and the others are removed in the same write. Pure, no DOM.
 */
import { cyrb53 } from '../briefings/hash';
import type { Briefing, Position } from '../model';
import { canonicalBriefingUrl } from './sites';

/** Where a briefing read from a page came from. */
export interface BriefingOrigin {
  /** The page's URL as the browser had it. */
  url: string;
  /** The site's name (`local.gov.uk`), for "added by you from local.gov.uk". */
  site: string;
  /** The date the page gives for itself (YYYY-MM-DD), or null. */
  pageDate: string | null;
}

export interface CompiledBriefing {
  bill: { id: string };
  briefings: ReadonlyArray<Pick<Briefing, 'id' | 'house' | 'stage' | 'dates'>>;
  positions: ReadonlyArray<Pick<Position, 'briefingId' | 'text'>>;
}

/** A briefing the user already saved, as far as these rules need it. */
export interface SavedBriefing extends CompiledBriefing {
  source: string;
  addedAt: string;
  updatedAt?: string;
  origin?: BriefingOrigin | null;
}

export type DuplicateReason = 'url' | 'text' | 'name';

export interface Duplicate {
  source: string;
  addedAt: string;
  /** When it was last saved (its `updatedAt`, else `addedAt`). */
  updatedAt: string;
  /** The first rule that matched (URL, then words, then name). */
  by: DuplicateReason;
  /** True when it also says the same words (the `text` rule holds, whatever matched first). */
  sameWords: boolean;
}

export interface SavePlan {
  /** The name to save under: the first duplicate's, else the candidate's own. */
  source: string;
  /** The first time this briefing was added: the earliest duplicate's, else null (new). */
  addedAt: string | null;
  /** Every saved briefing this one replaces, URL matches first; empty for a new briefing. */
  replaces: Duplicate[];
}

function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** What the briefing says, as one short key: bill, each section's house, stage and dates, each position's words. */
export function briefingSignature(compiled: CompiledBriefing): string {
  const sections = compiled.briefings.map((briefing) => {
    const words = compiled.positions.filter((p) => p.briefingId === briefing.id).map((p) => fold(p.text));
    return [briefing.house ?? '-', briefing.stage ?? '-', briefing.dates.join(','), ...words].join('\u0001');
  });
  return cyrb53([compiled.bill.id, ...sections].join('\u0002'));
}

/** The saved briefings the candidate is the same as, URL matches first, each once. */
export function findDuplicates(
  candidate: CompiledBriefing & { source: string; url: string | null },
  saved: readonly SavedBriefing[],
): Duplicate[] {
  const url = candidate.url ? canonicalBriefingUrl(candidate.url) : null;
  const signature = briefingSignature(candidate);
  const found = new Map<string, Duplicate>();
  const add = (record: SavedBriefing, by: DuplicateReason) => {
    if (found.has(record.source)) return;
    found.set(record.source, {
      source: record.source,
      addedAt: record.addedAt,
      updatedAt: record.updatedAt ?? record.addedAt,
      by,
      sameWords: briefingSignature(record) === signature,
    });
  };
  if (url) for (const r of saved) if (r.origin && canonicalBriefingUrl(r.origin.url) === url) add(r, 'url');
  for (const r of saved) if (briefingSignature(r) === signature) add(r, 'text');
  for (const r of saved) if (r.source === candidate.source) add(r, 'name');
  return [...found.values()];
}

/** Where and as what the candidate is saved, given what the user already has. */
export function planSave(
  candidate: CompiledBriefing & { source: string; url: string | null },
  saved: readonly SavedBriefing[],
): SavePlan {
  const replaces = findDuplicates(candidate, saved);
  const first = replaces[0];
  if (!first) return { source: candidate.source, addedAt: null, replaces };
  const addedAt = replaces.map((d) => d.addedAt).sort()[0] ?? first.addedAt;
  return { source: first.source, addedAt, replaces };
}

/**
 * The page-side status of a briefing page: not saved yet; saved and still the same; saved but the page now says
 * something else (same URL, different words).
 */
export type CaptureState =
  | { state: 'new' }
  | { state: 'added'; source: string; addedAt: string; updatedAt: string }
  | { state: 'changed'; source: string; addedAt: string; updatedAt: string };

export function captureState(
  candidate: CompiledBriefing & { source: string; url: string | null },
  saved: readonly SavedBriefing[],
): CaptureState {
  const duplicates = findDuplicates(candidate, saved).filter((d) => d.by !== 'name');
  const same = duplicates.find((d) => d.sameWords);
  if (same) return { state: 'added', source: same.source, addedAt: same.addedAt, updatedAt: same.updatedAt };
  const page = duplicates.find((d) => d.by === 'url');
  if (page) return { state: 'changed', source: page.source, addedAt: page.addedAt, updatedAt: page.updatedAt };
  return { state: 'new' };
}
