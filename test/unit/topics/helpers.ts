/** The index the extension builds for a seed bill: the bundled dataset and the term weights learnt at build time. */
import { bundledDataset } from '../../../src/dataset';
import { buildTopicIndex, type TopicIndex } from '../../../src/topics';
import { learntTerms } from '../../../src/topics/learnt-terms';

export const CWSB = 'childrens-wellbeing-and-schools-bill';
export const CSWB = 'children-and-social-work-bill';

const cache = new Map<string, TopicIndex>();

export function indexFor(billId: string): TopicIndex {
  let index = cache.get(billId);
  if (!index) {
    const dataset = bundledDataset();
    const bill = dataset.bills.find((b) => b.id === billId);
    if (!bill) throw new Error(`no bill ${billId} in the bundled dataset`);
    index = buildTopicIndex(bill, dataset.positions, learntTerms());
    cache.set(billId, index);
  }
  return index;
}

/** The position whose text contains `words`, as the matcher names it. */
export function positionWith(billId: string, words: string): string {
  const found = bundledDataset().positions.filter((p) => p.billId === billId && p.text.includes(words));
  if (found.length === 0) throw new Error(`no position of ${billId} contains "${words}"`);
  return (found[0] as { id: string }).id;
}

export function positionsWith(billId: string, words: string): string[] {
  return bundledDataset()
    .positions.filter((p) => p.billId === billId && p.text.includes(words))
    .map((p) => p.id);
}
