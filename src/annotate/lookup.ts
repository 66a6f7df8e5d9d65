/**
 * Asking the background what the LGA says of a section's references: one message per section, split into bounded
 * batches when a section holds more distinct references than one message may carry, so a page with thousands of
 * references (or one written to have them) still gets every highlight the batches can bring, and never loses the
 * whole section to one refused message.
 */
import type { BackgroundRequest, Reply, ResponseFor } from '../messaging';
import type { PageContext, Reference, ReferenceMatch } from '../model';
import { referenceKey } from '../vocabulary';

/** Distinct references per message (the background refuses more than 2,000: src/background/validate.ts). */
export const LOOKUP_BATCH = 1_000;
/** Distinct references looked up per section at most: a real Hansard day has a few hundred. */
export const MAX_LOOKUPS_PER_SECTION = 20_000;

export type Send = <R extends BackgroundRequest>(request: R) => Promise<Reply<ResponseFor<R>> | undefined>;

/** The distinct references, in order of first appearance, at most `MAX_LOOKUPS_PER_SECTION`. */
export function distinctReferences(found: Iterable<Reference>): Reference[] {
  const distinct = new Map<string, Reference>();
  for (const ref of found) {
    if (distinct.size >= MAX_LOOKUPS_PER_SECTION) break;
    const key = referenceKey(ref);
    if (!distinct.has(key)) distinct.set(key, { kind: ref.kind, number: ref.number });
  }
  return [...distinct.values()];
}

/**
 * The matches for a section's references, by `referenceKey`. A batch that fails is reported and its references get no
 * positions; the other batches still count.
 */
export async function lookupReferences(
  send: Send,
  page: PageContext,
  found: Iterable<Reference>,
  log: (message: string, error?: unknown) => void = () => {},
  isCurrent: () => boolean = () => true,
): Promise<Map<string, ReferenceMatch>> {
  const references = distinctReferences(found);
  const result = new Map<string, ReferenceMatch>();
  for (let at = 0; at < references.length && isCurrent(); at += LOOKUP_BATCH) {
    const batch = references.slice(at, at + LOOKUP_BATCH);
    try {
      const reply = await send({ type: 'lookup', page, references: batch });
      if (!reply?.ok) {
        log(`lookup failed: ${reply ? reply.error : 'no answer from the background'}`);
        continue;
      }
      for (const match of reply.data.matches) result.set(referenceKey(match), match);
    } catch (error) {
      log('lookup failed', error);
    }
  }
  return result;
}
