/** The extension the benchmarked background service is told it is, and its side panel as the sender of every request. */
import type { ExtensionIdentity, MessageSender } from '../src/background/senders';

export const BENCH_EXTENSION: ExtensionIdentity = { id: 'bench', origin: 'chrome-extension://bench' };
export const BENCH_SENDER: MessageSender = { id: 'bench', url: 'chrome-extension://bench/sidepanel.html' };
