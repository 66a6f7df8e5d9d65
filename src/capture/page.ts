/**
 * The content script's work on an LGA briefing page, apart from the browser (entrypoints/lga.ts wires it):
 * read the briefing from the page, ask the background whether it is saved, show the control, and on the reader's
 * click hand the text to the background, which opens the preview page where the reader confirms. Nothing here
 * saves: saving is an extension-page request. Runs once per page load and once per reader action or save: a page's
 * own scripts cannot make it do more.
 */
import type { BackgroundRequest, Reply, ResponseFor } from '../messaging';
import { type Control, createControl } from './control';
import { extractBriefing, isBillBriefing } from './extract';

export interface CapturePageOptions {
  doc: Document;
  send: <R extends BackgroundRequest>(request: R) => Promise<Reply<ResponseFor<R>> | undefined>;
  /** Calls back when the background says this page's briefing was saved. */
  onSaved: (callback: () => void) => void;
  shortDate: (iso: string) => string;
}

export interface CapturePage {
  control: Control;
  /** Asks the background for the page's status again (done after every action; resolves when shown). */
  refresh(): Promise<void>;
}

/** Null when the page holds no briefing on a bill (a consultation response, a listing): no control then. */
export function startCapturePage({ doc, send, onSaved, shortDate }: CapturePageOptions): CapturePage | null {
  const first = extractBriefing(doc);
  if (!first || !isBillBriefing(first)) return null;
  // The page may change after load (a script fills it in late): read it again whenever the reader acts.
  const read = () => extractBriefing(doc) ?? first;

  const refresh = async () => {
    control.show({ state: 'checking' });
    const reply = await send({ type: 'captureStatus', text: read().text }).catch(() => undefined);
    control.show(reply?.ok ? reply.data : { state: 'new' });
  };

  const add = async () => {
    control.show({ state: 'opening' });
    const current = read();
    const reply = await send({ type: 'captureBriefing', text: current.text, pageDate: current.pageDate }).catch(
      (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
    );
    if (!reply?.ok) {
      control.show({ state: 'error', message: `Could not open the preview: ${reply?.error ?? 'no answer'}` });
      return;
    }
    await refresh();
  };

  const control = createControl({ doc, onAdd: () => void add(), shortDate });
  onSaved(() => void refresh());
  // Another tab may have saved this briefing meanwhile: look again when the reader comes back to this one.
  doc.addEventListener('visibilitychange', (event) => {
    if (event.isTrusted && doc.visibilityState === 'visible') void refresh();
  });
  void refresh();
  return { control, refresh };
}
