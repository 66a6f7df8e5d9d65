import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import billsJson from '../../../assets/bills.json';
import { createSectionScanner, scanSection } from '../../../src/annotate/section-scanner';
import { parseHtml } from '../../../src/cli/refs';
import type { BillRecord } from '../../../src/model';
import { pageUrlOf, understandPage } from '../../../src/pages';

const BILLS = (billsJson as { bills: BillRecord[] }).bills;

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/pages');
const HANSARD_DAY = path.resolve(
  import.meta.dirname,
  '../../../../shared/corpus/hansard-html/hansard-commons-2020-01-09-CommonsChamber-aggregate.raw.html',
);

/** The references of every section, as the CLI writes them. */
function flat(refs: ReturnType<typeof scanSection>) {
  return refs.map(({ range: _range, ...ref }) => ref);
}

describe('the section scanner: the same references however it is driven', () => {
  const pages: Array<[string, string, string]> = [
    [
      'the real Commons day (2.7 MB)',
      HANSARD_DAY,
      'https://hansard.parliament.uk/Commons/2020-01-09/debates/F558AF45-2E9E-4F22-9692-AE71794A6469/CommonsChamber',
    ],
    ...readdirHtml(FIXTURES),
  ];

  it.each(pages)('%s: in slices of no time at all, as at once', { timeout: 120_000 }, (_name, file, url) => {
    const doc = parseHtml(readFileSync(file, 'utf8'), url);
    const understood = understandPage(doc, url, BILLS);
    expect(understood?.sections.length).toBeGreaterThan(0);
    understood!.sections.forEach((section, i) => {
      const whole = flat(scanSection(section, i));
      const scanner = createSectionScanner(section);
      let steps = 0;
      // A deadline already past: each step does the least it can (one batch of nodes or one chunk).
      while (!scanner.step(0)) steps++;
      const sliced = scanner.roots.flatMap(({ root, refs }) => refs.map((ref) => ({ ...ref, section: i, root })));
      expect(sliced).toEqual(whole);
      expect(steps).toBeGreaterThan(0);
    });
  });
});

function readdirHtml(dir: string): Array<[string, string, string]> {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .flatMap((name): Array<[string, string, string]> => {
      const html = readFileSync(path.join(dir, name), 'utf8');
      const url = pageUrlOf(parseHtml(html, null));
      // A page no adapter reads (unknown-bill.html) has no section to scan.
      return url && !name.startsWith('unknown') ? [[name, path.join(dir, name), url]] : [];
    });
}
