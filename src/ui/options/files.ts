/**
 * Files the reader chooses on the options page, checked before they are read: a file's size is known without reading
 * it (`File.size`), so a file too large or empty is refused at once, with words, instead of after seconds of reading.
 * The limits are the background's (src/limits.ts): a briefing file and a user-data file (the most an export holds, so
 * whatever this page exports it can import again).
 */
import { LIMITS, megabytes } from '../../limits';
import { NOTHING_CHANGED } from '../../messaging';

export type ChosenFileKind = 'briefing' | 'userData';

const KINDS: Record<ChosenFileKind, { limit: number; noun: string }> = {
  briefing: { limit: LIMITS.briefingBytes, noun: 'a briefing file' },
  userData: { limit: LIMITS.userDataBytes, noun: 'a file of your data (the most an export holds)' },
};

/** Why `file` is refused before reading it, or null to read it. */
export function refusedBeforeReading(file: Pick<File, 'name' | 'size'>, kind: ChosenFileKind): string | null {
  const { limit, noun } = KINDS[kind];
  if (file.size === 0) return `${file.name} is empty`;
  if (file.size > limit) return `${file.name} is ${overLimit(file.size, limit)} for ${noun}; it was not read`;
  return null;
}

/** `6.2 MB, over the 5 MB limit`; in bytes where megabytes would round to the limit itself. */
function overLimit(size: number, limit: number): string {
  const [mb, limitMb] = [megabytes(size), megabytes(limit)];
  if (mb !== limitMb) return `${mb}, over the ${limitMb} limit`;
  return `${size.toLocaleString('en-GB')} bytes, over the ${limit.toLocaleString('en-GB')}-byte limit`;
}

/** A refusal to read a chosen file; its message is the whole reason, naming the file. */
export class FileRefused extends Error {
  override name = 'FileRefused';
}

/** The file's text, once its size has been checked; throws `FileRefused` without reading a file it refuses. */
export async function readChosenFile(
  file: Pick<File, 'name' | 'size' | 'text'>,
  kind: ChosenFileKind,
): Promise<string> {
  const refused = refusedBeforeReading(file, kind);
  if (refused) throw new FileRefused(refused);
  return file.text();
}

/** What the reader is told after exporting `bytes` of data: an export over the import limit is said to be one. */
export function exportedMessage(bytes: number): { kind: 'ok' | 'error'; text: string } {
  if (bytes <= LIMITS.userDataBytes) return { kind: 'ok', text: 'Exported your data.' };
  return {
    kind: 'error',
    text: `Exported your data, but the file is ${overLimit(bytes, LIMITS.userDataBytes)} of an import: it cannot be imported again. Remove a briefing you added and export again.`,
  };
}

/**
 * What the reader is told when the background refuses an import of `name`: that nothing was imported and nothing
 * changed, said once, then `why`: the background's reason alone (its reply's `unchanged`, src/messaging.ts), so no
 * words of its own are taken apart here: `Nothing imported from broken.json, nothing was changed: not JSON: …`.
 */
export function importRefusedMessage(name: string, why: string): string {
  const reason = why.trim();
  return reason
    ? `Nothing imported from ${name}, ${NOTHING_CHANGED}: ${reason}`
    : `Nothing imported from ${name}, ${NOTHING_CHANGED}.`;
}
