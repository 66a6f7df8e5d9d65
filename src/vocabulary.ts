/**
 * Plain English for the model's vocabularies and for dates, shared by the compiler, the adapters, the matcher's
 * reasons, search and the UI, so one word is never spelt two ways.
 */
import type { Reference, ReferenceKind } from './model';

/** Month names in calendar order (index 0 is January). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `march` or `March` -> 3; 0 when the word is not a month. */
export function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.toLowerCase() === lower) + 1;
}

/** How a reference kind is written in prose: `new clause`, `amendment`. */
export const KIND_WORDS: Readonly<Record<ReferenceKind, string>> = {
  clause: 'clause',
  'new-clause': 'new clause',
  amendment: 'amendment',
  schedule: 'schedule',
  'new-schedule': 'new schedule',
  part: 'part',
  chapter: 'chapter',
};

/**
 * The one key of a provision: `clause:7`, `amendment:172A`. Numbers compare without regard to the case of their
 * letters (`172a` is `172A`), everywhere a reference is looked up, grouped or counted.
 */
export function referenceKey(ref: Pick<Reference, 'kind' | 'number'>): string {
  return `${ref.kind}:${ref.number.toUpperCase()}`;
}
