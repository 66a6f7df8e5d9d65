/**
 * A search's reply: the index's hits as positions with their briefings and bills, the reader's corrections attached.
 * Its own part because the corrections change what a stance search (`oppose:` …) finds while the index holds the
 * compiled stances: it asks the index for enough hits to spare and checks each hit's corrected stance here.
 */
import type { SearchHit } from '../messaging';
import type { BillRecord, Briefing, Position } from '../model';
import { parseQuery, searchPositions } from '../search';
import { takesStance } from '../stance/shown';
import type { CorrectionsCache } from './corrections';

/** Where a search reads from: the service's search index, the reader's corrections, positions by id, the bills. */
export interface SearchSources {
  index(): Promise<Parameters<typeof searchPositions>[0]>;
  corrections: CorrectionsCache;
  positions(ids: readonly string[]): Promise<Array<{ position: Position; briefing: Briefing }>>;
  bills(): Promise<readonly BillRecord[]>;
}

/** The best `wanted` hits for `query`, each position as the reader's corrections have it. */
export async function searchReply(query: string, wanted: number, from: SearchSources): Promise<SearchHit[]> {
  const byPosition = await from.corrections.byPosition();
  const { stances } = parseQuery(query);
  // A corrected position the index kept for its compiled stance may not take it any more: ask for enough to spare.
  const spare = stances.length ? byPosition.size : 0;
  const hits = searchPositions(await from.index(), query, wanted + spare, { corrected: byPosition });
  if (hits.length === 0) return [];
  const found = await from.positions(hits.map((hit) => hit.id));
  const read = await from.corrections.attach(found.map((f) => f.position));
  const positions = new Map(read.map((p, i) => [p.id, { position: p, briefing: found[i]?.briefing }]));
  const bills = new Map((await from.bills()).map((b) => [b.id, b]));
  return hits
    .flatMap((hit): SearchHit[] => {
      const { position, briefing } = positions.get(hit.id) ?? {};
      const bill = position && bills.get(position.billId);
      if (!position || !briefing || !bill) return [];
      if (stances.length && !takesStance(position, stances)) return [];
      return [{ position, briefing, bill, score: hit.score, terms: hit.terms, refs: hit.refs }];
    })
    .slice(0, wanted);
}
