/**
 * Adding a briefing in the options page: reading the chosen file, compiling it in the browser with the same compiler
 * as the bundled dataset (src/briefings), and the preview a reader checks before saving. Pure apart from the File
 * and the DOM implementation the caller hands in.
 */
import { type CompileResult, compileBriefing, htmlToBriefingText } from '../../briefings';
import { extractBriefing, savedPageUrl } from '../../capture/extract';
import { parseInertHtml } from '../../capture/inert-html';
import { briefingSite } from '../../capture/sites';
import type { PlannedSave } from '../../messaging';
import type { BillRecord, Briefing, Reference } from '../../model';
import { STANCES, type Stance } from '../../model';
import { sameProvision } from '../../vocabulary';
import { FileRefused, readChosenFile } from './files';

export interface PreviewSection {
  briefing: Briefing;
  positions: number;
  references: Reference[];
  stances: Record<Stance, number>;
}

export interface BriefingPreviewModel {
  fileName: string;
  /** The bill as resolved against the known bills; `known` is false when the compiler made a new bill record. */
  bill: BillRecord;
  knownBill: boolean;
  sections: PreviewSection[];
  positions: number;
  references: number;
  warnings: CompileResult['warnings'];
  errors: CompileResult['errors'];
  /** Saving is offered only when the compile has no errors and found at least one position. */
  canSave: boolean;
}

export function previewOf(result: CompileResult, fileName: string, bills: readonly BillRecord[]): BriefingPreviewModel {
  const sections = result.briefings.map((briefing) => {
    const own = result.positions.filter((p) => p.briefingId === briefing.id);
    const references: Reference[] = [];
    const stances = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
    for (const position of own) {
      stances[position.stance] += 1;
      for (const ref of position.refs) {
        // One provision once, whatever the case its number's letters are written in (`172a`, `172A`).
        if (!references.some((r) => sameProvision(r, ref))) references.push({ kind: ref.kind, number: ref.number });
      }
    }
    return { briefing, positions: own.length, references, stances };
  });
  return {
    fileName,
    bill: result.bill,
    knownBill: bills.some((b) => b.id === result.bill.id),
    sections,
    positions: result.positions.length,
    references: sections.reduce((n, s) => n + s.references.length, 0),
    warnings: result.warnings,
    errors: result.errors,
    canSave: result.errors.length === 0 && result.positions.length > 0,
  };
}

/** Compiles pasted or loaded text for the preview. Never throws: a compiler crash becomes an error on line 1. */
export function compileForPreview(text: string, fileName: string, bills: readonly BillRecord[]): BriefingPreviewModel {
  let result: CompileResult;
  try {
    result = compileBriefing(text, fileName, bills);
  } catch (error) {
    const message = `the compiler failed: ${error instanceof Error ? error.message : String(error)}`;
    result = {
      bill: {
        id: 'unknown',
        title: 'Unknown bill',
        aliases: [],
        parliamentId: null,
        originatingHouse: null,
        actTitle: null,
        session: null,
      },
      briefings: [],
      positions: [],
      warnings: [],
      errors: [{ source: fileName, line: 1, message }],
    };
  }
  return previewOf(result, fileName, bills);
}

/** Accepted file kinds: a saved LGA page as text or as HTML. */
export const BRIEFING_FILE_ACCEPT = '.txt,.text,.html,.htm,text/plain,text/html';

export function isHtmlFile(name: string, type = ''): boolean {
  return /\.html?$/i.test(name) || type === 'text/html';
}

/** A chosen file as the compiler and the duplicate rules see it. */
export interface ReadFile {
  fileName: string;
  text: string;
  /** The LGA page a saved HTML page is of (its canonical link), for the duplicate rules; null otherwise. */
  url: string | null;
  pageDate: string | null;
}

/**
 * A chosen file: refused unread when empty or over the limit (src/ui/options/files.ts); plain text as is; HTML parsed
 * into an inert document (src/capture/inert-html.ts: no script, handler, load or CSP report; nothing is inserted into
 * the page) and read by the same extractor as a live LGA page (src/capture/extract.ts), with the page it was saved
 * from. A file with no text in it is refused too (`FileRefused`), so it never shows as nothing at all.
 */
export async function readBriefingFileDetails(
  file: Pick<File, 'name' | 'type' | 'text' | 'size'>,
  implementation: DOMImplementation = document.implementation,
): Promise<ReadFile> {
  const raw = await readChosenFile(file, 'briefing');
  const read = isHtmlFile(file.name, file.type)
    ? readHtml(file.name, raw, implementation)
    : { fileName: file.name, text: raw, url: null, pageDate: null };
  if (!read.text.trim()) throw new FileRefused(`${file.name} has no text in it`);
  return read;
}

function readHtml(fileName: string, html: string, implementation: DOMImplementation): ReadFile {
  const doc = parseInertHtml(html, implementation);
  const extracted = extractBriefing(doc);
  return {
    fileName,
    text: extracted?.text ?? htmlToBriefingText(doc),
    url: savedPageUrl(doc, (url) => briefingSite(url) !== null),
    pageDate: extracted?.pageDate ?? null,
  };
}

/** The briefing text of a chosen file (see `readBriefingFileDetails`). */
export async function readBriefingFile(
  file: Pick<File, 'name' | 'type' | 'text' | 'size'>,
  implementation: DOMImplementation = document.implementation,
): Promise<string> {
  return (await readBriefingFileDetails(file, implementation)).text;
}

/** One file of several chosen or dropped together: its own preview, and what saving it would replace. */
export interface BatchItem {
  file: ReadFile;
  preview: BriefingPreviewModel;
  /** Null until the background has answered (or when it could not). */
  plan: PlannedSave | null;
  /** After saving: saved (with how many it replaced and the reader's corrections that went) or the background's refusal. */
  outcome: { kind: 'saved'; replaced: number; corrections: number } | { kind: 'error'; message: string } | null;
}

/**
 * The file name a pasted briefing is saved under (the store keys user briefings by it; `removeBriefing` takes it):
 * the bill's slug and the first briefing's date, so it reads well in the list.
 */
export function pastedFileName(preview: Pick<BriefingPreviewModel, 'bill' | 'sections'>): string {
  const date = preview.sections[0]?.briefing.dates[0] ?? 'undated';
  return `${preview.bill.id}-${date}-pasted.txt`;
}
