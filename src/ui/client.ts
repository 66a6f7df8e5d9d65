/**
 * The extension pages' (side panel, options) side of src/messaging.ts: typed requests to the background and to the
 * active tab's content script, and the `panelTarget` item the background writes when a popover's "Read the
 * briefing" opens the panel at a briefing.
 */
import { browser } from '#imports';
import type {
  BackgroundRequest,
  PageSummary,
  PageTopicsSummary,
  PanelTarget,
  ReplacedSource,
  Reply,
  ResponseFor,
  TabRequest,
} from '../messaging';

/** Thrown when the background answers `{ok: false}` or does not answer at all. */
export class BackgroundError extends Error {
  constructor(
    readonly requestType: BackgroundRequest['type'],
    message: string,
    /** Set when the request was refused until the reader confirms replacing these (send it again with `replace`). */
    readonly replaces: ReplacedSource[] | null = null,
    /** Set when the request was refused and nothing stored changed: the reason alone (the reply's `unchanged`). */
    readonly unchanged: string | null = null,
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
  if (!reply.ok) throw new BackgroundError(request.type, reply.error, reply.replaces ?? null, reply.unchanged ?? null);
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

export { panelTargetItem, panelWindowsItem, shortcutHintShownItem } from '../storage-items';
export type { PanelTarget };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
