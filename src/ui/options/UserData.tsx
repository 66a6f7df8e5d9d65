/**
 * The dataset's status, the briefings the reader added (with Remove), and export/import of all user data.
 * Presentational.
 */
import type { DatasetStatus, ReplacedSource } from '../../messaging';
import type { Briefing } from '../../model';
import { briefingLabel, formatTimestamp } from '../../vocabulary';
import { correctionsRemovedLabel } from '../capture/words';

export function StatusView({ status, error }: { status: DatasetStatus | null; error: string | null }) {
  return (
    <section aria-labelledby="status-heading" data-testid="status">
      <h2 id="status-heading">The LGA briefings</h2>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : !status ? (
        <p class="muted">Reading the dataset…</p>
      ) : (
        <>
          <dl class="facts">
            <div>
              <dt>Version</dt>
              <dd data-testid="status-version">{status.version}</dd>
            </div>
            <div>
              <dt>Built</dt>
              <dd data-testid="status-built">{formatTimestamp(status.builtAt)}</dd>
            </div>
            <div>
              <dt>Contents</dt>
              <dd data-testid="status-counts">
                {status.counts.bills} bills, {status.counts.briefings} briefings, {status.counts.positions} positions
                {status.counts.userBriefings > 0
                  ? ` (${status.counts.userBriefings} ${status.counts.userBriefings === 1 ? 'briefing' : 'briefings'} added by you)`
                  : ''}
              </dd>
            </div>
            <div>
              <dt>Storage</dt>
              <dd data-testid="status-storage">
                {status.storage === 'indexeddb'
                  ? 'Saved in the browser (IndexedDB)'
                  : status.userDataLasts
                    ? "LGA positions in memory; what you add in the extension's browser storage"
                    : 'In memory only'}
              </dd>
            </div>
          </dl>
          {status.storage === 'memory' ? (
            <p class="note warning" role="alert" data-testid="status-memory-warning">
              The browser's database (IndexedDB) is not available
              {status.storageProblem ? ` (${status.storageProblem})` : ''}, so the extension is working from its
              built-in briefings in memory.{' '}
              {status.userDataLasts
                ? "What you add is kept in the extension's browser storage meanwhile, and moves back into the database when it works again."
                : 'What you add now will not last: it is lost when the browser stops the extension’s background.'}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

/** User briefings grouped by the file they came from (the unit `removeBriefing` removes). */
export interface UserSource {
  source: string;
  billTitle: string;
  briefings: Briefing[];
}

export function UserBriefings({
  sources,
  loading,
  onRemove,
  removing,
}: {
  sources: readonly UserSource[];
  loading: boolean;
  onRemove: (source: string) => void;
  removing: string | null;
}) {
  return (
    <section aria-labelledby="user-heading" data-testid="user-briefings">
      <h2 id="user-heading">Briefings you added</h2>
      {loading ? (
        <p class="muted">Loading…</p>
      ) : sources.length === 0 ? (
        <p class="muted" data-testid="user-briefings-empty">
          None yet.
        </p>
      ) : (
        <>
          <p class="small muted" data-testid="user-briefings-remove-note">
            Removing a briefing also removes your stance corrections of its positions.
          </p>
          <ul class="plain user-list">
            {sources.map((item) => (
              <li key={item.source} data-testid="user-briefing" data-source={item.source}>
                <p>
                  <strong>{item.billTitle}</strong> <span class="small muted">({item.source})</span>
                </p>
                <ul class="small">
                  {item.briefings.map((b) => (
                    <li key={b.id}>{briefingLabel(b)}</li>
                  ))}
                </ul>
                <button
                  type="button"
                  class="secondary"
                  data-testid="user-briefing-remove"
                  disabled={removing === item.source}
                  onClick={() => onRemove(item.source)}
                >
                  Remove<span class="visually-hidden"> {item.source}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function ExportImport({
  onExport,
  onImport,
  message,
}: {
  onExport: () => void;
  onImport: (file: File) => void;
  message: { kind: 'ok' | 'error'; text: string } | null;
}) {
  return (
    <section aria-labelledby="data-heading" data-testid="export-import">
      <h2 id="data-heading">Your data</h2>
      <p class="muted small">
        Everything you added, as one JSON file: keep a copy, or move it to another browser. Importing a file that cannot
        be read changes nothing.
      </p>
      <p>
        <button type="button" data-testid="export-button" onClick={onExport}>
          Export your data
        </button>
      </p>
      <div class="field">
        <label for="import-file">Import from a JSON file</label>
        <input
          id="import-file"
          data-testid="import-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) onImport(file);
            input.value = '';
          }}
        />
      </div>
      <p role="status" data-testid="data-message" class={message?.kind === 'error' ? 'error' : ''}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}

/** Held back until the reader says yes: what a save or an import would replace, in words. */
export function ConfirmReplace({
  action,
  what,
  replaces,
  onConfirm,
  onCancel,
}: {
  action: 'save' | 'import';
  what: string;
  replaces: readonly ReplacedSource[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const verb = action === 'save' ? 'Saving' : 'Importing';
  const removed = replaces.reduce((sum, item) => sum + item.corrections, 0);
  return (
    <section class="note warning" role="alertdialog" aria-labelledby="confirm-heading" data-testid="confirm-replace">
      <h2 id="confirm-heading">
        {verb} {what} replaces {replaces.length === 1 ? 'a briefing' : `${replaces.length} briefings`} you added
      </h2>
      <ul data-testid="confirm-replace-list">
        {replaces.map((item) => (
          <li key={item.source} data-testid="confirm-replace-item" data-source={item.source}>
            <strong>{item.source}</strong>: {item.billTitle}, {item.briefings} stage{item.briefings === 1 ? '' : 's'}
          </li>
        ))}
      </ul>
      {removed ? (
        <p data-testid="confirm-replace-corrections">
          Your stance corrections of {replaces.length === 1 ? 'it' : 'them'} that the new words still hold are kept,{' '}
          {correctionsRemovedLabel(removed)}.
        </p>
      ) : null}
      <p>
        <button type="button" data-testid="confirm-replace-yes" onClick={onConfirm}>
          Replace
        </button>{' '}
        <button type="button" class="secondary" data-testid="confirm-replace-no" onClick={onCancel}>
          Keep what I have
        </button>
      </p>
    </section>
  );
}
