/**
 * The user-data file: every briefing a user added (as the text they gave, so a newer compiler can read it again) and
 * their other user records, in one versioned JSON file. Reading a file checks all of it before anything is stored.
 */
import type { BriefingOrigin } from '../capture/duplicates';
import { briefingSite } from '../capture/sites';
import type { UserBriefingRecord, UserDataRecord } from '../store/schema';
import { boundedText, LIMITS } from './validate';

export const USER_DATA_FORMAT = 'lga-positions-user-data';
export const USER_DATA_FORMAT_VERSION = 1;

export interface UserDataFile {
  format: typeof USER_DATA_FORMAT;
  formatVersion: number;
  exportedAt: string;
  /** `updatedAt` and `origin` (the LGA page it was read from) only where the briefing has them. */
  briefings: Array<{ source: string; text: string; addedAt: string; updatedAt?: string; origin?: BriefingOrigin }>;
  userData: UserDataRecord[];
}

export function exportUserDataFile(
  briefings: readonly UserBriefingRecord[],
  userData: readonly UserDataRecord[],
  now: Date,
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
    if (typeof source !== 'string' || !source.trim() || source.length > 255) {
      errors.push(`${where}.source must be a file name of 1 to 255 characters`);
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
    userData.push({ key, value: (item as Record<string, unknown>).value });
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
    },
  };
}
