/**
 * "Search": one box over every briefing (words, `clause 7`, a bill's name, a stage, a stance), results as you type.
 * Presentational: the query runs in useSearch (hooks.ts) through the background's index.
 */
import type { SearchHit } from '../../messaging';
import { provisionsApart, stanceForPosition } from '../../stance/shown';
import { briefingLabel, sameProvision } from '../../vocabulary';
import { addedByLabel } from '../shared';
import { excerptKeeping, spansInExcerpt, termSpans } from './marks';
import { MarkedText, ProvisionStances, StanceBadge } from './parts';

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; query: string; hits: SearchHit[] };

export interface SearchViewProps {
  query: string;
  onQuery: (query: string) => void;
  state: SearchState;
  onOpen: (hit: SearchHit) => void;
}

export function SearchView({ query, onQuery, state, onOpen }: SearchViewProps) {
  return (
    <div data-testid="search-view">
      <h2 class="visually-hidden">Search</h2>
      <div class="field">
        <label for="search-input">Search briefings</label>
        <input
          id="search-input"
          type="search"
          data-testid="search-input"
          value={query}
          autoComplete="off"
          spellcheck={false}
          aria-describedby="search-hint"
          onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
        />
        <p id="search-hint" class="small muted">
          Words, a provision (<kbd>clause 7</kbd>, <kbd>amendment 61</kbd>), a bill or a stage (<kbd>report</kbd>). A
          stance word (<kbd>supports</kbd>, <kbd>reservations</kbd>, <kbd>concerned</kbd>, <kbd>opposes</kbd>) keeps
          only what the LGA takes that stance on: <kbd>opposes clause 32</kbd>.
        </p>
      </div>
      <SearchResults state={state} onOpen={onOpen} />
    </div>
  );
}

export function SearchResults({ state, onOpen }: Pick<SearchViewProps, 'state' | 'onOpen'>) {
  const status =
    state.kind === 'searching'
      ? 'Searching…'
      : state.kind === 'done'
        ? `${state.hits.length === 0 ? 'No' : state.hits.length} result${state.hits.length === 1 ? '' : 's'} for “${state.query}”`
        : '';
  return (
    <>
      <p role="status" class="small muted" data-testid="search-status">
        {status}
      </p>
      {state.kind === 'error' ? (
        <p role="alert" class="error">
          {state.message}
        </p>
      ) : null}
      {state.kind === 'done' && state.hits.length > 0 ? (
        <ol class="plain results" data-testid="search-results">
          {state.hits.map((hit) => (
            <SearchResult key={hit.position.id} hit={hit} onOpen={onOpen} />
          ))}
        </ol>
      ) : null}
    </>
  );
}

function SearchResult({ hit, onOpen }: { hit: SearchHit; onOpen: (hit: SearchHit) => void }) {
  const { position, briefing, bill } = hit;
  // What matched is marked: the words, and where the position names a reference asked for (its mention: `clause 8`
  // marks `clauses 8 and 9` and never `clause 80`). Not every reference: that would drown the match.
  const asked = position.refs.filter((ref) => hit.refs.some((wanted) => sameProvision(ref, wanted)));
  const matched = [...termSpans(position.text, hit.terms), ...asked.map((ref) => ref.mention)];
  // A reservation is never cut away: the caveat sentence of a mixed or concerned position shows whole, in the excerpt
  // or (when it cannot be) under it, once.
  const cut = excerptKeeping(
    position.text,
    matched.length ? matched : position.refs.map((ref) => ref.mention),
    position.caveat ?? null,
  );
  const marks = spansInExcerpt(cut, matched);
  const caveat = position.caveat ? position.text.slice(position.caveat.start, position.caveat.end).trim() : '';
  return (
    <li class="result" data-testid="search-result" data-position-id={position.id}>
      <p class="small">
        <strong data-testid="search-result-bill">{bill.title}</strong>
      </p>
      <p class="small muted">
        <span data-testid="search-result-briefing">{briefingLabel(briefing)}</span>
        {addedByLabel(briefing) ? ` · ${addedByLabel(briefing)}` : ''} ·{' '}
        <StanceBadge shown={stanceForPosition(position)} />
      </p>
      <ProvisionStances apart={provisionsApart(position)} />
      <p class="position-text" data-testid="search-result-excerpt">
        <MarkedText text={cut.text} spans={marks} />
      </p>
      {caveat && cut.apart ? (
        <p class="position-text caveat" data-testid="search-result-caveat">
          … {caveat}
        </p>
      ) : null}
      <button type="button" class="link-button" onClick={() => onOpen(hit)} data-testid="search-result-open">
        Read the briefing<span class="visually-hidden">: {briefingLabel(briefing)}</span>
      </button>
    </li>
  );
}
