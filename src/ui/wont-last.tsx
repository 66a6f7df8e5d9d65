/**
 * Said before saving, wherever the reader saves something (a briefing, a stance correction), in the one case where it
 * will not last: IndexedDB cannot be used and the extension's browser storage could not keep it either (see
 * src/store/memory-store.ts). Asks the background once; says nothing while it does not know, or when what is saved
 * lasts.
 */
import { useEffect, useState } from 'preact/hooks';
import { ask } from './client';

export function WontLastNote() {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    ask({ type: 'status' })
      .then((status) => live && setProblem(status.userDataLasts ? null : (status.storageProblem ?? '')))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  if (problem === null) return null;
  return (
    <p class="note warning" data-testid="wont-last">
      <strong>This will not last:</strong> what you save now is lost when the browser stops the extension's background
      (it may do so after a minute unused), because the browser's storage cannot be used. {problem}
    </p>
  );
}
