// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileBriefing } from '../../../src/briefings/compile';
import { htmlToBriefingText } from '../../../src/briefings/html';

// Written after the shape of a local.gov.uk briefing page (Drupal): banner and navigation outside <main>, the title in
// an <h1>, topic links, the body field with <h2> part headings and lists, a contact block.
const PAGE = `<!doctype html><html><head><title>LGA</title><script>var x = 1;</script></head><body>
<div class="banner"><a href="/devolution">Visit our devolution and LGR hub for the latest information, support and resources</a></div>
<header><nav><ul><li><a href="/">Home</a></li><li>Our support</li></ul></nav></header>
<main id="main-content" role="main">
  <div class="block-page-title"><h1 class="page-title"><span>Children’s Wellbeing and Schools Bill, Second Reading, House of Commons, 8 January 2025</span></h1></div>
  <article>
    <div class="field--name-field-summary"><p>Proposals to improve support for care leavers are welcome.</p></div>
    <div class="topics"><a href="/topics/children">View all<span class="visually-hidden">Children and young people</span> articles</a></div>
    <div class="clearfix text-formatted field field--name-body">
      <h2>Key messages</h2>
      <ul>
        <li>Proposals to improve support for care leavers are <strong>welcome</strong> [Clause 7], but we must ensure these duties are appropriately funded.</li>
        <li><p>The Bill makes changes including:</p>
          <ul><li>new powers on empty homes, which are encouraging</li></ul>
        </li>
      </ul>
      <h2>Background</h2>
      <h3>Supporting children in need</h3>
      <ul><li>We support a new requirement on councils [Clause 1].</li></ul>
      <h2>Contact</h2>
      <p>Zahraa Shaikh<br>Public Affairs Support Officer</p>
    </div>
  </article>
</main>
<footer><p>Local Government Association</p></footer>
</body></html>`;

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('htmlToBriefingText', () => {
  it('renders the main article: blocks on their own lines, bullets as `  • `, nested deeper', () => {
    expect(
      htmlToBriefingText(parse(PAGE)),
    ).toBe(`Children’s Wellbeing and Schools Bill, Second Reading, House of Commons, 8 January 2025

Proposals to improve support for care leavers are welcome.

View allChildren and young people articles

Key messages

  • Proposals to improve support for care leavers are welcome [Clause 7], but we must ensure these duties are appropriately funded.
  • The Bill makes changes including:
    • new powers on empty homes, which are encouraging

Background

Supporting children in need

  • We support a new requirement on councils [Clause 1].

Contact

Zahraa Shaikh
Public Affairs Support Officer
`);
  });

  it('gives text the compiler reads as the page', () => {
    const result = compileBriefing(htmlToBriefingText(parse(PAGE)), 'saved.html', []);
    expect(result.errors).toEqual([]);
    expect(result.briefings[0]).toMatchObject({ house: 'commons', stage: 'second-reading', dates: ['2025-01-08'] });
    expect(result.positions.map((p) => [p.part, p.subheading, p.text.slice(0, 20)])).toEqual([
      ['key-messages', null, 'Proposals to improve'],
      ['key-messages', null, 'The Bill makes chang'],
      ['key-messages', null, 'new powers on empty '],
      ['background', 'Supporting children in need', 'We support a new req'],
    ]);
    expect(result.positions[0]!.refs[0]).toMatchObject({ kind: 'clause', number: '7', stance: 'mixed' });
  });

  it('takes a title from outside the article and never reads scripts', () => {
    const doc = parse(
      '<body><h1>Test Bill, Report Stage, House of Lords, 1 May 2024</h1><script>alert(1)</script><main><p>Text.</p></main></body>',
    );
    expect(htmlToBriefingText(doc)).toBe('Test Bill, Report Stage, House of Lords, 1 May 2024\n\nText.\n');
  });
});

// A multi-stage page with the chrome a Drupal article carries inside <main>: breadcrumbs, a date stamp, a share bar,
// topic tags, a related-content list, a hidden dialog, a contact block. The markup is inferred from the shape of
// current local.gov.uk article pages (no saved copy of one exists); the reading keys on landmarks, labels and shape.
const CHROME_PAGE = `<!doctype html><html><body>
<header role="banner"><h1 class="site-name">Local Government Association</h1></header>
<main>
  <nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/parliament">Parliament</a></li></ol></nav>
  <h1>Bus Services Bill</h1>
  <p class="date"><time datetime="2017-03-27">27 March 2017</time></p>
  <div class="share" aria-label="Share this page"><a href="#">Twitter</a> <a href="#">Facebook</a></div>
  <div class="body">
    <p>Key summary points and briefings for local government on the Bus Services Bill.</p>
    <h2>House of Commons, Report Stage, Tuesday 27 March 2017</h2>
    <h3>Key messages</h3>
    <ul>
      <li>We support Amendment 1.<br>It would remove Clause 22.</li>
      <li>We oppose Amendment 24.</li>
    </ul>
    <p><a href="/x.pdf">Download the full briefing</a></p>
    <h2>House of Lords, Third Reading, Tuesday 29 November 2016</h2>
    <h3>Key messages</h3>
    <p>We welcome the Bill’s franchising powers.</p>
  </div>
  <ul class="tags"><li><a href="/topics/transport">Transport</a></li><li><a href="/topics/devolution">Devolution</a></li></ul>
  <div class="dialog" role="dialog" hidden><p>Sign up to our newsletter</p></div>
  <section><h2>Contact</h2><p>Jo Bloggs<br>Public Affairs Adviser</p></section>
  <section><h2>Related content</h2><ul><li><a href="/a">Bus Services Bill, Second Reading, House of Commons</a></li><li><a href="/b">Buses briefing</a></li></ul></section>
</main></body></html>`;

describe('htmlToBriefingText on a page with chrome inside <main>', () => {
  const text = htmlToBriefingText(parse(CHROME_PAGE));

  it('gives the lines a reader copies from the article, without breadcrumbs, share bar, tags or hidden dialog', () => {
    expect(text).toBe(`Bus Services Bill

27 March 2017

Key summary points and briefings for local government on the Bus Services Bill.

House of Commons, Report Stage, Tuesday 27 March 2017

Key messages

  • We support Amendment 1.
    It would remove Clause 22.
  • We oppose Amendment 24.

Download the full briefing

House of Lords, Third Reading, Tuesday 29 November 2016

Key messages

We welcome the Bill’s franchising powers.

Contact

Jo Bloggs
Public Affairs Adviser

Related content
`);
  });

  it('compiles to the page’s stage sections and positions', () => {
    const result = compileBriefing(text, 'bus.html', []);
    expect(result.errors).toEqual([]);
    expect(result.bill.title).toBe('Bus Services Bill');
    expect(result.briefings.map((b) => [b.house, b.stage, b.dates])).toEqual([
      ['commons', 'report', ['2017-03-27']],
      ['lords', 'third-reading', ['2016-11-29']],
    ]);
    expect(result.positions.map((p) => p.text)).toEqual([
      'We support Amendment 1. It would remove Clause 22.',
      'We oppose Amendment 24.',
      'We welcome the Bill’s franchising powers.',
    ]);
  });

  it('reads an extracted article fragment (no <main>, no <h1>) as well', () => {
    const fragment = parse(
      '<div><p>Councils welcome the Schools Bill.</p><h2>Key messages</h2><ul><li>We support Part 1 of the Schools Bill.</li></ul></div>',
    );
    const result = compileBriefing(htmlToBriefingText(fragment), 'fragment.html', []);
    expect(result.errors).toEqual([]);
    expect(result.bill.title).toBe('Schools Bill');
    expect(result.positions.map((p) => p.text)).toEqual(['We support Part 1 of the Schools Bill.']);
  });
});
