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
