/**
 * Briefing texts an LGA page's content script has handed over (Add to LGA positions) and the preview page has not yet
 * saved or dropped, with the one-a-second limit on opening previews. Its own part because it is the background's
 * only state that belongs to a tab rather than to the store: bounded (tabs come and go) and forgotten on restart.
 */
import { briefingSite } from '../capture/sites';
import type { PendingCapture } from '../messaging';
import { UserFacingError } from './errors';
import type { MessageSender } from './senders';

/** Briefing texts handed over by LGA pages and not yet saved or dropped: a few tabs' worth, the oldest dropped first. */
const PENDING_CAPTURES = 8;
/** One preview page opened at a time per tab: a second click within this time opens nothing more. */
const CAPTURE_COOLDOWN_MS = 1_000;

interface PendingCaptureEntry extends PendingCapture {
  tabId: number;
  at: number;
}

/**
 * The LGA briefing page a content script's message comes from, by the browser's word (never the message's). The
 * sender table (senders.ts) has already said it is our content script; this says it is on an LGA briefing page.
 */
export function briefingPageOf(sender: MessageSender): { url: string; site: string } {
  const site = sender.url ? briefingSite(sender.url) : null;
  if (!sender.url || !site || sender.tab?.id === undefined) {
    throw new UserFacingError('only the content script of an LGA briefing page may send this');
  }
  return { url: sender.url, site: site.name };
}

export class CaptureQueue {
  private readonly pending = new Map<string, PendingCaptureEntry>();
  /** When each tab last asked for a preview (the cooldown is per tab: another page's click is not a double click). */
  private readonly lastCaptureAt = new Map<number, number>();

  /**
   * Holds a page's text for its preview and returns the id the preview page asks for it by; refused while the same
   * tab's last preview is still opening (`at`: now, in milliseconds).
   */
  hold(capture: Omit<PendingCapture, 'id'>, tabId: number, at: number): string {
    if (at - (this.lastCaptureAt.get(tabId) ?? Number.NEGATIVE_INFINITY) < CAPTURE_COOLDOWN_MS) {
      throw new UserFacingError('a preview is already opening');
    }
    this.lastCaptureAt.set(tabId, at);
    // Bounded like the hand-overs: tabs come and go, so forget all but the newest few.
    while (this.lastCaptureAt.size > PENDING_CAPTURES)
      this.lastCaptureAt.delete(this.lastCaptureAt.keys().next().value!);
    const id = randomId();
    this.pending.set(id, { id, ...capture, tabId, at });
    while (this.pending.size > PENDING_CAPTURES) this.pending.delete(this.pending.keys().next().value!);
    return id;
  }

  /** The text handed over under `id`, as the preview page reads it; null once saved, dropped or forgotten. */
  get(id: string): PendingCapture | null {
    const entry = this.pending.get(id);
    if (!entry) return null;
    const { tabId: _tab, at: _at, ...capture } = entry;
    return capture;
  }

  /** Forgets the text saved under `id`, and says which tab handed it over (to tell it), if it was still held. */
  take(id: string): { tabId: number } | null {
    const entry = this.pending.get(id);
    if (!entry) return null;
    this.pending.delete(id);
    return { tabId: entry.tabId };
  }
}

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
