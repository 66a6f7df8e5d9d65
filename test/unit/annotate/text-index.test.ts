import { describe, expect, it } from 'vitest';
import { buildTextIndex, createTextIndexBuilder } from '../../../src/annotate/text-index';
import { parseHtml } from '../../../src/cli/refs';

function indexOf(body: string) {
  const doc = parseHtml(`<!DOCTYPE html><html><body><div id="root">${body}</div></body></html>`, null);
  const root = doc.getElementById('root') as Element;
  return { doc, root, index: buildTextIndex(root) };
}

describe('text of a root', () => {
  it.each([
    [
      'inline boundaries join',
      '<p><em>clause</em> 7 and new <strong>clause</strong> 10</p>',
      'clause 7 and new clause 10',
    ],
    ['block boundaries separate', '<p>Clause 7</p><p>8 councils</p>', 'Clause 7\n8 councils'],
    ['headings and list items separate', '<h3>Clause 7</h3><ul><li>8</li><li>9</li></ul>', 'Clause 7\n8\n9'],
    ['a br separates', 'Clause 7<br>8 councils', 'Clause 7\n8 councils'],
    [
      'a filled column-number pin is skipped',
      '<p>in clause <span class="column-number" data-column-number="502">Column 502<span class="sr-only">is located here</span></span>7 of the Bill</p>',
      'in clause 7 of the Bill',
    ],
    ['sr-only text is skipped', '<p>Share <span class="sr-only">this specific contribution</span>now</p>', 'Share now'],
    [
      'share bars, scripts, styles and navigation are skipped',
      '<div class="share-bar">Copy link clause 1</div><script>clause 2</script><style>.x{}</style><nav>clause 3</nav><div role="navigation">clause 4</div><p>clause 5</p>',
      'clause 5',
    ],
    ['whitespace runs collapse', '<p>Clause  13,\n   page  11,\tline  9</p>', 'Clause 13, page 11, line 9'],
    ['non-breaking spaces become spaces', '<p>clause&nbsp;7 and&nbsp;&nbsp;8</p>', 'clause 7 and 8'],
    ['curly quotes become straight', '<p>Children’s “best interests”</p>', 'Children\'s "best interests"'],
    [
      'dashes are kept: the grammar reads them',
      '<p>Clauses 25–26; new clause 22—School</p>',
      'Clauses 25–26; new clause 22—School',
    ],
    ['zero-width spaces are dropped', '<p>clause\u200b 7</p>', 'clause 7'],
  ])('%s', (_name, html, text) => {
    expect(indexOf(html).index.text).toBe(text);
  });
});

describe('toRange maps spans back to the DOM', () => {
  it('across an inline boundary', () => {
    const { index } = indexOf('<p>see <em>clause</em> 7 here</p>');
    const start = index.text.indexOf('clause 7');
    const range = index.toRange(start, start + 'clause 7'.length);
    expect(range.toString()).toBe('clause 7');
    expect(range.startContainer).not.toBe(range.endContainer);
  });

  it('across a column-number pin (the pin is inside the range, not in the text)', () => {
    const { index } = indexOf(
      '<p>in clause <span class="column-number">Column 502<span class="sr-only">is located here</span></span>7 of</p>',
    );
    const start = index.text.indexOf('clause 7');
    expect(index.toRange(start, start + 8).toString()).toBe('clause Column 502is located here7');
  });

  it('after collapsed whitespace and normalised characters', () => {
    const { index } = indexOf('<p>Children’s   Bill,&nbsp;&nbsp;clause   18</p>');
    const start = index.text.indexOf('clause 18');
    expect(index.text).toBe("Children's Bill, clause 18");
    expect(index.toRange(start, start + 9).toString()).toBe('clause   18');
  });

  it('trims separators at the span’s ends', () => {
    const { index } = indexOf('<p>Clause 7</p><p>8</p>');
    expect(index.toRange(0, 9).toString()).toBe('Clause 7');
  });

  it('refuses a span outside the text, naming it', () => {
    const { index } = indexOf('<p>Clause 7</p>');
    expect(() => index.toRange(5, 50)).toThrow(/\[5, 50\)/);
  });
});

describe('incremental building', () => {
  const html = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} on <em>clause</em> ${i}</p>`).join('');

  it.each([1, 3, 17, 1000])('gives the same text and ranges in steps of %i nodes', (step) => {
    const { root, index: whole } = indexOf(html);
    const builder = createTextIndexBuilder(root);
    let calls = 0;
    while (!builder.step(step)) calls++;
    const stepped = builder.result();
    expect(stepped.text).toBe(whole.text);
    if (step === 1) expect(calls).toBeGreaterThan(100);
    const at = stepped.text.indexOf('clause 39');
    expect(stepped.toRange(at, at + 9).toString()).toBe('clause 39');
  });

  it('refuses a result before it is done', () => {
    const { root } = indexOf(html);
    const builder = createTextIndexBuilder(root);
    builder.step(2);
    expect(builder.done).toBe(false);
    expect(() => builder.result()).toThrow(/not finished/);
  });
});
