/**
 * The preview of a briefing read from an LGA page (capture.html, opened by the background when the reader clicks
 * "Add to LGA positions" on the page): what the compiler made of it, what it would replace, and the Save button.
 * Saving is asked from here, an extension page: the page's content script can only hand the text over.
 *
 * Selectors for browser tests: [data-testid=capture-app]; [data-testid=capture-source] (the page's URL);
 * [data-testid=capture-replaces] ("Updates the briefing you added on 3 Dec"); the preview's own testids
 * (src/ui/options/AddBriefing.tsx); button [data-testid=capture-save]; [data-testid=capture-message] (role=status);
 * [data-testid=capture-expired].
 */
import { useEffect, useState } from 'preact/hooks';
import type { PendingCapture, PlannedSave } from '../../messaging';
import { formatDate, shortDate } from '../../vocabulary';
import { ask, BackgroundError } from '../client';
import { BriefingPreview } from '../options/AddBriefing';
import { message } from '../options/hooks';
import { type BriefingPreviewModel, compileForPreview } from '../options/preview';
import { StyleTokens } from '../panel/theme';
import { WontLastNote } from '../wont-last';
import { correctionsRemovedLabel, replacesLabel } from './words';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'expired' }
  | { kind: 'failed'; error: string }
  | { kind: 'ready'; capture: PendingCapture; preview: BriefingPreviewModel; plan: PlannedSave };

export function CaptureApp({ captureId }: { captureId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        const capture = captureId ? await ask({ type: 'pendingCapture', id: captureId }) : null;
        if (!capture) {
          setLoaded({ kind: 'expired' });
          return;
        }
        const bills = await ask({ type: 'bills' });
        const preview = compileForPreview(capture.text, capture.source, bills);
        const plan = await ask({
          type: 'planBriefing',
          fileName: capture.source,
          text: capture.text,
          url: capture.url,
        });
        setLoaded({ kind: 'ready', capture, preview, plan });
      } catch (error) {
        setLoaded({ kind: 'failed', error: message(error) });
      }
    })();
  }, [captureId]);

  const save = async () => {
    if (loaded.kind !== 'ready' || !loaded.preview.canSave) return;
    const { capture } = loaded;
    setSaving(true);
    try {
      const saved = await ask({
        type: 'addBriefing',
        fileName: capture.source,
        text: capture.text,
        origin: { url: capture.url, pageDate: capture.pageDate },
        captureId: capture.id,
        // The reader saw what it replaces (the plan, above the button) and chose "Update briefing".
        replace: loaded.plan.replaces.length > 0,
      });
      const positions = `${saved.positions} position${saved.positions === 1 ? '' : 's'}`;
      setResult({
        kind: 'ok',
        text: `${saved.replaced.length ? 'Updated' : 'Saved'}: ${saved.bill.title}, ${positions}${saved.corrections ? `, ${correctionsRemovedLabel(saved.corrections, true)}` : ''}. They show on Parliament pages of this bill.`,
      });
    } catch (error) {
      if (error instanceof BackgroundError && error.replaces) {
        // Saved meanwhile (another preview of this page): show what saving now replaces, and let the reader choose.
        const plan = await ask({
          type: 'planBriefing',
          fileName: capture.source,
          text: capture.text,
          url: capture.url,
        });
        setLoaded({ ...loaded, plan });
        setResult({
          kind: 'error',
          text: 'Not saved: this briefing was saved meanwhile. Saving it now replaces that copy: choose Update briefing to do so.',
        });
      } else {
        setResult({ kind: 'error', text: `Not saved: ${message(error)}` });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="app options" data-testid="capture-app">
      <StyleTokens />
      <header class="app-header">
        <h1>Add an LGA briefing from its page</h1>
      </header>
      <main>
        {loaded.kind === 'loading' ? <p class="muted">Reading the briefing…</p> : null}
        {loaded.kind === 'expired' ? (
          <p data-testid="capture-expired">
            This preview is no longer available. Go back to the briefing page and choose “Add to LGA positions” again.
          </p>
        ) : null}
        {loaded.kind === 'failed' ? <p class="error">Could not read the briefing: {loaded.error}</p> : null}
        {loaded.kind === 'ready' ? (
          <>
            <p class="small">
              From <span data-testid="capture-source">{loaded.capture.url}</span>
              {loaded.capture.pageDate ? ` (page dated ${formatDate(loaded.capture.pageDate)})` : ''}. Read from the
              page in your browser; nothing was fetched.
            </p>
            {loaded.plan.replaces.length > 0 ? (
              <p data-testid="capture-replaces">
                <strong>{replacesLabel(loaded.plan.replaces, shortDate)}</strong>
                {loaded.plan.corrections ? `, ${correctionsRemovedLabel(loaded.plan.corrections)}.` : null}
              </p>
            ) : null}
            <BriefingPreview preview={loaded.preview} />
            {loaded.preview.canSave ? <WontLastNote /> : null}
            <p>
              <button
                type="button"
                data-testid="capture-save"
                disabled={!loaded.preview.canSave || saving || result?.kind === 'ok'}
                onClick={() => void save()}
              >
                {saving ? 'Saving…' : loaded.plan.replaces.length ? 'Update briefing' : 'Save briefing'}
              </button>{' '}
              <button type="button" class="link-button" onClick={() => window.close()}>
                {result?.kind === 'ok' ? 'Close' : 'Cancel'}
              </button>
            </p>
          </>
        ) : null}
        <p role="status" data-testid="capture-message" class={result?.kind === 'error' ? 'error' : ''}>
          {result?.text ?? ''}
        </p>
      </main>
    </div>
  );
}
