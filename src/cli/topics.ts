/**
 * `topics <file|-> --bill <bill id, bills.parliament.uk id or title> [--dataset FILE]`: for each paragraph of a debate
 * text (blocks separated by blank lines), the LGA positions on its subject, its mentions of the LGA and its echoes of
 * the LGA's briefings (src/topics). Prints `{ bill, paragraphs: [ { index, links, lgaMentions, echoes } ] }`; a link
 * and an echo carry the position's full text as `text` (an echo's own words are `quote`, at `start`..`end`).
 */
import { buildTopicIndex, matchParagraph, type TextSpan } from '../topics';
import { loadDataset, namedBill, readInput } from './input';

export const usage = '<file|-> --bill <bill id or title> [--dataset FILE]';

export interface TopicsOutput {
  bill: { id: string; title: string };
  paragraphs: {
    index: number;
    links: { positionId: string; text: string; strength: string; score: number; terms: string[] }[];
    lgaMentions: TextSpan[];
    /** `text` is the echoed position's full text (as for links); `quote` the paragraph's words that echo it. */
    echoes: { positionId: string; start: number; end: number; text: string; quote: string }[];
  }[];
}

function parse(args: readonly string[]): { input: string; bill: string; dataset?: string } {
  let input: string | undefined;
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (name !== 'bill' && name !== 'dataset') throw new Error(`unknown option --${name}; usage: topics ${usage}`);
      const value = inline ?? args[++i];
      if (!value) throw new Error(`--${name} needs a value`);
      flags[name] = value;
    } else if (input === undefined) input = arg;
    else throw new Error(`one input only (got "${input}" and "${arg}"); usage: topics ${usage}`);
  }
  if (input === undefined) throw new Error(`no input file; usage: topics ${usage}`);
  if (!flags.bill) throw new Error(`--bill is required; usage: topics ${usage}`);
  return { input, bill: flags.bill, dataset: flags.dataset };
}

/** Paragraphs: blocks separated by blank lines, each folded to one line. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

export async function run(args: string[]): Promise<TopicsOutput> {
  const { input, bill: named, dataset: datasetFile } = parse(args);
  const dataset = await loadDataset(datasetFile);
  const bill = namedBill(named, dataset.bills);
  if (!bill)
    throw new Error(
      `--bill "${named}" is not a bill in the dataset (known: ${dataset.bills.map((b) => b.title).join('; ')})`,
    );
  const { learntTerms } = await import('../topics/learnt-terms');
  const index = buildTopicIndex(bill, dataset.positions, learntTerms());
  const textOf = new Map(dataset.positions.map((p) => [p.id, p.text]));
  const paragraphs = paragraphsOf(await readInput(input)).map((text, i) => {
    const found = matchParagraph(index, text);
    return {
      index: i,
      links: found.links.map((l) => ({
        positionId: l.positionId,
        text: textOf.get(l.positionId) ?? '',
        strength: l.strength,
        score: l.score,
        terms: l.terms,
      })),
      lgaMentions: found.lgaMentions,
      echoes: found.echoes.map((e) => ({
        positionId: e.positionId,
        start: e.start,
        end: e.end,
        text: textOf.get(e.positionId) ?? '',
        quote: e.quote,
      })),
    };
  });
  return { bill: { id: bill.id, title: bill.title }, paragraphs };
}
