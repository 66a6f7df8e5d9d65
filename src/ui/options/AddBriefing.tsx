/**
 * "Add a briefing": paste the text or choose a saved LGA page, see what the compiler made of it, save it.
 * Presentational: compiling and saving happen in OptionsApp (App.tsx) through preview.ts and the background.
 */

import type { Duplicate } from '../../capture/duplicates';
import { STANCES } from '../../model';
import {
  briefingLabel,
  formatDates,
  HOUSE_LONG,
  referenceLabel,
  STAGE_LABEL,
  STAGE_NOT_STATED,
  shortDate,
} from '../../vocabulary';
import { correctionsRemovedLabel, replacesLabel } from '../capture/words';
import { STANCE_LABEL } from '../shared';
import { WontLastNote } from '../wont-last';
import { type BatchItem, BRIEFING_FILE_ACCEPT, type BriefingPreviewModel } from './preview';

export interface AddBriefingProps {
  text: string;
  onText: (text: string) => void;
  onFile: (file: File) => void;
  /** The file chosen, if any (the name the briefing is saved under). */
  fileName: string | null;
  preview: BriefingPreviewModel | null;
  saving: boolean;
  onSave: () => void;
  /** After a save or a failed save, in words. */
  message: { kind: 'ok' | 'error'; text: string } | null;
  /** The saved briefings this one would replace, said before saving ("Updates the briefing you added on 3 Dec"). */
  replaces?: readonly Duplicate[];
  /** How many of the reader's stance corrections saving would remove (of positions the new words no longer hold). */
  correctionsRemoved?: number;
  /** Several files chosen or dropped together: each is previewed apart (see BatchPreview). */
  onFiles?: (files: File[]) => void;
  batch?: BatchItem[] | null;
  batchSaving?: boolean;
  onSaveBatch?: () => void;
  onClearBatch?: () => void;
}

export function AddBriefing({
  text,
  onText,
  onFile,
  fileName,
  preview,
  saving,
  onSave,
  message,
  replaces = [],
  correctionsRemoved = 0,
  onFiles,
  batch,
  batchSaving = false,
  onSaveBatch,
  onClearBatch,
}: AddBriefingProps) {
  const chosen = (files: File[]) => {
    if (files.length > 1 && onFiles) onFiles(files);
    else if (files[0]) onFile(files[0]);
  };
  return (
    <section
      aria-labelledby="add-heading"
      data-testid="add-briefing"
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const files = [...(e.dataTransfer?.files ?? [])];
        if (files.length === 0) return;
        e.preventDefault();
        chosen(files);
      }}
    >
      <h2 id="add-heading">Add a briefing</h2>
      <p class="muted small">
        Paste the text of an LGA briefing page, or choose the page saved from your browser (text or HTML): one, or
        several at once (or drop them here). It is read here, on your computer, by the same compiler as the briefings
        the extension ships with.
      </p>
      <div class="field">
        <label for="briefing-text">Briefing text</label>
        <textarea
          id="briefing-text"
          data-testid="briefing-text"
          rows={8}
          value={text}
          spellcheck={false}
          onInput={(e) => onText((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      <div class="field">
        <label for="briefing-file">Or choose saved briefing pages</label>
        <input
          id="briefing-file"
          data-testid="briefing-file"
          type="file"
          multiple
          accept={BRIEFING_FILE_ACCEPT}
          onChange={(e) => chosen([...((e.currentTarget as HTMLInputElement).files ?? [])])}
        />
        {fileName ? <p class="small muted">Read from {fileName}</p> : null}
      </div>
      {batch?.length ? (
        <BatchPreview items={batch} saving={batchSaving} onSave={onSaveBatch} onClear={onClearBatch} />
      ) : null}
      {preview?.canSave && replaces.length ? (
        <p data-testid="briefing-replaces">
          <strong>{replacesLabel(replaces, shortDate)}</strong>: saving replaces it, never adds a second copy
          {correctionsRemoved ? `, ${correctionsRemovedLabel(correctionsRemoved)}` : ''}.
        </p>
      ) : null}
      {preview ? <BriefingPreview preview={preview} /> : null}
      {preview?.canSave ? <WontLastNote /> : null}
      <p>
        <button
          type="button"
          data-testid="briefing-save"
          disabled={!preview?.canSave || saving}
          aria-describedby={preview && !preview.canSave ? 'save-blocked' : undefined}
          onClick={onSave}
        >
          {saving ? 'Saving…' : 'Save briefing'}
        </button>
        {preview && !preview.canSave ? (
          <span id="save-blocked" class="small muted">
            {' '}
            {preview.errors.length > 0 ? 'Fix the errors above to save.' : 'No positions found: nothing to save.'}
          </span>
        ) : null}
      </p>
      <p role="status" data-testid="briefing-save-message" class={message?.kind === 'error' ? 'error' : ''}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}

/** Several files at once: each with its own preview and errors; the good ones saved together, the bad ones named. */
export function BatchPreview({
  items,
  saving,
  onSave,
  onClear,
}: {
  items: readonly BatchItem[];
  saving: boolean;
  onSave?: () => void;
  onClear?: () => void;
}) {
  const good = items.filter((item) => item.preview.canSave && item.outcome?.kind !== 'saved').length;
  const bad = items.filter((item) => !item.preview.canSave).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    <section aria-labelledby="batch-heading" class="preview" data-testid="batch">
      <h3 id="batch-heading">{plural(items.length, 'file')}</h3>
      <p data-testid="batch-summary">
        {plural(good, 'briefing')} ready to save
        {bad ? `; ${plural(bad, 'file')} with errors, which will not be saved and of which nothing is stored` : ''}.
      </p>
      <ol class="batch-list">
        {items.map((item, i) => (
          <li
            key={`${i}-${item.file.fileName}`}
            data-testid="batch-item"
            data-file={item.file.fileName}
            data-status={item.outcome?.kind ?? (item.preview.canSave ? 'ready' : 'error')}
          >
            <p>
              <strong>{item.file.fileName}</strong>
              {item.preview.canSave ? ` · ${item.preview.bill.title}` : ''}
            </p>
            {item.plan?.replaces.length ? (
              <p class="small" data-testid="batch-replaces">
                {replacesLabel(item.plan.replaces, shortDate)}
                {item.plan.corrections ? `, ${correctionsRemovedLabel(item.plan.corrections)}` : ''}
              </p>
            ) : null}
            {item.outcome ? (
              <p class={`small ${item.outcome.kind === 'error' ? 'error' : ''}`} data-testid="batch-outcome">
                {item.outcome.kind === 'saved'
                  ? item.outcome.replaced
                    ? `Saved, replacing the copy you had${item.outcome.corrections ? `, ${correctionsRemovedLabel(item.outcome.corrections, true)}` : ''}.`
                    : 'Saved.'
                  : `Not saved: ${item.outcome.message}`}
              </p>
            ) : null}
            <details open={!item.preview.canSave}>
              <summary>{item.preview.canSave ? 'Preview' : 'Errors'}</summary>
              <BriefingPreview preview={item.preview} headingId={`batch-preview-${i}`} />
            </details>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" data-testid="batch-save" disabled={good === 0 || saving} onClick={onSave}>
          {saving ? 'Saving…' : `Save ${plural(good, 'briefing')}`}
        </button>{' '}
        <button type="button" class="link-button" onClick={onClear}>
          Clear
        </button>
      </p>
    </section>
  );
}

export function BriefingPreview({
  preview,
  headingId = 'preview-heading',
}: {
  preview: BriefingPreviewModel;
  /** Unique per page: several previews show at once for several files. */
  headingId?: string;
}) {
  return (
    <section aria-labelledby={headingId} class="preview" data-testid="briefing-preview">
      <h3 id={headingId}>Preview</h3>
      {preview.errors.length > 0 ? (
        <div role="alert" class="errors" data-testid="preview-errors">
          <p>
            <strong>
              This briefing cannot be saved: {preview.errors.length} error{preview.errors.length === 1 ? '' : 's'}.
            </strong>{' '}
            Nothing has been stored.
          </p>
          <ul>
            {preview.errors.map((error, i) => (
              <li key={i} data-testid="preview-error" data-line={error.line}>
                Line {error.line}: {error.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p data-testid="preview-bill">
            <strong>{preview.bill.title}</strong>
            {preview.knownBill ? '' : ' (a bill new to the extension)'}
          </p>
          <p data-testid="preview-counts">
            {preview.sections.length} stage{preview.sections.length === 1 ? '' : 's'}, {preview.positions} position
            {preview.positions === 1 ? '' : 's'}, {preview.references} provision{preview.references === 1 ? '' : 's'}{' '}
            named
          </p>
          <ol class="preview-sections" data-testid="preview-sections">
            {preview.sections.map((section) => (
              <li key={section.briefing.id} data-testid="preview-section">
                <p>
                  <strong>{briefingLabel(section.briefing)}</strong>
                </p>
                <p class="small">
                  {section.briefing.house ? HOUSE_LONG[section.briefing.house] : 'House not stated'} ·{' '}
                  {section.briefing.stage ? STAGE_LABEL[section.briefing.stage] : STAGE_NOT_STATED} ·{' '}
                  {section.briefing.dates.length ? formatDates(section.briefing.dates) : 'date not stated'} ·{' '}
                  {section.positions} position{section.positions === 1 ? '' : 's'}
                </p>
                {section.references.length > 0 ? (
                  <p class="small">Names: {section.references.map(referenceLabel).join(', ')}</p>
                ) : null}
                <p class="small muted">
                  {STANCES.filter((s) => section.stances[s] > 0)
                    .map((s) => `${STANCE_LABEL[s]}: ${section.stances[s]}`)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      {preview.warnings.length > 0 ? (
        <details class="warnings" data-testid="preview-warnings" open={preview.warnings.length <= 5}>
          <summary>
            {preview.warnings.length} warning{preview.warnings.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {preview.warnings.map((warning, i) => (
              <li key={i} data-testid="preview-warning">
                Line {warning.line}: {warning.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
