/**
 * The options page: settings, the dataset's status, adding a briefing (compiled here for a preview, saved by the
 * background), the reader's briefings, and export/import of user data.
 *
 * Selectors for browser tests:
 *   settings   [data-testid=settings]; checkboxes [data-testid="site-hansard.parliament.uk"] (and bills., publications.);
 *              radios [data-testid=mode-positions|mode-all], [data-testid=style-underline|style-background];
 *              [data-testid=hover-delay] (range), [data-testid=hover-delay-number]
 *   status     [data-testid=status]: [data-testid=status-version|status-built|status-counts|status-storage],
 *              [data-testid=status-memory-warning] when storage is memory
 *   add        textarea#briefing-text ([data-testid=briefing-text]); input[type=file]#briefing-file ([data-testid=briefing-file]);
 *              [data-testid=briefing-preview] > [data-testid=preview-errors] > [data-testid=preview-error][data-line]
 *              | [data-testid=preview-bill], [data-testid=preview-counts], [data-testid=preview-section], [data-testid=preview-warning];
 *              button [data-testid=briefing-save] (disabled while there are errors); [data-testid=briefing-save-message] (role=status)
 *   several    the file input takes several files (or drop them on the section): [data-testid=batch] >
 *              [data-testid=batch-item][data-file][data-status=ready|error|saved] (each with its own preview,
 *              [data-testid=batch-replaces], [data-testid=batch-outcome]); button [data-testid=batch-save]
 *   user       [data-testid=user-briefings] > [data-testid=user-briefing][data-source] > button [data-testid=user-briefing-remove];
 *              [data-testid=user-briefings-empty]
 *   data       button [data-testid=export-button]; input[type=file] [data-testid=import-file]; [data-testid=data-message];
 *              an import that replaces briefings: [data-testid=confirm-replace] > [data-testid=confirm-replace-item][data-source],
 *              buttons [data-testid=confirm-replace-yes|confirm-replace-no]
 * A chosen file is refused unread when empty or over its limit (./files.ts), with its reason in the section's message.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Duplicate } from '../../capture/duplicates';
import { NOTHING_CHANGED, type ReplacedSource } from '../../messaging';
import { shortDate } from '../../vocabulary';
import { correctionsRemovedLabel, replacesLabel } from '../capture/words';
import { ask, BackgroundError } from '../client';
import { StyleTokens } from '../panel/theme';
import { AddBriefing } from './AddBriefing';
import { exportedMessage, FileRefused, importRefusedMessage, readChosenFile } from './files';
import { message, useDataset, useSettings } from './hooks';
import {
  type BatchItem,
  type BriefingPreviewModel,
  compileForPreview,
  pastedFileName,
  readBriefingFile,
  readBriefingFileDetails,
} from './preview';
import { SettingsForm } from './SettingsForm';
import { ConfirmReplace, ExportImport, StatusView, UserBriefings } from './UserData';

/** Compiling a long page on every keystroke is wasteful; the preview follows the text after a short pause. */
const PREVIEW_DEBOUNCE_MS = 200;

type Message = { kind: 'ok' | 'error'; text: string } | null;

export function OptionsApp() {
  const [settings, changeSettings] = useSettings();
  const data = useDataset();

  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<BriefingPreviewModel | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveMessage, setSaveMessage] = useState<Message>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [dataMessage, setDataMessage] = useState<Message>(null);
  const [batch, setBatch] = useState<BatchItem[] | null>(null);
  const [batchSaving, setBatchSaving] = useState(false);
  /** What saving the previewed text would replace (asked of the background once the preview can be saved). */
  const [replaces, setReplaces] = useState<Duplicate[]>([]);
  /** How many of the reader's stance corrections that would remove (said beside it). */
  const [correctionsRemoved, setCorrectionsRemoved] = useState(0);
  /** An import held back until the reader confirms the briefings it replaces. */
  const [pendingImport, setPendingImport] = useState<{
    name: string;
    json: string;
    replaces: ReplacedSource[];
  } | null>(null);

  useEffect(() => {
    setReplaces([]);
    setCorrectionsRemoved(0);
    if (!text.trim()) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const next = compileForPreview(text, fileName ?? 'pasted briefing', data.bills);
      setPreview(next);
      if (!next.canSave) return;
      ask({ type: 'planBriefing', fileName: fileName ?? pastedFileName(next), text })
        .then((plan) => {
          if (!live) return;
          setReplaces(plan.replaces);
          setCorrectionsRemoved(plan.corrections);
        })
        .catch(() => {});
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, fileName, data.bills]);

  const onText = (next: string) => {
    setText(next);
    setSaveMessage(null);
  };

  const onFile = async (file: File) => {
    setSaveMessage(null);
    try {
      const read = await readBriefingFile(file);
      setFileName(file.name);
      setText(read);
    } catch (error) {
      setSaveMessage({
        kind: 'error',
        text:
          error instanceof FileRefused
            ? `Not read: ${error.message}.`
            : `Could not read ${file.name}: ${message(error)}`,
      });
    }
  };

  /** Several files: each read and compiled apart (one file's failure is its own), then asked what it would replace. */
  const onFiles = async (files: File[]) => {
    setSaveMessage(null);
    const items: BatchItem[] = [];
    for (const file of files) {
      try {
        const read = await readBriefingFileDetails(file);
        items.push({
          file: read,
          preview: compileForPreview(read.text, read.fileName, data.bills),
          plan: null,
          outcome: null,
        });
      } catch (error) {
        const read = { fileName: file.name, text: '', url: null, pageDate: null };
        const preview = compileForPreview('', file.name, data.bills);
        const why = error instanceof FileRefused ? error.message : `${file.name} could not be read: ${message(error)}`;
        preview.errors = [{ source: file.name, line: 1, message: why }];
        items.push({ file: read, preview: { ...preview, canSave: false }, plan: null, outcome: null });
      }
    }
    setBatch(items);
    const planned = await Promise.all(
      items.map(async (item) => {
        if (!item.preview.canSave) return item;
        const { fileName, text, url } = item.file;
        const plan = await ask({ type: 'planBriefing', fileName, text, ...(url ? { url } : {}) }).catch(() => null);
        return { ...item, plan };
      }),
    );
    setBatch(planned);
  };

  /** Saves the files that compiled, one after another (a later copy of one briefing replaces an earlier one). */
  const onSaveBatch = async () => {
    if (!batch) return;
    setBatchSaving(true);
    const done: BatchItem[] = [];
    for (const item of batch) {
      if (!item.preview.canSave || item.outcome?.kind === 'saved') {
        done.push(item);
        continue;
      }
      const { fileName, text, url, pageDate } = item.file;
      try {
        // The batch showed what each file replaces (and the reader chose the files together).
        const saved = await ask({
          type: 'addBriefing',
          fileName,
          text,
          ...(url ? { origin: { url, pageDate } } : {}),
          replace: true,
        });
        done.push({
          ...item,
          outcome: { kind: 'saved', replaced: saved.replaced.length, corrections: saved.corrections },
        });
      } catch (error) {
        done.push({ ...item, outcome: { kind: 'error', message: message(error) } });
      }
    }
    setBatch(done);
    setBatchSaving(false);
    const saved = done.filter((item) => item.outcome?.kind === 'saved').map((item) => item.file.fileName);
    const failed = done.filter((item) => item.outcome?.kind !== 'saved');
    const named = failed.map((item) => {
      const error = item.outcome?.kind === 'error' ? item.outcome.message : item.preview.errors[0];
      return typeof error === 'string' || !error
        ? `${item.file.fileName} (${error ?? 'nothing to save'})`
        : `${item.file.fileName}, line ${error.line}: ${error.message}`;
    });
    setSaveMessage({
      kind: failed.length ? 'error' : 'ok',
      text: [
        saved.length
          ? `Saved ${saved.length} briefing${saved.length === 1 ? '' : 's'}: ${saved.join(', ')}.`
          : 'Nothing saved.',
        failed.length
          ? `Not saved, nothing of ${failed.length === 1 ? 'it' : 'them'} stored: ${named.join('; ')}.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
    data.reload();
  };

  const onSave = async () => {
    // Compile the current text now (the debounced preview may lag a keystroke behind) and save only if it is clean.
    const current = compileForPreview(text, fileName ?? 'pasted briefing', data.bills);
    setPreview(current);
    if (!current.canSave) return;
    setSaving(true);
    try {
      // `replace` only when the preview said what it replaces; a replacement it did not show is refused, with words.
      const saved = await ask({
        type: 'addBriefing',
        fileName: fileName ?? pastedFileName(current),
        text,
        replace: replaces.length > 0,
      });
      setSaveMessage({
        kind: 'ok',
        text: `${saved.replaced.length ? 'Updated' : 'Saved'}: ${saved.bill.title}, ${saved.briefings} briefing${saved.briefings === 1 ? '' : 's'}, ${saved.positions} position${saved.positions === 1 ? '' : 's'}.${saved.replaced.length ? ` ${replacesLabel(saved.replaced, shortDate, true)}${saved.corrections ? `, ${correctionsRemovedLabel(saved.corrections, true)}` : ''}.` : ''}`,
      });
      setText('');
      setFileName(null);
      data.reload();
    } catch (error) {
      setSaveMessage({ kind: 'error', text: `Not saved: ${message(error)}` });
    } finally {
      setSaving(false);
    }
  };

  const onRemove = async (source: string) => {
    setRemoving(source);
    try {
      const { removed, corrections } = await ask({ type: 'removeBriefing', source });
      // The reader's corrections of its positions go with it (nothing could show or undo them after): said, not hidden.
      const correctionWords = corrections
        ? `, and your ${corrections} stance correction${corrections === 1 ? '' : 's'} of it`
        : '';
      setDataMessage({
        kind: 'ok',
        text: `Removed ${source} (${removed} briefing${removed === 1 ? '' : 's'}${correctionWords}).`,
      });
      data.reload();
    } catch (error) {
      setDataMessage({ kind: 'error', text: `Could not remove ${source}: ${message(error)}` });
    } finally {
      setRemoving(null);
    }
  };

  const onExport = async () => {
    try {
      const { json } = await ask({ type: 'exportUserData' });
      const file = new Blob([json], { type: 'application/json' });
      download(file, `lga-positions-user-data-${new Date().toISOString().slice(0, 10)}.json`);
      setDataMessage(exportedMessage(file.size));
    } catch (error) {
      setDataMessage({ kind: 'error', text: `Could not export: ${message(error)}` });
    }
  };

  const importJson = async (name: string, json: string, replace: boolean) => {
    try {
      const { briefings, corrections, replaced } = await ask({ type: 'importUserData', json, replace });
      const correctionWords = corrections ? ` and ${corrections} stance correction${corrections === 1 ? '' : 's'}` : '';
      const removed = replaced.reduce((sum, r) => sum + r.corrections, 0);
      setDataMessage({
        kind: 'ok',
        text: `Imported ${briefings} briefing${briefings === 1 ? '' : 's'}${correctionWords} from ${name}${replaced.length ? `, replacing ${replaced.map((r) => r.source).join(', ')}` : ''}${removed ? `, ${correctionsRemovedLabel(removed, true)}` : ''}.`,
      });
      data.reload();
    } catch (error) {
      if (error instanceof BackgroundError && error.replaces?.length && !replace) {
        setPendingImport({ name, json, replaces: error.replaces });
        setDataMessage({ kind: 'error', text: `Nothing imported from ${name} yet: it replaces briefings you added.` });
        return;
      }
      // The background says why, apart from its words that nothing changed; any other failure is said as it is.
      const why = error instanceof BackgroundError && error.unchanged !== null ? error.unchanged : message(error);
      setDataMessage({ kind: 'error', text: importRefusedMessage(name, why) });
    }
  };

  const onImport = async (file: File) => {
    setPendingImport(null);
    let json: string;
    try {
      json = await readChosenFile(file, 'userData');
    } catch (error) {
      const why = error instanceof FileRefused ? error.message : `it could not be read (${message(error)})`;
      setDataMessage({ kind: 'error', text: `Nothing imported, ${NOTHING_CHANGED}: ${why}.` });
      return;
    }
    await importJson(file.name, json, false);
  };

  return (
    <div class="app options">
      <StyleTokens />
      <header class="app-header">
        <h1>LGA positions on Parliament: options</h1>
      </header>
      <main>
        <SettingsForm settings={settings} onChange={changeSettings} />
        <section aria-labelledby="keys-heading" data-testid="options-shortcuts">
          <h2 id="keys-heading">Keyboard</h2>
          <p>
            On a parliament page, <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>N</kbd> and <kbd>Alt</kbd>+<kbd>Shift</kbd>+
            <kbd>P</kbd> step to the next and previous provision the LGA has a position on, and open its card (add{' '}
            <kbd>Ctrl</kbd> to stop at every mention). <kbd>Tab</kbd> moves through the card; <kbd>Esc</kbd> closes it
            and returns you to the text. The browser's shortcut settings can change the keys.
          </p>
        </section>
        <StatusView status={data.status} error={data.statusError} />
        <AddBriefing
          text={text}
          onText={onText}
          onFile={(file) => void onFile(file)}
          fileName={fileName}
          preview={preview}
          saving={saving}
          onSave={() => void onSave()}
          message={saveMessage}
          replaces={replaces}
          correctionsRemoved={correctionsRemoved}
          onFiles={(files) => void onFiles(files)}
          batch={batch}
          batchSaving={batchSaving}
          onSaveBatch={() => void onSaveBatch()}
          onClearBatch={() => setBatch(null)}
        />
        <UserBriefings
          sources={data.userSources}
          loading={data.loadingUser}
          onRemove={(source) => void onRemove(source)}
          removing={removing}
        />
        <ExportImport onExport={() => void onExport()} onImport={(file) => void onImport(file)} message={dataMessage} />
        {pendingImport ? (
          <ConfirmReplace
            action="import"
            what={pendingImport.name}
            replaces={pendingImport.replaces}
            onConfirm={() => {
              const { name, json } = pendingImport;
              setPendingImport(null);
              void importJson(name, json, true);
            }}
            onCancel={() => {
              setPendingImport(null);
              setDataMessage({
                kind: 'ok',
                text: `Nothing imported from ${pendingImport.name}: you kept what you have.`,
              });
            }}
          />
        ) : null}
      </main>
    </div>
  );
}

/** A download through a Blob URL and a temporary `<a download>` (no permission needed). */
function download(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
