// @vitest-environment happy-dom
/** The scanner on the real corpus in ../shared/corpus: expected results pinned in corpus-expected.ts. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../../src/annotate/scan';
import { buildTextIndex } from '../../../src/annotate/text-index';
import { bodyOfText, parseHtml, refsOfDocument } from '../../../src/cli/refs';
import { CORPUS_TEXTS, HANSARD_PAGE } from './corpus-expected';

const CORPUS = `${resolve(__dirname, '../../..', '..', 'shared', 'corpus')}/`;

describe('debate and bill texts', () => {
  it.each(CORPUS_TEXTS)('$file', ({ folder, file, printedLineNumbers, refs }) => {
    const text = bodyOfText(readFileSync(`${CORPUS}${folder}/${file}`, 'utf8'));
    const found = scanText(text, { printedLineNumbers });
    expect(found.map((r) => `${r.kind} ${r.number}${r.implicit ? ' (implicit)' : ''}`)).toEqual(refs);
    for (const ref of found) expect(text.slice(ref.start, ref.end)).toBe(ref.text);
  });

  it('reads only the text after the provenance header', () => {
    const text = 'SOURCE-URL: https://example.org\nBILL: clause 99 in a note\n----\nclause 7 applies';
    expect(bodyOfText(text)).toBe('clause 7 applies');
    expect(bodyOfText('clause 7, no header')).toBe('clause 7, no header');
  });
});

describe('the real Hansard whole-day page (9 January 2020)', () => {
  const html = readFileSync(`${CORPUS}hansard-html/${HANSARD_PAGE.file}`, 'utf8');
  const doc = parseHtml(html, HANSARD_PAGE.url);
  const output = refsOfDocument(doc, HANSARD_PAGE.url);

  it('finds the bill section, and only it, with its context', () => {
    expect(output.adapter).toBe('hansard-day');
    expect(output.sections.map(({ index: _index, ...context }) => context)).toEqual(
      HANSARD_PAGE.sections.map((s) => s.context),
    );
  });

  it('finds the pinned references of the bill section', () => {
    expect(output.references.map((r) => `${r.kind} ${r.number}: ${r.text}`)).toEqual([
      ...HANSARD_PAGE.sections[0].refs,
    ]);
  });

  it('reports no reference from a provision of an Act, and nothing from the sections that are not a bill’s', () => {
    // Scan the whole page's text, every section included, to see what the adapter's sectioning leaves out.
    const index = buildTextIndex(doc.body);
    const everywhere = scanText(index.text);
    for (const ref of everywhere) {
      expect(index.text.slice(ref.end, ref.end + 60)).not.toMatch(
        /^\s*(?:\(\w+\)\s*)*(?:of|to|in|under) the [\w ()]*Act\b/,
      );
    }
    // The VAT Act sections in the `Hospital Improvement Plans: VAT Rules` debate are in the text but not references.
    expect(index.text).toContain('section 41(3) of the VAT Act 1994');
    // Outside the bill's section only Business of the House's `new clause 1 to the Agriculture Bill`: left alone.
    const outside = everywhere.filter((ref) => index.text.slice(ref.end, ref.end + 25).includes('Agriculture Bill'));
    expect(outside.map((r) => `${r.kind} ${r.number}`)).toEqual(['new-clause 1']);
    expect(everywhere.length).toBe(output.references.length + 1);
    expect(output.references.some((r) => r.kind === 'new-clause' && r.number === '1')).toBe(false);
  });
}, 120_000);
