/**
 * The real background service for unit tests (fake-indexeddb, the small fixture dataset unless told otherwise) and
 * the few ways tests talk to it, written once: send a request as a sender (the options page unless told), expect it
 * answered, expect it refused.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { MessageSender } from '../src/background/senders';
import { type BackgroundService, createBackgroundService, type ServiceOptions } from '../src/background/service';
import type { BackgroundResponses, Reply } from '../src/messaging';
import { EXTENSION, SENDERS } from './factories';
import { fixtureDataset } from './fixtures/store/dataset';

export type { BackgroundService };

/** A background on a fresh fake IndexedDB with the fixture dataset; `options` replace any of that. */
export function testService(options: Partial<ServiceOptions> = {}): BackgroundService {
  return createBackgroundService({
    indexedDB: new IDBFactory(),
    dataset: fixtureDataset,
    extension: EXTENSION,
    ...options,
  });
}

type Message<K extends keyof BackgroundResponses> = { type: K } & Record<string, unknown>;

/** The reply to one request, typed by its type. */
export async function send<K extends keyof BackgroundResponses>(
  svc: BackgroundService,
  message: Message<K>,
  sender: MessageSender = SENDERS.optionsTab(),
): Promise<Reply<BackgroundResponses[K]>> {
  return (await svc.handle(message, sender)) as Reply<BackgroundResponses[K]>;
}

/** The data of a request that must be answered (throws with the background's error otherwise). */
export async function ok<K extends keyof BackgroundResponses>(
  svc: BackgroundService,
  message: Message<K>,
  sender: MessageSender = SENDERS.optionsTab(),
): Promise<BackgroundResponses[K]> {
  const reply = await send(svc, message, sender);
  if (!reply.ok) throw new Error(`expected ok, got: ${reply.error}`);
  return reply.data;
}

/** The refusal of a request that must be refused (any message, valid or not). */
export async function refused(
  svc: BackgroundService,
  message: unknown,
  sender: MessageSender = SENDERS.optionsTab(),
): Promise<Extract<Reply<unknown>, { ok: false }>> {
  const reply = await svc.handle(message, sender);
  if (reply.ok) throw new Error(`expected a refusal, got ${JSON.stringify(reply.data).slice(0, 200)}`);
  return reply;
}

/** Its error, in words. */
export async function failure(
  svc: BackgroundService,
  message: unknown,
  sender: MessageSender = SENDERS.optionsTab(),
): Promise<string> {
  return (await refused(svc, message, sender)).error;
}
