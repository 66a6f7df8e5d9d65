/**
 * The reader's own data kept outside IndexedDB (issue 10, finding 6). Where IndexedDB cannot be used the store serves
 * from memory (MemoryStore), and an MV3 background is stopped whenever the browser likes (Chrome: after 30 s idle),
 * so what was only in memory would be gone. A keeper (the extension's `storage.local`, src/storage-items.ts) holds
 * the user's records between backgrounds: the memory store reads them back when it starts and writes them before it
 * says a change is made. When IndexedDB works again, `openStore` moves them into it.
 */
import type { StanceCorrection } from '../model';
import { correctionKey } from '../stance/corrections';
import type { UserBriefingRecord, UserDataRecord } from './schema';

export const KEPT_FORMAT = 'lga-positions-kept-user-data';
export const KEPT_VERSION = 1;

/** Everything the reader added, as the memory store holds it. */
export interface KeptUserData {
  format: typeof KEPT_FORMAT;
  version: typeof KEPT_VERSION;
  briefings: UserBriefingRecord[];
  userData: UserDataRecord[];
  corrections: StanceCorrection[];
}

/** Somewhere the reader's data outlives the background. */
export interface UserDataKeeper {
  /** Where, in the reader's words: `the extension's browser storage`. */
  readonly where: string;
  /** What was kept, as stored (checked by `readKept`); null or undefined when nothing is. */
  load(): Promise<unknown>;
  save(data: KeptUserData): Promise<void>;
  clear(): Promise<void>;
}

export function keptData(
  briefings: Iterable<UserBriefingRecord>,
  userData: Iterable<UserDataRecord>,
  corrections: Iterable<StanceCorrection>,
): KeptUserData {
  return {
    format: KEPT_FORMAT,
    version: KEPT_VERSION,
    briefings: [...briefings],
    userData: [...userData],
    corrections: [...corrections],
  };
}

/**
 * What a keeper returned, if it is ours: the store wrote it, so a shape that is not ours (another version, a damaged
 * value) is not guessed at: it gives null, and the reason.
 */
export function readKept(value: unknown): { data: KeptUserData | null; problem: string | null } {
  if (value === null || value === undefined) return { data: null, problem: null };
  const kept = value as Partial<KeptUserData>;
  if (
    typeof value !== 'object' ||
    kept.format !== KEPT_FORMAT ||
    kept.version !== KEPT_VERSION ||
    !Array.isArray(kept.briefings) ||
    !Array.isArray(kept.userData) ||
    !Array.isArray(kept.corrections)
  ) {
    return { data: null, problem: 'the data kept there is not in a form this version reads' };
  }
  return { data: kept as KeptUserData, problem: null };
}

/** The later of two versions of one briefing the reader added (kept by memory mode, and in IndexedDB). */
export function laterBriefing(a: UserBriefingRecord, b: UserBriefingRecord): UserBriefingRecord {
  return (b.updatedAt ?? b.addedAt) > (a.updatedAt ?? a.addedAt) ? b : a;
}

/** The kept corrections not older than the same correction already stored. */
export function newerCorrections(
  kept: readonly StanceCorrection[],
  stored: readonly StanceCorrection[],
): StanceCorrection[] {
  const at = new Map(stored.map((c) => [correctionKey(c.positionId, c.ref), c.at]));
  return kept.filter((c) => (at.get(correctionKey(c.positionId, c.ref)) ?? '') <= c.at);
}
