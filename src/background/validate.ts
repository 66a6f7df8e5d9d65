/**
 * Every message the background receives is checked before it is acted on: a page (or anything else that can send
 * the extension a message) must not be able to crash the background or make it do unbounded work. A message that
 * fails gets `{ok: false, error}` naming what was wrong; one that passes is rebuilt from its known fields only.
 */

import { LIMITS, megabytes } from '../limits';
import type { BackgroundRequest, PositionWindow } from '../messaging';
import { BACKGROUND_REQUEST_TYPES } from '../messaging';
import { HOUSES, type PageContext, type Reference, STAGES, STANCES } from '../model';
import { parseRef } from '../stance/corrections';

export { LIMITS };

export type Validated = { ok: true; request: BackgroundRequest } | { ok: false; error: string };

class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function string(value: unknown, field: string, max: number, { allowEmpty = false } = {}): string {
  if (typeof value !== 'string') fail(`${field} must be a string`);
  if (!allowEmpty && value.trim() === '') fail(`${field} must not be empty`);
  if (value.length > max) fail(`${field} is too long (${value.length} characters; limit ${max})`);
  return value;
}

function optionalString(value: unknown, field: string, max: number): string | undefined {
  return value === undefined ? undefined : string(value, field, max);
}

function nullableString(value: unknown, field: string, max: number): string | null {
  return value === null || value === undefined ? null : string(value, field, max, { allowEmpty: true });
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`${field} must be one of ${allowed.join(', ')} or null`);
  }
  return value as T;
}

function count(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    fail(`${field} must be a whole number from 0 to ${max}`);
  }
  return value;
}

/** Byte length in UTF-8, measured only when the character count cannot settle it. */
function utf8Bytes(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  return new TextEncoder().encode(text).length;
}

export function boundedText(value: unknown, field: string, limitBytes: number): string {
  if (typeof value !== 'string') fail(`${field} must be a string`);
  if (value.length > limitBytes || utf8Bytes(value, limitBytes) > limitBytes) {
    fail(`${field} is too large (limit ${megabytes(limitBytes)})`);
  }
  return value;
}

function flag(value: unknown, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') fail(`${field} must be true or false`);
  return value;
}

function page(value: unknown): PageContext {
  if (!isRecord(value)) fail('page must be an object');
  const date = nullableString(value.date, 'page.date', 32);
  if (date !== null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) fail('page.date must be an ISO date (YYYY-MM-DD)');
  return {
    bill: nullableString(value.bill, 'page.bill', LIMITS.shortText),
    billId: nullableString(value.billId, 'page.billId', LIMITS.shortText),
    house: oneOf(value.house, 'page.house', HOUSES),
    stage: oneOf(value.stage, 'page.stage', STAGES),
    stageLabel: nullableString(value.stageLabel, 'page.stageLabel', LIMITS.shortText),
    date,
  };
}

function isoDayOrNull(value: unknown, field: string): string | null {
  const day = nullableString(value, field, 10);
  if (day !== null && !/^\d{4}-\d{2}-\d{2}$/.test(day)) fail(`${field} must be a date (YYYY-MM-DD) or null`);
  return day || null;
}

function pageOrigin(value: unknown): { url: string; pageDate: string | null } {
  if (!isRecord(value)) fail('origin must be an object');
  return {
    url: string(value.url, 'origin.url', LIMITS.url),
    pageDate: isoDayOrNull(value.pageDate, 'origin.pageDate'),
  };
}

function references(value: unknown): Reference[] {
  if (!Array.isArray(value)) fail('references must be an array');
  if (value.length > LIMITS.references) {
    fail(`too many references (${value.length}; limit ${LIMITS.references}): send a page section at a time`);
  }
  // One rule for a provision, whether it comes in a lookup or a correction (parseRef, src/stance/corrections.ts).
  return value.map((item, i) => {
    if (!isRecord(item)) fail(`references[${i}] must be an object`);
    return provision(item, `references[${i}]`) as Reference;
  });
}

/** Past any position number: a briefing is at most `LIMITS.briefingBytes`, a few bytes a bullet at the very least. */
const POSITION_INDEX_MAX = LIMITS.briefingBytes;

/** A run of positions `from`-`to` (exclusive), at most `LIMITS.panelWindow` long. */
function positionRange(from: unknown, to: unknown, where: string): { from: number; to: number } {
  const start = count(from, `${where}from`, POSITION_INDEX_MAX);
  const end = count(to, `${where}to`, POSITION_INDEX_MAX);
  if (end < start) fail(`${where}to must not be before ${where}from`);
  if (end - start > LIMITS.panelWindow) fail(`${where}from-to asks for more than ${LIMITS.panelWindow} positions`);
  return { from: start, to: end };
}

/** Which positions of each briefing to send: one window per briefing, a bill's worth of briefings at most. */
function windows(value: unknown): PositionWindow[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail('windows must be an array');
  if (value.length > LIMITS.panelWindows) fail(`too many windows (${value.length}; limit ${LIMITS.panelWindows})`);
  return value.map((item, i) => {
    if (!isRecord(item)) fail(`windows[${i}] must be an object`);
    return {
      briefingId: string(item.briefingId, `windows[${i}].briefingId`, LIMITS.shortText),
      ...positionRange(item.from, item.to, `windows[${i}].`),
    };
  });
}

function positionIds(value: unknown): string[] {
  if (!Array.isArray(value)) fail('ids must be an array');
  if (value.length > LIMITS.positionIds) fail(`too many ids (${value.length}; limit ${LIMITS.positionIds})`);
  return value.map((item, i) => string(item, `ids[${i}]`, LIMITS.shortText));
}

function paragraphs(value: unknown): string[] {
  if (!Array.isArray(value)) fail('paragraphs must be an array');
  if (value.length > LIMITS.paragraphs) fail(`too many paragraphs (${value.length}; limit ${LIMITS.paragraphs})`);
  let total = 0;
  return value.map((item, i) => {
    const text = string(item, `paragraphs[${i}]`, LIMITS.paragraphChars, { allowEmpty: true });
    total += text.length;
    if (total > LIMITS.paragraphsChars)
      fail(`paragraphs are too long in all (limit ${LIMITS.paragraphsChars} characters)`);
    return text;
  });
}

/** A provision (`{kind, number}`), or null for a position as a whole. */
function provision(value: unknown, field: string): Reference | null {
  try {
    return parseRef(value, field);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function parse(message: unknown): BackgroundRequest {
  if (!isRecord(message)) fail('a message must be an object with a type');
  const { type } = message;
  if (typeof type !== 'string' || !(BACKGROUND_REQUEST_TYPES as readonly string[]).includes(type)) {
    fail(`unknown message type: ${JSON.stringify(type)?.slice(0, 60) ?? 'undefined'}`);
  }
  const m = message;
  switch (type as BackgroundRequest['type']) {
    case 'lookup':
      return { type: 'lookup', page: page(m.page), references: references(m.references) };
    case 'topics':
      return { type: 'topics', page: page(m.page), paragraphs: paragraphs(m.paragraphs) };
    case 'bill':
      return { type: 'bill', bill: string(m.bill, 'bill', LIMITS.shortText) };
    case 'briefingsForBill': {
      const asked = windows(m.windows);
      return {
        type: 'briefingsForBill',
        billId: string(m.billId, 'billId', LIMITS.shortText),
        ...(asked === undefined ? {} : { windows: asked }),
      };
    }
    case 'briefingPositions': {
      const briefingId = string(m.briefingId, 'briefingId', LIMITS.shortText);
      const at = optionalString(m.at, 'at', LIMITS.shortText);
      if (at !== undefined) {
        if (m.from !== undefined || m.to !== undefined) fail('briefingPositions takes at, or from and to, not both');
        return { type: 'briefingPositions', briefingId, at };
      }
      return { type: 'briefingPositions', briefingId, ...positionRange(m.from, m.to, '') };
    }
    case 'positions':
      return { type: 'positions', ids: positionIds(m.ids) };
    case 'bills':
      return { type: 'bills' };
    case 'loadPopover':
      return { type: 'loadPopover' };
    case 'search': {
      const limit = m.limit === undefined ? undefined : count(m.limit, 'limit', LIMITS.searchResults);
      return {
        type: 'search',
        query: string(m.query, 'query', LIMITS.query, { allowEmpty: true }),
        ...(limit === undefined ? {} : { limit }),
      };
    }
    case 'status':
      return { type: 'status' };
    case 'pageSummary': {
      const total = count(m.total, 'total', LIMITS.badgeCount);
      const applies = count(m.applies, 'applies', LIMITS.badgeCount);
      if (applies > total) fail('applies cannot exceed total');
      return { type: 'pageSummary', applies, total };
    }
    case 'openPanel': {
      const briefingId = optionalString(m.briefingId, 'briefingId', LIMITS.shortText);
      const positionId = optionalString(m.positionId, 'positionId', LIMITS.shortText);
      let correct: { ref: Reference | null } | undefined;
      if (m.correct !== undefined) {
        if (!isRecord(m.correct)) fail('correct must be an object');
        correct = { ref: provision(m.correct.ref, 'correct.ref') };
      }
      return {
        type: 'openPanel',
        ...(briefingId === undefined ? {} : { briefingId }),
        ...(positionId === undefined ? {} : { positionId }),
        ...(correct === undefined ? {} : { correct }),
      };
    }
    case 'correctStance': {
      const stance = oneOf(m.stance, 'stance', STANCES);
      if (stance === null) fail('stance is missing');
      return {
        type: 'correctStance',
        positionId: string(m.positionId, 'positionId', LIMITS.shortText),
        ref: provision(m.ref, 'ref'),
        stance,
      };
    }
    case 'undoCorrection':
      return {
        type: 'undoCorrection',
        positionId: string(m.positionId, 'positionId', LIMITS.shortText),
        ref: provision(m.ref, 'ref'),
      };
    case 'addBriefing': {
      const origin = m.origin === undefined ? undefined : pageOrigin(m.origin);
      const captureId = optionalString(m.captureId, 'captureId', 64);
      return {
        type: 'addBriefing',
        fileName: string(m.fileName, 'fileName', LIMITS.fileName),
        text: boundedText(m.text, 'text', LIMITS.briefingBytes),
        ...(origin === undefined ? {} : { origin }),
        ...(captureId === undefined ? {} : { captureId }),
        replace: flag(m.replace, 'replace'),
      };
    }
    case 'planBriefing': {
      const url = optionalString(m.url, 'url', LIMITS.url);
      return {
        type: 'planBriefing',
        fileName: string(m.fileName, 'fileName', LIMITS.fileName),
        text: boundedText(m.text, 'text', LIMITS.briefingBytes),
        ...(url === undefined ? {} : { url }),
      };
    }
    case 'captureStatus':
      return { type: 'captureStatus', text: boundedText(m.text, 'text', LIMITS.briefingBytes) };
    case 'captureBriefing':
      return {
        type: 'captureBriefing',
        text: boundedText(m.text, 'text', LIMITS.briefingBytes),
        pageDate: isoDayOrNull(m.pageDate, 'pageDate'),
      };
    case 'pendingCapture':
      return { type: 'pendingCapture', id: string(m.id, 'id', 64) };
    case 'removeBriefing':
      return { type: 'removeBriefing', source: string(m.source, 'source', LIMITS.fileName) };
    case 'exportUserData':
      return { type: 'exportUserData' };
    case 'importUserData':
      return {
        type: 'importUserData',
        json: boundedText(m.json, 'json', LIMITS.userDataBytes),
        replace: flag(m.replace, 'replace'),
      };
  }
}

export function validateRequest(message: unknown): Validated {
  try {
    return { ok: true, request: parse(message) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: `invalid message: ${error.message}` };
    return { ok: false, error: `invalid message: ${String(error)}` };
  }
}
