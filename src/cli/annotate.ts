/**
 * `annotate <file.html|file.txt|-> [--url U] [--house H] [--stage S] [--date D] [--bill B] [--dataset FILE]`:
 * what the extension would show on a page. Runs the page adapter (HTML), the reference scanner and the matcher, and
 * prints each reference with its matched positions and how they apply (contract in ../shared/docs/architecture.md).
 *
 * Text input has no page to read the context from: the flags give it, and `--bill` is required. For HTML the adapter
 * reads the context; flags given override what it read (a saved page that lacks its date, say).
 */
import { readFileSync } from 'node:fs';
import { scanSection, scanText } from '../annotate/scan';
import { billForPage, matchReferences, resolvePageStage } from '../matching';
import {
  type BillRecord,
  type Dataset,
  type FoundReference,
  HOUSES,
  type House,
  type MatchedPosition,
  type PageContext,
  STAGES,
  type Stage,
} from '../model';
import { pageUrlOf, understandPage } from '../pages';

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

function readInput(input: string): string {
  try {
    return readFileSync(input === '-' ? 0 : input, 'utf8');
  } catch (error) {
    const why =
      error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    throw new Error(`cannot read ${input === '-' ? 'standard input' : input}: ${why}`);
  }
}

/** The dataset to match against: `--dataset FILE` (a compiled dataset JSON), else the bundled one. */
export async function loadDataset(file?: string): Promise<Dataset> {
  if (!file) {
    try {
      return (await import('../dataset')).bundledDataset();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`no bundled dataset (${why}): build it with \`npm run --silent dataset\``);
    }
  }
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`cannot read dataset ${file}`);
  }
  let data: Partial<Dataset>;
  try {
    data = JSON.parse(raw) as Partial<Dataset>;
  } catch (error) {
    throw new Error(`dataset ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const key of ['bills', 'briefings', 'positions'] as const) {
    if (!Array.isArray(data[key])) throw new Error(`dataset ${file} has no "${key}" list`);
  }
  return data as Dataset;
}

function looksLikeHtml(input: string, content: string): boolean {
  if (/\.x?html?$/i.test(input)) return true;
  if (/\.txt$/i.test(input)) return false;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(content);
}

async function parseHtml(html: string, url: string): Promise<Document> {
  const { Window } = await import('happy-dom');
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** A section of the input: what it is about and the references found in it. */
interface ScannedSection {
  context: PageContext;
  refs: (FoundReference & { implicit?: boolean; root?: number })[];
}

/** `--bill`: a dataset id, a bills.parliament.uk id (`3909`) or a title in any of its forms. */
function namedBill(value: string, bills: readonly BillRecord[]): BillRecord | null {
  if (/^\d+$/.test(value)) return bills.find((b) => b.parliamentId === Number(value)) ?? null;
  return billForPage({ billId: value, bill: value }, bills);
}

function withFlags(context: PageContext, flags: AnnotateArgs['flags'], bills: readonly BillRecord[]): PageContext {
  const named = flags.bill ? namedBill(flags.bill, bills) : null;
  if (flags.bill && !named) {
    throw new Error(
      `--bill "${flags.bill}" is not a bill in the dataset (known: ${bills.map((b) => b.title).join('; ')})`,
    );
  }
  return {
    ...context,
    bill: named ? named.title : context.bill,
    billId: named ? named.id : (context.billId ?? (context.bill ? (billForPage(context, bills)?.id ?? null) : null)),
    house: (flags.house as House | undefined) ?? context.house,
    stage: (flags.stage as Stage | undefined) ?? context.stage,
    date: flags.date ?? context.date,
  };
}

async function scanInput(args: AnnotateArgs, content: string, bills: readonly BillRecord[]): Promise<ScannedSection[]> {
  const empty: PageContext = { bill: null, billId: null, house: null, stage: null, stageLabel: null, date: null };
  if (!looksLikeHtml(args.input, content)) {
    if (!args.flags.bill) throw new Error(`${args.input}: plain text does not say which bill it is about: give --bill`);
    return [{ context: withFlags(empty, args.flags, bills), refs: scanText(content) }];
  }
  const probe = await parseHtml(content, args.flags.url ?? 'https://localhost/');
  const url = args.flags.url ?? pageUrlOf(probe);
  if (!url) throw new Error(`${args.input}: the page does not say its URL (no og:url or canonical link): give --url`);
  const doc = args.flags.url ? probe : await parseHtml(content, url);
  const understood = understandPage(doc, url, bills);
  if (!understood || understood.sections.length === 0) {
    if (!args.flags.bill) throw new Error(`${args.input}: no page adapter reads ${url} as a page about a bill`);
    // Not a page kind we know, but the caller named the bill: scan the whole body as one section.
    return [{ context: withFlags(empty, args.flags, bills), refs: scanText(doc.body?.textContent ?? '') }];
  }
  return understood.sections.map((section, n) => ({
    context: withFlags(section.context, args.flags, bills),
    refs: scanSection(section, n).map(({ range: _range, section: _section, ...ref }) => ref),
  }));
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

/** Match one section's references against its bill; the page as shown, with any inferred stage. */
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
    ? matchReferences(section.context, section.refs, {
        bill,
        briefings,
        positions: dataset.positions.filter((p) => p.billId === bill.id),
      })
    : [];
  const byKey = new Map(matches.map((m) => [`${m.kind}:${m.number.toUpperCase()}`, m.positions]));
  const references = section.refs.map((ref) => ({
    kind: ref.kind,
    number: ref.number,
    text: ref.text,
    start: ref.start,
    end: ref.end,
    ...(ref.root !== undefined ? { root: ref.root } : {}),
    ...(ref.implicit ? { implicit: true } : {}),
    positions: (byKey.get(`${ref.kind}:${ref.number.toUpperCase()}`) ?? []).map(positionOut),
  }));
  return { page, references };
}

export async function run(argv: string[]): Promise<unknown> {
  const args = parseArgs(argv);
  const dataset = await loadDataset(args.flags.dataset);
  const content = readInput(args.input);
  const sections = (await scanInput(args, content, dataset.bills)).map((s) => annotateSection(s, dataset));
  const [first] = sections;
  if (!first) throw new Error(`${args.input}: nothing to annotate`);
  if (sections.length === 1) return first;
  // A whole-day Hansard page holds several debates, each with its own bill and stage: `page` is the first, every
  // section's page is in `sections`, and each reference says which section it was found in.
  return {
    page: first.page,
    sections: sections.map((s) => s.page),
    references: sections.flatMap((s, n) => s.references.map((r) => ({ ...r, section: n }))),
  };
}
