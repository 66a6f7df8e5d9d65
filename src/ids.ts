/**
 * The one place ids are built and read. A briefing is `<billId>/<source>/<section order>`, a position
 * `<briefingId>/<index>`; a briefing the reader added carries the `user:` prefix on both (a reader may add a file
 * named like a shipped one). Everything else (the store's groups by briefing, the panel's bill of a briefing) reads
 * ids through the functions here, never by splitting strings itself.
 *
 * The source part is unique per file name: `stem.txt` and `stem.html` are two sources and get two ids. A `.txt`
 * name gives its stem (the shipped dataset's ids: `children-and-social-work-bill/lga-children-and-social-work-bill/3`);
 * any other name is kept whole and marked with a trailing `%`, and a `%` in a name is written `%25`, so no two file
 * names give the same part.
 */

export const USER_ID_PREFIX = 'user:';

/** The file name without any folder (`user/My briefing.txt` -> `My briefing.txt`). */
export function fileNameOf(source: string): string {
  return source.replace(/^.*[\\/]/, '');
}

/** The source's part of a briefing id: unique per file name (see above). */
export function sourcePart(source: string): string {
  const name = fileNameOf(source).replaceAll('%', '%25');
  if (name.endsWith('.txt') && name.length > 4) return name.slice(0, -4);
  return `${name || 'briefing'}%`;
}

export function briefingId(billId: string, source: string, order: number): string {
  return `${billId}/${sourcePart(source)}/${order}`;
}

export function positionId(briefingIdValue: string, index: number): string {
  return `${briefingIdValue}/${index}`;
}

export function isUserId(id: string): boolean {
  return id.startsWith(USER_ID_PREFIX);
}

/** The id a user's record is stored under (once prefixed, it stays as it is). */
export function userId(id: string): string {
  return isUserId(id) ? id : `${USER_ID_PREFIX}${id}`;
}

/** The briefing a position belongs to: everything before its last `/`. */
export function briefingIdOfPosition(positionIdValue: string): string {
  return positionIdValue.slice(0, positionIdValue.lastIndexOf('/'));
}

/** A position's index in its briefing (the part after the last `/`). */
export function positionIndexOf(positionIdValue: string): number {
  return Number(positionIdValue.slice(positionIdValue.lastIndexOf('/') + 1));
}

/** `<billId>/<source>/<order>` -> `<billId>`, with or without the user prefix. */
export function billIdOfBriefing(briefingIdValue: string): string {
  const id = isUserId(briefingIdValue) ? briefingIdValue.slice(USER_ID_PREFIX.length) : briefingIdValue;
  return id.split('/')[0] ?? id;
}
