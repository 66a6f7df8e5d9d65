// @vitest-environment happy-dom
/**
 * Reading a saved page's HTML into an inert document (src/capture/inert-html.ts, issue 10 finding 9). The readers
 * must get from it what they get from a browser parser's document; what could act (handlers, scripts, frames, URLs
 * that load) must not be in it at all. That no CSP report, request or handler happens in a real browser is checked
 * by e2e 05-options (a hostile upload).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToBriefingText } from '../../../src/briefings';
import { extractBriefing, savedPageUrl } from '../../../src/capture/extract';
import { MAX_DEPTH, parseInertHtml } from '../../../src/capture/inert-html';
import { briefingSite } from '../../../src/capture/sites';
import { readBriefingFileDetails } from '../../../src/ui/options/preview';
import { composeLgaPage, withHostileMarkup as hostile } from '../../fixtures/lga/compose.mjs';

const SHARED = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'shared');
const DEV_SET = [
  ...readdirSync(path.join(SHARED, 'corpus', 'lga-briefings')).map((name) => `corpus/lga-briefings/${name}`),
  ...readdirSync(path.join(SHARED, 'seeds')).map((name) => `seeds/${name}`),
].filter((file) => file.endsWith('.txt'));
const LAYOUTS = ['drupal', 'renamed', 'liferay'] as const;
const SEED = readFileSync(path.join(SHARED, 'seeds', 'lga-children-and-social-work-bill.txt'), 'utf8');
const URL = 'https://www.local.gov.uk/parliament/briefings-and-responses/some-bill-briefing';

const inert = (html: string) => parseInertHtml(html, document.implementation);
const browserParsed = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** What the options page takes from a saved page. */
function reading(doc: Document) {
  const extracted = extractBriefing(doc);
  return {
    text: extracted?.text ?? htmlToBriefingText(doc),
    foundBy: extracted?.foundBy ?? null,
    pageDate: extracted?.pageDate ?? null,
    url: savedPageUrl(doc, (url) => briefingSite(url) !== null),
  };
}

/** Every attribute left in the document, as `tag[name]`. */
function attributesOf(doc: Document): Set<string> {
  const seen = new Set<string>();
  for (const element of doc.querySelectorAll('*'))
    for (const { name } of element.attributes) seen.add(`${element.localName}[${name}]`);
  return seen;
}

describe('a saved LGA page read from the inert document reads as from a browser parser', () => {
  const cases = DEV_SET.flatMap((file) => LAYOUTS.map((layout) => ({ file, layout })));
  it.each(cases)('$file in the $layout layout, clean and with hostile markup added', ({ file, layout }) => {
    const html = composeLgaPage(readFileSync(path.join(SHARED, file), 'utf8'), {
      layout,
      url: URL,
      published: '2022-06-20T09:00:00+01:00',
      modified: '2022-07-01T10:00:00Z',
    });
    const expected = reading(browserParsed(html));
    expect(expected.text.length).toBeGreaterThan(500);
    expect(expected.url).toBe(URL);
    expect(reading(inert(html))).toEqual(expected);
    expect(reading(inert(hostile(html)))).toEqual(expected);
  });

  it('reads a JSON-LD date, kept as data', () => {
    const html = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","datePublished":"2023-05-04T10:00:00Z"}</script></head><body><main><h1>Tiny Bill, Committee Stage, House of Commons</h1><p>${'We support clause 1 of the Bill, which councils have long asked for. '.repeat(8)}</p></main></body></html>`;
    expect(reading(inert(html)).pageDate).toBe('2023-05-04');
    expect(reading(inert(html))).toEqual(reading(browserParsed(html)));
  });
});

describe('nothing that could act is in the inert document', () => {
  const allowed = /^(\w+)\[(id|class|role|hidden|lang|dir|title|itemprop|rel|style|aria-[a-z]+)\]$/;
  const allowedOn = new Set([
    'a[href]',
    'link[href]',
    'meta[name]',
    'meta[property]',
    'meta[content]',
    'time[datetime]',
    'script[type]',
  ]);

  it.each(LAYOUTS)(
    'hostile markup in the %s layout: only the readers’ attributes, no handler, no URL that loads',
    (layout) => {
      const doc = inert(hostile(composeLgaPage(SEED, { layout, url: URL })));
      const unexpected = [...attributesOf(doc)].filter((a) => !allowed.test(a) && !allowedOn.has(a));
      expect(unexpected).toEqual([]);
      expect(
        doc.querySelectorAll(
          '[onclick], [onload], [onerror], [onbegin], [onmouseover], [src], [srcset], [poster], [action], [formaction], [http-equiv]',
        ),
      ).toHaveLength(0);
      expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
      expect(
        doc.querySelectorAll('style, iframe, object, embed, template, base, link:not([rel=canonical])'),
      ).toHaveLength(0);
      expect([...doc.querySelectorAll('[style]')].map((e) => e.getAttribute('style'))).toEqual([]);
      expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(URL);
    },
  );

  it.each([
    [
      'a hiding style keeps only what hides',
      '<p style="color: red; display:none; background: url(x.png)">x</p>',
      'display:none',
    ],
    ['visibility too', '<p style="visibility: hidden">x</p>', 'visibility: hidden'],
    ['a style that hides nothing is dropped', '<p style="background: url(https://x.example/a.png)">x</p>', null],
  ])('%s', (_, html, want) => {
    expect(inert(html).querySelector('p')!.getAttribute('style')).toBe(want);
  });

  it('keeps an element whose name no DOM accepts as its text, in its parent', () => {
    const doc = inert('<body><p>before <a"b>inside</a"b> after</p></body>');
    expect(doc.body.textContent).toBe('before inside after');
  });

  it(`flattens nesting past ${MAX_DEPTH} levels as a browser parser does, and keeps the text`, () => {
    const deep = 5_000;
    const doc = inert(`<body>${'<div>'.repeat(deep)}deepest${'</div>'.repeat(deep)}<p>after</p></body>`);
    let depth = 0;
    for (let at: Element | null = doc.body.querySelector('div'); at; at = at.querySelector(':scope > div')) depth++;
    expect(depth).toBeLessThanOrEqual(MAX_DEPTH);
    let divs = 0; // counted by a walk: happy-dom's querySelectorAll stops early in a tree this shape
    for (const walk = doc.createTreeWalker(doc.body, 1); walk.nextNode(); )
      if (walk.currentNode.nodeName === 'DIV') divs++;
    expect(divs).toBe(deep);
    expect(doc.body.textContent).toBe('deepestafter');
  });
});

describe('the options page reads a chosen .html file through the inert document', () => {
  it('a hostile saved page gives the clean page’s briefing and its canonical page', async () => {
    const html = composeLgaPage(SEED, { url: URL });
    const file = new File([hostile(html)], 'saved.html', { type: 'text/html' });
    const want = reading(browserParsed(html));
    expect(await readBriefingFileDetails(file)).toEqual({
      fileName: 'saved.html',
      text: want.text,
      url: want.url,
      pageDate: want.pageDate,
    });
  });
});
