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
 *   user       [data-testid=user-briefings] > [data-testid=user-briefing][data-source] > button [data-testid=user-briefing-remove];
 *              [data-testid=user-briefings-empty]
 *   data       button [data-testid=export-button]; input[type=file] [data-testid=import-file]; [data-testid=data-message]
 */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../client';
import { StyleTokens } from '../panel/theme';
import { AddBriefing } from './AddBriefing';
import { message, useDataset, useSettings } from './hooks';
import { type BriefingPreviewModel, compileForPreview, pastedFileName, readBriefingFile } from './preview';
import { SettingsForm } from './SettingsForm';
import { ExportImport, StatusView, UserBriefings } from './UserData';

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

  useEffect(() => {
    if (!text.trim()) {
      setPreview(null);
      return;
    }
    const timer = setTimeout(() => {
      setPreview(compileForPreview(text, fileName ?? 'pasted briefing', data.bills));
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
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
      setSaveMessage({ kind: 'error', text: `Could not read ${file.name}: ${message(error)}` });
    }
  };

  const onSave = async () => {
    // Compile the current text now (the debounced preview may lag a keystroke behind) and save only if it is clean.
    const current = compileForPreview(text, fileName ?? 'pasted briefing', data.bills);
    setPreview(current);
    if (!current.canSave) return;
    setSaving(true);
    try {
      const saved = await ask({ type: 'addBriefing', fileName: fileName ?? pastedFileName(current), text });
      setSaveMessage({
        kind: 'ok',
        text: `Saved: ${saved.bill.title}, ${saved.briefings} briefing${saved.briefings === 1 ? '' : 's'}, ${saved.positions} position${saved.positions === 1 ? '' : 's'}.`,
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
      const { removed } = await ask({ type: 'removeBriefing', source });
      setDataMessage({ kind: 'ok', text: `Removed ${source} (${removed} briefing${removed === 1 ? '' : 's'}).` });
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
      downloadJson(json, `lga-positions-user-data-${new Date().toISOString().slice(0, 10)}.json`);
      setDataMessage({ kind: 'ok', text: 'Exported your data.' });
    } catch (error) {
      setDataMessage({ kind: 'error', text: `Could not export: ${message(error)}` });
    }
  };

  const onImport = async (file: File) => {
    try {
      const json = await file.text();
      const { briefings } = await ask({ type: 'importUserData', json });
      setDataMessage({
        kind: 'ok',
        text: `Imported ${briefings} briefing${briefings === 1 ? '' : 's'} from ${file.name}.`,
      });
      data.reload();
    } catch (error) {
      setDataMessage({ kind: 'error', text: `Nothing imported from ${file.name}: ${message(error)}` });
    }
  };

  return (
    <div class="app options">
      <StyleTokens />
      <header class="app-header">
        <h1>LGA positions on Parliament: options</h1>
      </header>
      <main>
        <SettingsForm settings={settings} onChange={changeSettings} />
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
        />
        <UserBriefings
          sources={data.userSources}
          loading={data.loadingUser}
          onRemove={(source) => void onRemove(source)}
          removing={removing}
        />
        <ExportImport onExport={() => void onExport()} onImport={(file) => void onImport(file)} message={dataMessage} />
      </main>
    </div>
  );
}

/** A download through a Blob URL and a temporary `<a download>` (no permission needed). */
function downloadJson(json: string, name: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
