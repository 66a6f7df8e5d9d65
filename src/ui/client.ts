/**
 * The extension pages' (side panel, options) side of src/messaging.ts: typed requests to the background and to the
 * active tab's content script, and the `panelTarget` item the background writes when a popover's "Read the
 * briefing" opens the panel at a briefing.
 */
import { browser, storage } from '#imports';
import type {
  PanelTarget as BackgroundPanelTarget,
  BackgroundRequest,
  PageSummary,
  PageTopicsSummary,
  Reply,
  ResponseFor,
  TabRequest,
} from '../messaging';

/** Thrown when the background answers `{ok: false}` or does not answer at all. */
export class BackgroundError extends Error {
  constructor(
    readonly requestType: BackgroundRequest['type'],
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

/** Sends one request to the background and unwraps its `Reply`: resolves with the data, throws on `{ok: false}`. */
export async function ask<R extends BackgroundRequest>(request: R): Promise<ResponseFor<R>> {
  let reply: Reply<ResponseFor<R>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(request)) as Reply<ResponseFor<R>> | undefined;
  } catch (error) {
    throw new BackgroundError(request.type, `The extension's background did not answer: ${describe(error)}`);
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new BackgroundError(request.type, `The extension's background gave no answer to "${request.type}".`);
  }
  if (!reply.ok) throw new BackgroundError(request.type, reply.error);
  return reply.data;
}

/** The answer type of each tab request. */
export interface TabResponses {
  pageSummary: PageSummary | null;
  topicSummary: PageTopicsSummary | null;
  focusReference: unknown;
  focusStep: unknown;
  captureChanged: unknown;
}

/**
 * Sends a request to one tab's content script. Resolves with `null` where no content script listens (a page that
 * is not a parliament page, a browser page, a tab still loading): that is an ordinary state, not an error.
 */
export async function askTab<R extends TabRequest>(tabId: number, request: R): Promise<TabResponses[R['type']] | null> {
  try {
    const answer = (await browser.tabs.sendMessage(tabId, request)) as unknown;
    // The content script may answer with a bare value or with a `Reply` like the background's.
    if (answer && typeof answer === 'object' && 'ok' in answer) {
      const reply = answer as Reply<TabResponses[R['type']]>;
      return reply.ok ? reply.data : null;
    }
    return (answer ?? null) as TabResponses[R['type']] | null;
  } catch {
    return null;
  }
}

/** The active tab of the panel's window, or null (no window, devtools, ...). */
export async function activeTab(): Promise<{ id: number; url: string | null } | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return null;
  return { id: tab.id, url: tab.url ?? null };
}

/**
 * Where the panel should open (src/background/service.ts `PanelTarget`: briefingId, positionId, tabId, requestedAt):
 * the background's platform writes it on `openPanel`; the panel reads it on load and watches it. `session:` storage:
 * a target belongs to this browser session only. The background should write it through this item (same key).
 */
export type PanelTarget = BackgroundPanelTarget;

export const panelTargetItem = storage.defineItem<PanelTarget | null>('session:panelTarget', { fallback: null });

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
