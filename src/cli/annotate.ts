/**
 * `annotate <file.html|file.txt|-> [--url U] [--house H] [--stage S] [--date D] [--bill B] [--dataset FILE]`:
 * what the extension would show on a page. Runs the page adapter (HTML), the reference scanner and the matcher, and
 * prints each reference with its matched positions and how they apply (contract in ../shared/docs/architecture.md).
 *
 * Text input has no page to read the context from: the flags give it, and `--bill` is required. For HTML the adapter
 * reads the context; flags given override what it read (a saved page that lacks its date, say).
 */
import { billForPage, matchReferences, resolvePageStage } from '../matching';
import {
  type BillRecord,
  type Dataset,
  HOUSES,
  type House,
  type MatchedPosition,
  type PageContext,
  type Reference,
  type ReferenceKind,
  STAGES,
  type Stage,
} from '../model';
import { pageUrlOf } from '../pages';
import { referenceKey } from '../vocabulary';
import { loadDataset, namedBill, readInput } from './input';
import { bodyOfText, looksLikeHtml, parseHtml, type RefsOutput, refsOfDocument, refsOfText } from './refs';

export const usage =
  '<file.html|file.txt|-> [--url U] [--house commons|lords] [--stage S] [--date YYYY-MM-DD] [--bill TITLE|ID] [--dataset FILE]';

const FLAGS = ['url', 'house', 'stage', 'date', 'bill', 'dataset'] as const;
type Flag = (typeof FLAGS)[number];

export interface AnnotateArgs {
  input: string;
  flags: Partial<Record<Flag, string>>;
}

/** `--flag value` and `--flag=value`; one positional input (`-` is stdin). */
export function parseArgs(args: readonly string[]): AnnotateArgs {
  const flags: Partial<Record<Flag, string>> = {};
  let input: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (!(FLAGS as readonly string[]).includes(name))
        throw new Error(`unknown option --${name}; usage: annotate ${usage}`);
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new Error(`--${name} needs a value`);
      flags[name as Flag] = value;
    } else if (input === undefined) {
      input = arg;
    } else {
      throw new Error(`one input only (got "${input}" and "${arg}"); usage: annotate ${usage}`);
    }
  }
  if (input === undefined) throw new Error(`no input file; usage: annotate ${usage}`);
  if (flags.house !== undefined && !(HOUSES as readonly string[]).includes(flags.house)) {
    throw new Error(`--house must be one of ${HOUSES.join(', ')} (got "${flags.house}")`);
  }
  if (flags.stage !== undefined && !(STAGES as readonly string[]).includes(flags.stage)) {
    throw new Error(`--stage must be one of ${STAGES.join(', ')} (got "${flags.stage}")`);
  }
  if (flags.date !== undefined && !isIsoDay(flags.date)) {
    throw new Error(`--date must be a day as YYYY-MM-DD (got "${flags.date}")`);
  }
  return { input, flags };
}

function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** One section of the input: what it is about and the references found in it (as the `refs` command gives them). */
interface ScannedSection {
  context: PageContext;
  refs: RefsOutput['references'];
}

interface Scanned {
  adapter: string | null;
  sections: ScannedSection[];
  note?: string;
}

/** The section's context with the flags given laid over it, and its bill resolved against the dataset's bills. */
function withFlags(context: PageContext, flags: AnnotateArgs['flags'], bills: readonly BillRecord[]): PageContext {
  const named = flags.bill ? namedBill(flags.bill, bills) : null;
  if (flags.bill && !named) {
    throw new Error(
      `--bill "${flags.bill}" is not a bill in the dataset (known: ${bills.map((b) => b.title).join('; ')})`,
    );
  }
  const resolved = named ?? billForPage(context, bills);
  return {
    ...context,
    bill: named ? named.title : context.bill,
    billId: resolved?.id ?? null,
    house: (flags.house as House | undefined) ?? context.house,
    stage: (flags.stage as Stage | undefined) ?? context.stage,
    date: flags.date ?? context.date,
  };
}

const NO_CONTEXT: PageContext = { bill: null, billId: null, house: null, stage: null, stageLabel: null, date: null };

/** The `refs` command's reading of the input (adapter, sections, references), with the flags laid over each section. */
function scanInput(args: AnnotateArgs, content: string, bills: readonly BillRecord[]): Scanned {
  if (!looksLikeHtml(content, args.input)) {
    if (!args.flags.bill) throw new Error(`${args.input}: plain text does not say which bill it is about: give --bill`);
    return {
      adapter: null,
      sections: [{ context: withFlags(NO_CONTEXT, args.flags, bills), refs: refsOfText(content).references }],
    };
  }
  const doc = parseHtml(content, args.flags.url ?? null);
  const url = args.flags.url ?? pageUrlOf(doc);
  if (!url) throw new Error(`${args.input}: the page does not say its URL (no og:url or canonical link): give --url`);
  const read = refsOfDocument(doc, url);
  if (read.sections.length === 0) {
    // No adapter reads this page as one about a bill. Left alone, unless the caller names the bill: then the whole
    // body is one section.
    if (!args.flags.bill) return { adapter: null, sections: [], note: read.note ?? `nothing to annotate on ${url}` };
    const text = bodyOfText(doc.body?.textContent ?? '');
    return {
      adapter: null,
      sections: [{ context: withFlags(NO_CONTEXT, args.flags, bills), refs: refsOfText(text).references }],
    };
  }
  return {
    adapter: read.adapter,
    sections: read.sections.map(({ index, ...context }) => ({
      context: withFlags(context, args.flags, bills),
      refs: read.references.filter((r) => r.section === index),
    })),
  };
}

/** The `refs` output spells kinds as strings; they come from the one grammar, so they are reference kinds. */
function asReference(ref: { kind: string; number: string }): Reference {
  return { kind: ref.kind as ReferenceKind, number: ref.number };
}

function positionOut(m: MatchedPosition) {
  return {
    applies: m.applies,
    reason: m.reason,
    stance: m.ref.stance,
    cue: m.ref.cue,
    text: m.position.text,
    briefing: {
      house: m.briefing.house,
      stage: m.briefing.stage,
      dates: m.briefing.dates,
      heading: m.briefing.heading,
    },
  };
}

/** Match one section's references against its bill; the section's page as shown, with any inferred stage. */
function annotateSection(section: ScannedSection, dataset: Dataset) {
  const bill = billForPage(section.context, dataset.bills);
  const briefings = bill ? dataset.briefings.filter((b) => b.billId === bill.id) : [];
  const inferred = resolvePageStage(section.context, briefings);
  const page = {
    ...section.context,
    stage: inferred.stage,
    ...(inferred.inferredFrom ? { stageInferredFrom: inferred.inferredFrom.heading } : {}),
    ...(bill ? {} : { note: 'the page’s bill is not in the dataset: no positions to show' }),
  };
  const matches = bill
    ? matchReferences(section.context, section.refs.map(asReference), {
        bill,
        briefings,
        positions: dataset.positions.filter((p) => p.billId === bill.id),
      })
    : [];
  const byKey = new Map(matches.map((m) => [referenceKey(m), m.positions]));
  const references = section.refs.map((ref) => ({
    ...ref,
    positions: (byKey.get(referenceKey(asReference(ref))) ?? []).map(positionOut),
  }));
  return { page, references };
}

export async function run(argv: string[]): Promise<unknown> {
  const args = parseArgs(argv);
  const dataset = await loadDataset(args.flags.dataset);
  const content = await readInput(args.input);
  const scanned = scanInput(args, content, dataset.bills);
  const sections = scanned.sections.map((s) => annotateSection(s, dataset));
  // Like `refs`: `page` is the first section's; a whole-day Hansard page holds several debates, each with its own
  // bill and stage, listed in `sections`; each reference names the section it was found in.
  return {
    page: sections[0]?.page ?? null,
    adapter: scanned.adapter,
    sections: sections.map((s, index) => ({ index, ...s.page })),
    ...(scanned.note ? { note: scanned.note } : {}),
    references: sections.flatMap((s) => s.references),
  };
}
