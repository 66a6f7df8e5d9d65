/**
 * "Not right?": the reader sets the LGA's stance for a position, or for one provision of it, when the briefing's
 * reading is wrong; a correction made is said beside the stance ("corrected by you") and undone in one click. The
 * correction is kept by the background as user data (src/stance/corrections.ts) and every view shows it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Position, type Reference, STANCES, type Stance } from '../../model';
import { correctionFor } from '../../stance/shown';
import { referenceWords } from '../../vocabulary';
import { ask } from '../client';
import { STANCE_GLYPH, STANCE_LABEL } from '../shared';
import { WontLastNote } from '../wont-last';

export interface CorrectProps {
  position: Position;
  /** What the reader may correct here, the one in view first: a provision, or null for the whole position. */
  scopes: ReadonlyArray<Reference | null>;
  /** Open the form at once (the popover's "Not right?" opened the panel here). */
  startOpen?: boolean;
}

function scopeWords(scope: Reference | null, position: Position): string {
  if (scope) return `on ${referenceWords(scope)}`;
  return position.part === 'key-messages' ? 'in this key message as a whole' : 'in this paragraph as a whole';
}

const scopeKey = (scope: Reference | null) => (scope ? `${scope.kind} ${scope.number}` : 'position');

export function Correct({ position, scopes, startOpen = false }: CorrectProps) {
  const [open, setOpen] = useState(startOpen);
  const [scope, setScope] = useState<Reference | null>(scopes[0] ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (startOpen) {
      setOpen(true);
      setScope(scopes[0] ?? null);
    }
  }, [startOpen]);
  useEffect(() => {
    if (open && startOpen)
      fieldset.current?.querySelector<HTMLElement>('button, input')?.focus({ preventScroll: true });
  }, [open, startOpen]);

  const made = scopes.flatMap((s) => {
    const correction = correctionFor(position, s);
    return correction ? [{ scope: s, correction }] : [];
  });

  const run = async (request: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await request();
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const correct = (stance: Stance) =>
    run(() => ask({ type: 'correctStance', positionId: position.id, ref: scope, stance }));
  const undo = (s: Reference | null) => run(() => ask({ type: 'undoCorrection', positionId: position.id, ref: s }));

  const idBase = `correct-${position.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <div class="correct" data-testid="correct">
      {made.map(({ scope: s }) => (
        <button
          key={scopeKey(s)}
          type="button"
          class="link-button small"
          data-testid="undo-correction"
          data-scope={scopeKey(s)}
          disabled={busy}
          onClick={() => void undo(s)}
        >
          Undo my correction {scopeWords(s, position)}
        </button>
      ))}{' '}
      <button
        type="button"
        class="link-button small"
        data-testid="not-right"
        aria-expanded={open}
        aria-controls={`${idBase}-form`}
        onClick={() => setOpen(!open)}
      >
        Not right?
      </button>
      {open ? (
        <fieldset ref={fieldset} id={`${idBase}-form`} class="correct-form" data-testid="correct-form">
          <legend class="small">
            What is the LGA's stance {scopes.length > 1 ? '' : scopeWords(scope, position)}?
          </legend>
          <WontLastNote />
          {scopes.length > 1 ? (
            <div class="small" role="radiogroup" aria-label="What to correct">
              {scopes.map((s) => (
                <label key={scopeKey(s)} class="correct-scope">
                  <input
                    type="radio"
                    name={`${idBase}-scope`}
                    value={scopeKey(s)}
                    checked={scopeKey(s) === scopeKey(scope)}
                    data-testid="correct-scope"
                    onChange={() => setScope(s)}
                  />{' '}
                  {scopeWords(s, position)}
                </label>
              ))}
            </div>
          ) : null}
          <div class="correct-stances">
            {STANCES.map((stance) => (
              <button
                key={stance}
                type="button"
                class={`chip stance-${stance}`}
                data-testid="correct-stance"
                data-stance={stance}
                disabled={busy}
                onClick={() => void correct(stance)}
              >
                <span aria-hidden="true">{STANCE_GLYPH[stance]} </span>
                {STANCE_LABEL[stance]}
              </button>
            ))}
          </div>
          {error ? (
            <p class="error small" role="alert">
              {error}
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}
