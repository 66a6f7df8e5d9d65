/**
 * `refs <file.html|file.txt|-> [--url U]`: the references on a saved page or in a plain text.
 * HTML: the page adapter that claims the URL (from `--url`, else the page's `og:url` or canonical link) gives each
 * section's context and text roots. Text: the whole text is one section with no context; a debate-text corpus file's
 * provenance header (up to its `----` line) is left out.
 */
import { Window } from 'happy-dom';
import billsJson from '../../assets/bills.json';
import { scanText } from '../annotate/scan';
import { scanSection } from '../annotate/section-scanner';
import type { BillRecord, PageContext } from '../model';
import { pageUrlOf, understandPage } from '../pages/index';
import { readInput } from './input';

export const usage = '<file.html|file.txt|-> [--url U]   references on a saved page or in a text (JSON)';

const BILLS = (billsJson as { bills: BillRecord[] }).bills;

export interface RefsOutput {
  page: Pick<PageContext, 'bill' | 'house' | 'stage' | 'date'> | null;
  adapter: string | null;
  sections: Array<PageContext & { index: number }>;
  /** Why nothing was scanned, when nothing was (a page no adapter understands is left alone). */
  note?: string;
  references: Array<{
    kind: string;
    number: string;
    text: string;
    start: number;
    end: number;
    section: number;
    implicit?: boolean;
  }>;
}

/** Text after a corpus provenance header (`SOURCE-URL: …` lines ended by `----`), else the whole text. */
export function bodyOfText(text: string): string {
  if (!/^SOURCE-URL:/.test(text)) return text;
  const m = /^----[ \t]*\r?\n/m.exec(text);
  return m ? text.slice(m.index + m[0].length) : text;
}

export function looksLikeHtml(text: string, name: string): boolean {
  return /\.html?$/i.test(name) || /^\s*(?:<!doctype html|<html[\s>])/i.test(text);
}

export function refsOfText(text: string): RefsOutput {
  return {
    page: null,
    adapter: null,
    sections: [],
    references: scanText(bodyOfText(text)).map((ref) => ({ ...pick(ref), section: 0 })),
  };
}

export function refsOfDocument(doc: Document, url: string | null): RefsOutput {
  const understood = url ? understandPage(doc, url, BILLS) : null;
  if (!understood) {
    const note = url
      ? `no page adapter understands ${url} (not a page about a bill): left alone`
      : 'no URL: pass --url';
    return { page: null, adapter: null, sections: [], note, references: [] };
  }
  const references: RefsOutput['references'] = [];
  understood.sections.forEach((section, index) => {
    for (const ref of scanSection(section, index)) references.push({ ...pick(ref), section: ref.section });
  });
  const first = understood.sections[0]?.context ?? null;
  return {
    page: first ? { bill: first.bill, house: first.house, stage: first.stage, date: first.date } : null,
    adapter: understood.adapter,
    sections: understood.sections.map((section, index) => ({ index, ...section.context })),
    references,
  };
}

/**
 * A saved page as a live happy-dom document: no scripts run, nothing is fetched. Written into the window's own
 * document (not `DOMParser`): happy-dom's Ranges only work on the window's document, and the scanner's ranges must.
 */
export function parseHtml(html: string, url: string | null): Document {
  const window = new Window({
    url: url ?? 'https://localhost/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  const doc = window.document as unknown as Document;
  doc.open();
  doc.write(html);
  doc.close();
  return doc;
}

function pick(ref: { kind: string; number: string; text: string; start: number; end: number; implicit?: boolean }) {
  const out: Omit<RefsOutput['references'][number], 'section'> = {
    kind: ref.kind,
    number: ref.number,
    text: ref.text,
    start: ref.start,
    end: ref.end,
  };
  if (ref.implicit) out.implicit = true;
  return out;
}

export async function run(args: string[]): Promise<RefsOutput> {
  let url: string | null = null;
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--url') {
      url = args[++i] ?? null;
      if (!url) throw new Error('--url needs a value');
    } else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}; usage: refs ${usage}`);
    else if (file === null) file = arg;
    else throw new Error(`one input only (got ${file} and ${arg})`);
  }
  if (file === null) throw new Error(`no input; usage: refs ${usage}`);
  const text = await readInput(file);
  if (!looksLikeHtml(text, file)) return refsOfText(text);
  const doc = parseHtml(text, url);
  const pageUrl = url ?? pageUrlOf(doc);
  if (!pageUrl) throw new Error(`${file}: no --url given and the page has no og:url or canonical link`);
  return refsOfDocument(doc, pageUrl);
}
