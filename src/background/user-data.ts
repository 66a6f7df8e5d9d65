/**
 * The reader's own data: the user-data file (every briefing they added, as the text they gave, so a newer compiler
 * can read it again, and their other user records, in one versioned JSON file), compiling added briefings into
 * records to store, and saying in words what a save or an import would replace. Reading a file checks all of it
 * before anything is stored.
 */
import { compileBriefing, type Diagnostic } from '../briefings';
import type { BriefingOrigin } from '../capture/duplicates';
import { briefingSite } from '../capture/sites';
import { fileNameOf } from '../ids';
import { LIMITS, megabytes } from '../limits';
import type { ReplacedSource } from '../messaging';
import type { BillRecord, StanceCorrection } from '../model';
import { parseCorrection } from '../stance/corrections';
import { correctsRecord, namespaceUserRecords } from '../store/records';
import type { UserBriefingRecord, UserDataRecord } from '../store/schema';
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
export function parseUserDataFile(json: string): ParsedUserData {
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
  const added = new Date(replaced.addedAt);
  const when = Number.isNaN(added.getTime())
    ? ''
    : `, added ${added.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
  const stages = `${replaced.briefings} stage${replaced.briefings === 1 ? '' : 's'}`;
  return `"${replaced.source}" (${replaced.billTitle}, ${stages}${when})`;
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
export function userDataTooLarge(
  records: readonly UserBriefingRecord[],
  userData: readonly UserDataRecord[],
): string | null {
  const bytes = utf8Length(exportUserDataFile(records, userData, new Date(0)));
  if (bytes <= LIMITS.userDataBytes) return null;
  return `your data would come to ${megabytes(bytes)}, over the ${megabytes(LIMITS.userDataBytes)} an export may hold (so it could not be imported again): remove a briefing first`;
}
