/**
 * Opening the database with a given IDBFactory (the browser's, or a fresh fake-indexeddb one per test), running the
 * upgrade steps from whatever version is on disk. Failure to open is an answer, not an exception: the caller falls
 * back to serving the bundled dataset from memory and tells the UI why.
 */
import { wrap } from 'idb';
import { DB_NAME, type Db, SCHEMA_VERSION, UPGRADE_STEPS } from './schema';

export interface OpenOptions {
  name?: string;
  /** Open at an older schema version (tests and fixtures only). */
  version?: number;
  /** Give up when the open neither succeeds nor fails within this time (another tab blocking an upgrade). */
  timeoutMs?: number;
}

export type OpenResult = { ok: true; db: Db } | { ok: false; problem: string };

export async function openDatabase(
  factory: IDBFactory | undefined | null,
  options: OpenOptions = {},
): Promise<OpenResult> {
  const version = options.version ?? SCHEMA_VERSION;
  if (!factory) return { ok: false, problem: 'IndexedDB is not available in this browser context.' };
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(options.name ?? DB_NAME, version);
  } catch (error) {
    return { ok: false, problem: `IndexedDB refused to open: ${describeError(error)}` };
  }
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as Db;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as Parameters<(typeof UPGRADE_STEPS)[number]>[1];
    for (let step = event.oldVersion + 1; step <= version; step++) {
      const upgrade = UPGRADE_STEPS[step];
      if (!upgrade) throw new Error(`no upgrade step to schema version ${step}`);
      upgrade(db, tx);
    }
  });
  const opened = new Promise<OpenResult>((resolve) => {
    request.addEventListener('success', () => resolve({ ok: true, db: wrap(request.result) as unknown as Db }));
    request.addEventListener('error', (event) => {
      event.preventDefault();
      resolve({ ok: false, problem: `IndexedDB could not be opened: ${describeError(request.error)}` });
    });
  });
  const timeoutMs = options.timeoutMs ?? 10_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<OpenResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, problem: `IndexedDB did not open within ${timeoutMs / 1000} s (blocked?).` }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([opened, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error as `Name: message`, for the messages that say why storage failed (DOMException included). */
export function describeError(error: unknown): string {
  if (error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)) {
    return `${error.name}: ${error.message}`;
  }
  return String(error);
}
