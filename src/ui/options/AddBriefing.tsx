/**
 * "Add a briefing": paste the text or choose a saved LGA page, see what the compiler made of it, save it.
 * Presentational: compiling and saving happen in OptionsApp (App.tsx) through preview.ts and the background.
 */

import { STANCES } from '../../model';
import { briefingLabel, formatDates, HOUSE_LONG, referenceLabel, STAGE_LABEL, STANCE_LABEL } from '../shared';
import { BRIEFING_FILE_ACCEPT, type BriefingPreviewModel } from './preview';

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
}

export function AddBriefing({ text, onText, onFile, fileName, preview, saving, onSave, message }: AddBriefingProps) {
  return (
    <section aria-labelledby="add-heading" data-testid="add-briefing">
      <h2 id="add-heading">Add a briefing</h2>
      <p class="muted small">
        Paste the text of an LGA briefing page, or choose the page saved from your browser (text or HTML). It is read
        here, on your computer, by the same compiler as the briefings the extension ships with.
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
        <label for="briefing-file">Or choose a saved briefing page</label>
        <input
          id="briefing-file"
          data-testid="briefing-file"
          type="file"
          accept={BRIEFING_FILE_ACCEPT}
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (file) onFile(file);
          }}
        />
        {fileName ? <p class="small muted">Read from {fileName}</p> : null}
      </div>
      {preview ? <BriefingPreview preview={preview} /> : null}
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

export function BriefingPreview({ preview }: { preview: BriefingPreviewModel }) {
  return (
    <section aria-labelledby="preview-heading" class="preview" data-testid="briefing-preview">
      <h3 id="preview-heading">Preview</h3>
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
                  {section.briefing.stage ? STAGE_LABEL[section.briefing.stage] : 'stage not stated'} ·{' '}
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
