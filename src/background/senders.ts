/**
 * Who may send the background what. A content script runs in a web page's renderer, which that page's own scripts
 * (and anything that compromises it) share, so it is trusted only with what a page needs: its lookups, its summary
 * for the badge, the bill list it reads the page with, opening the panel, and on an LGA briefing page handing its
 * text to the preview page (where the reader, on an extension page, decides to save it). The reader's own data (adding,
 * removing, exporting and importing briefings) is read and written only from the extension's pages (options, side
 * panel). Anything else (another extension, a sender the browser did not describe) gets nothing.
 *
 * The table is data: a new request type does not compile until it says who may send it.
 */
import type { BackgroundRequest } from '../messaging';

/** The parts of `runtime.MessageSender` the check reads (the same shape in Chrome and Firefox). */
export interface MessageSender {
  /** The sending extension's id: ours for our content scripts and pages. */
  id?: string;
  /** The sending document's URL: the page for a content script, our extension URL for our pages. */
  url?: string;
  /** Present when the sender is in a tab: a content script, or an extension page opened in a tab. */
  tab?: { id?: number; windowId?: number; url?: string };
  /** The frame a content script runs in (0: the tab's top frame). */
  frameId?: number;
}

/** Our extension, as the browser names it: `runtime.id` and the origin of `runtime.getURL('/')`. */
export interface ExtensionIdentity {
  id: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
}

export type SenderKind = 'extension-page' | 'content-script' | 'other';

export const ALLOWED_SENDERS: Readonly<Record<BackgroundRequest['type'], readonly SenderKind[]>> = {
  lookup: ['content-script', 'extension-page'],
  topics: ['content-script', 'extension-page'],
  bills: ['content-script', 'extension-page'],
  pageSummary: ['content-script'],
  openPanel: ['content-script', 'extension-page'],
  loadPopover: ['content-script'],
  // On an LGA briefing page (the handler checks the page is one): is it saved, and hand its text to the preview.
  captureStatus: ['content-script'],
  captureBriefing: ['content-script'],
  planBriefing: ['extension-page'],
  pendingCapture: ['extension-page'],
  bill: ['extension-page'],
  briefingsForBill: ['extension-page'],
  briefingPositions: ['extension-page'],
  positions: ['extension-page'],
  search: ['extension-page'],
  status: ['extension-page'],
  addBriefing: ['extension-page'],
  removeBriefing: ['extension-page'],
  exportUserData: ['extension-page'],
  importUserData: ['extension-page'],
  // Whatever runs in a page can click inside our popover's shadow root: its "Not right?" only opens the panel's form.
  correctStance: ['extension-page'],
  undoCorrection: ['extension-page'],
};

const SENDER_WORDS: Record<SenderKind, string> = {
  'extension-page': "the extension's own pages (options, side panel)",
  'content-script': "a tab (the extension's content script on a parliament page)",
  other: 'a sender that is not this extension',
};

/** Scheme and host, compared as text: `URL.origin` is "null" for extension schemes outside the browser. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

function onOrigin(url: string | undefined, origin: string): boolean {
  return url !== undefined && originOf(url) === origin;
}

function isWebPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** What the browser says sent a message. Only our own id counts; the URL and tab then say which part of us. */
export function senderKind(sender: MessageSender | undefined, self: ExtensionIdentity): SenderKind {
  if (!sender || sender.id !== self.id) return 'other';
  if (onOrigin(sender.url, self.origin)) {
    // An extension page: the side panel or sidebar (no tab), or options opened in a tab showing our own page.
    if (!sender.tab || onOrigin(sender.tab.url, self.origin)) return 'extension-page';
    return 'other';
  }
  if (sender.tab?.id !== undefined && isWebPage(sender.url)) return 'content-script';
  return 'other';
}

/** Null when the sender may send this type; otherwise the refusal, in words. */
export function refusal(type: BackgroundRequest['type'], sender: MessageSender | undefined, self: ExtensionIdentity) {
  const kind = senderKind(sender, self);
  const allowed = ALLOWED_SENDERS[type];
  if (allowed.includes(kind)) return null;
  return `${type} is refused from ${kind === 'other' ? SENDER_WORDS.other : `a ${kind.replace('-', ' ')}`}: it must come from ${allowed.map((k) => SENDER_WORDS[k]).join(' or ')}`;
}
