/**
 * The reader's own data: the user-data file (every briefing they added, as the text they gave, so a newer compiler
 * can read it again, and their other user records, in one versioned JSON file), compiling added briefings into
 * records to store, saying in words what a save or an import would replace (and which of the reader's corrections it
 * would remove), and writing them to the store within the size an export may hold. Reading a file checks all of it
 * before anything is stored.
 */
import { compileBriefing, type Diagnostic } from '../briefings';
import type { BriefingOrigin } from '../capture/duplicates';
import { briefingSite } from '../capture/sites';
import { fileNameOf } from '../ids';
import { LIMITS, megabytes } from '../limits';
import { NOTHING_CHANGED, type ReplacedSource } from '../messaging';
import type { BillRecord, StanceCorrection } from '../model';
import type { IndexChange } from '../search/cache';
import { parseCorrection } from '../stance/corrections';
import { describeError } from '../store';
import { correctionsOrphaned, correctsRecord, namespaceUserRecords } from '../store/records';
import type { UserBriefingRecord, UserDataRecord } from '../store/schema';
import type { DataStore } from '../store/types';
import { timestampDay } from '../vocabulary';
import { ConfirmReplace, NothingChanged } from './errors';
import { boundedText } from './validate';

export const USER_DATA_FORMAT = 'lga-positions-user-data';
/** 2 adds `corrections` (the reader's stance corrections); a version 1 file reads as having none. */
export const USER_DATA_FORMAT_VERSION = 2;

export interface UserDataFile {
  format: typeof USER_DATA_FORMAT;
  formatVersion: number;
  exportedAt: string;
  /** `updatedAt` and `origin` (the LGA page it was read from) only where the briefing has them. */
  briefings: Array<{ source: string; text: string; addedAt: string; updatedAt?: string; origin?: BriefingOrigin }>;
  userData: UserDataRecord[];
  corrections: StanceCorrection[];
}

export function exportUserDataFile(
  briefings: readonly UserBriefingRecord[],
  userData: readonly UserDataRecord[],
  now: Date,
  corrections: readonly StanceCorrection[] = [],
): string {
  const file: UserDataFile = {
    format: USER_DATA_FORMAT,
    formatVersion: USER_DATA_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    briefings: briefings.map(({ source, text, addedAt, updatedAt, origin }) => ({
      source,
      text,
      addedAt,
      ...(updatedAt ? { updatedAt } : {}),
      ...(origin ? { origin } : {}),
    })),
    userData: [...userData],
    corrections: [...corrections],
  };
  return JSON.stringify(file, null, 2);
}

function briefingOrigin(value: unknown): BriefingOrigin | 'invalid' {
  if (typeof value !== 'object' || value === null) return 'invalid';
  const { url, pageDate } = value as Record<string, unknown>;
  if (typeof url !== 'string' || url.length > LIMITS.url) return 'invalid';
  const site = briefingSite(url);
  if (!site) return 'invalid';
  if (pageDate !== null && (typeof pageDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(pageDate))) return 'invalid';
  return { url, site: site.name, pageDate };
}

export type ParsedUserData = { ok: true; file: UserDataFile } | { ok: false; errors: string[] };

/** Checks a user-data file completely; every problem is listed, with where it is. */
function parseUserDataFile(json: string): ParsedUserData {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const errors: string[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: ['not a user-data file: expected a JSON object'] };
  }
  const file = data as Record<string, unknown>;
  if (file.format !== USER_DATA_FORMAT) errors.push(`not a user-data file: format is not "${USER_DATA_FORMAT}"`);
  if (
    typeof file.formatVersion !== 'number' ||
    file.formatVersion > USER_DATA_FORMAT_VERSION ||
    file.formatVersion < 1
  ) {
    errors.push(
      `formatVersion ${String(file.formatVersion)} is not one this version reads (1 to ${USER_DATA_FORMAT_VERSION})`,
    );
  }
  const briefings: UserDataFile['briefings'] = [];
  if (!Array.isArray(file.briefings)) errors.push('briefings must be an array');
  const seen = new Set<string>();
  for (const [i, item] of (Array.isArray(file.briefings) ? file.briefings : []).entries()) {
    const where = `briefings[${i}]`;
    if (typeof item !== 'object' || item === null) {
      errors.push(`${where} must be an object`);
      continue;
    }
    const { source, text, addedAt, updatedAt, origin } = item as Record<string, unknown>;
    if (typeof source !== 'string' || !source.trim() || source.length > LIMITS.fileName) {
      errors.push(`${where}.source must be a file name of 1 to ${LIMITS.fileName} characters`);
      continue;
    }
    if (fileNameOf(source) !== source) {
      errors.push(`${where}.source must be a file name, without a folder ("${source.slice(0, 80)}")`);
      continue;
    }
    if (seen.has(source)) errors.push(`${where}: "${source}" appears twice`);
    seen.add(source);
    try {
      boundedText(text, `${where}.text`, LIMITS.briefingBytes);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    if (typeof addedAt !== 'string' || Number.isNaN(Date.parse(addedAt))) {
      errors.push(`${where}.addedAt must be an ISO date and time`);
      continue;
    }
    if (updatedAt !== undefined && (typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt)))) {
      errors.push(`${where}.updatedAt must be an ISO date and time`);
      continue;
    }
    const from = origin === undefined || origin === null ? null : briefingOrigin(origin);
    if (from === 'invalid') {
      errors.push(`${where}.origin must name an LGA briefing page (url, site, pageDate)`);
      continue;
    }
    briefings.push({
      source,
      text: text as string,
      addedAt,
      ...(typeof updatedAt === 'string' ? { updatedAt } : {}),
      ...(from ? { origin: from } : {}),
    });
  }
  const userData: UserDataRecord[] = [];
  if (file.userData !== undefined && !Array.isArray(file.userData)) errors.push('userData must be an array');
  for (const [i, item] of (Array.isArray(file.userData) ? file.userData : []).entries()) {
    const key = (item as Record<string, unknown> | null)?.key;
    if (typeof key !== 'string' || !key || key.length > LIMITS.shortText) {
      errors.push(`userData[${i}].key must be a non-empty string`);
      continue;
    }
    const value = (item as Record<string, unknown>).value;
    if (depthOver(value, LIMITS.userDataDepth)) {
      errors.push(`userData[${i}].value is nested more than ${LIMITS.userDataDepth} levels deep`);
      continue;
    }
    userData.push({ key, value });
  }
  const corrections: StanceCorrection[] = [];
  if (file.corrections !== undefined && !Array.isArray(file.corrections)) errors.push('corrections must be an array');
  for (const [i, item] of (Array.isArray(file.corrections) ? file.corrections : []).entries()) {
    try {
      corrections.push(parseCorrection(item, `corrections[${i}]`));
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    file: {
      format: USER_DATA_FORMAT,
      formatVersion: file.formatVersion as number,
      exportedAt: String(file.exportedAt ?? ''),
      briefings,
      userData,
      corrections,
    },
  };
}

/** True when `value` nests deeper than `limit` (checked without recursion, so any depth is safe to check). */
function depthOver(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.source}:${d.line}: ${d.message}`;
}

/** Compiles briefing texts in order; later ones see the bills earlier ones introduced. */
export function compileUserBriefings(
  items: ReadonlyArray<{
    source: string;
    text: string;
    addedAt: string;
    updatedAt?: string;
    origin?: BriefingOrigin | null;
  }>,
  knownBills: readonly BillRecord[],
): { records: UserBriefingRecord[]; errors: Diagnostic[] } {
  const bills = [...knownBills];
  const records: UserBriefingRecord[] = [];
  const errors: Diagnostic[] = [];
  for (const item of items) {
    const result = compileBriefing(item.text, item.source, bills);
    if (result.errors.length) {
      errors.push(...result.errors);
      continue;
    }
    if (result.positions.length === 0) {
      errors.push({ source: item.source, line: 1, message: 'no key messages or background bullets were found' });
      continue;
    }
    if (!bills.some((bill) => bill.id === result.bill.id)) bills.push(result.bill);
    records.push({
      source: item.source,
      text: item.text,
      addedAt: item.addedAt,
      ...(item.updatedAt ? { updatedAt: item.updatedAt } : {}),
      ...(item.origin ? { origin: item.origin } : {}),
      bill: result.bill,
      ...namespaceUserRecords(result.briefings, result.positions, item.origin?.site ?? null),
      warnings: result.warnings.map(formatDiagnostic),
    });
  }
  return { records, errors };
}

/** A saved briefing a save or an import replaces; `orphaned`: the corrections the replacement removes (of any source). */
export function replacedSource(record: UserBriefingRecord, orphaned: readonly StanceCorrection[] = []): ReplacedSource {
  return {
    source: record.source,
    billTitle: record.bill.title,
    briefings: record.briefings.length,
    addedAt: record.addedAt,
    corrections: orphaned.filter((correction) => correctsRecord(correction, record)).length,
  };
}

/** `"devolution.txt" (English Devolution Bill, 2 stages, added 1 December 2026)` */
export function describeReplaced(replaced: ReplacedSource): string {
  // The day in UTC, as the stored time is written: the same day whichever time zone the reader is in.
  const day = timestampDay(replaced.addedAt);
  const when = day ? `, added ${day}` : '';
  const stages = `${replaced.briefings} stage${replaced.briefings === 1 ? '' : 's'}`;
  return `"${replaced.source}" (${replaced.billTitle}, ${stages}${when})`;
}

/** Refuses a save that would replace briefings the reader added, until they confirm (the reply lists them). */
export function confirmSaveReplacing(replaces: ReplacedSource[]): ConfirmReplace {
  return new ConfirmReplace(
    `nothing was saved: it would replace ${replaces.map(describeReplaced).join('; ')}; confirm the replacement first`,
    replaces,
  );
}

/** Refuses an import that would replace briefings the reader added, until they confirm (the reply lists them). */
export function confirmImportReplacing(replaced: ReplacedSource[]): ConfirmReplace {
  return new ConfirmReplace(
    `import failed, ${NOTHING_CHANGED}:\nit would replace ${replaced.length === 1 ? 'a briefing' : `${replaced.length} briefings`} you added: ${replaced.map(describeReplaced).join('; ')}. Confirm the replacement to import it.`,
    replaced,
  );
}

/** An import refused, its problems a line each: nothing was changed. */
export function importFailed(problems: readonly string[]): NothingChanged {
  return new NothingChanged(problems.join('\n'), 'import failed');
}

/**
 * A user-data file to import, read and its briefings compiled against `knownBills` (later ones see the bills earlier
 * ones bring). A file that cannot be imported is refused here (`importFailed`, every problem listed), at once: not
 * after the reader confirmed a replacement, nor with a count of corrections lost to briefings that failed to compile.
 */
export async function readImport(
  json: string,
  knownBills: () => Promise<readonly BillRecord[]>,
): Promise<{ file: UserDataFile; records: UserBriefingRecord[] }> {
  let parsed: ParsedUserData;
  try {
    parsed = parseUserDataFile(json);
  } catch (error) {
    // A file nested past what the engine can hold (RangeError) or any other surprise: still nothing changed.
    throw importFailed([`the file could not be read (${describeError(error)})`]);
  }
  if (!parsed.ok) throw importFailed(parsed.errors);
  const { records, errors } = compileUserBriefings(parsed.file.briefings, await knownBills());
  if (errors.length) throw importFailed(errors.map(formatDiagnostic));
  return { file: parsed.file, records };
}

/** UTF-8 bytes of a string, without building a second copy of it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Null when user data made of `records` exports to a file import reads again; otherwise why not. One limit for both
 * (LIMITS.userDataBytes), so an export is always importable.
 */
function userDataTooLarge(records: readonly UserBriefingRecord[], userData: readonly UserDataRecord[]): string | null {
  const bytes = utf8Length(exportUserDataFile(records, userData, new Date(0)));
  if (bytes <= LIMITS.userDataBytes) return null;
  return `your data would come to ${megabytes(bytes)}, over the ${megabytes(LIMITS.userDataBytes)} an export may hold (so it could not be imported again): remove a briefing first`;
}

/**
 * The reader's corrections that saving `incoming` in place of the saved `replaced` would remove (said before the
 * reader confirms; the store removes the same ones in its write: src/store/records.ts `correctionsOrphaned`).
 * `putAgain`: corrections the write puts back (an import's own).
 */
export async function orphanedBy(
  store: DataStore,
  replaced: readonly UserBriefingRecord[],
  incoming: readonly UserBriefingRecord[],
  putAgain: readonly StanceCorrection[] = [],
): Promise<StanceCorrection[]> {
  if (!replaced.length) return [];
  return correctionsOrphaned(await store.corrections(), replaced, incoming, putAgain);
}

/** A write of the reader's data: briefings to store, other sources they replace, user records and corrections. */
export interface UserDataWrite {
  records: readonly UserBriefingRecord[];
  userData?: readonly UserDataRecord[];
  /** Saved sources to remove besides those `records` replace by name. */
  replacing?: readonly string[];
  corrections?: readonly StanceCorrection[];
}

/**
 * Writes user briefings (and records), replacing the sources named in `replacing` too, after checking that the
 * result still exports to a file import can read (else `NothingChanged`, and nothing is written). Returns the
 * reader's corrections the replacement removed (of positions the new versions no longer hold: see `orphanedBy`), and
 * the search index's change with the stamp it was read at before the write, for the caller to update its index.
 */
export async function writeUserData(
  store: DataStore,
  knownBills: () => Promise<readonly BillRecord[]>,
  { records, userData = [], replacing = [], corrections = [] }: UserDataWrite,
): Promise<{ orphaned: StanceCorrection[]; stampBefore: string; change: IndexChange }> {
  const going = new Set([...records.map((record) => record.source), ...replacing]);
  const saved = await store.userBriefings();
  const kept = saved.filter((record) => !going.has(record.source));
  const keys = new Set(userData.map((record) => record.key));
  const keptData = (await store.userData()).filter((record) => !keys.has(record.key));
  const tooLarge = userDataTooLarge([...kept, ...records], [...keptData, ...userData]);
  if (tooLarge) throw new NothingChanged(tooLarge);
  const stampBefore = await store.searchStamp();
  const bills = new Map([
    ...records.map((r) => [r.bill.id, r.bill] as const),
    ...(await knownBills()).map((b) => [b.id, b] as const),
  ]);
  const orphaned = await store.putUserBriefings(records, userData, replacing, corrections);
  const change: IndexChange = {
    removed: saved.filter((record) => going.has(record.source)).flatMap((r) => r.positions.map((p) => p.id)),
    added: {
      bills: [...bills.values()],
      briefings: records.flatMap((r) => r.briefings),
      positions: records.flatMap((r) => r.positions),
    },
  };
  return { orphaned, stampBefore, change };
}
