/** The `topics` command: paragraphs by blank lines, the bill by id, parliament id or title, the output contract. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphsOf, run } from '../../../src/cli/topics';

const dir = mkdtempSync(path.join(tmpdir(), 'topics-cli-'));
const file = path.join(dir, 'debate.txt');
writeFileSync(
  file,
  [
    'The limit on branded items of school uniform will\nsave families money on uniform costs.',
    'Free breakfast clubs will mean no child starts the day hungry.',
    'Under the Local Government Act 2003 councils may borrow, and the LGA has briefed us on it.',
  ].join('\n\n  \n'),
);

describe('topics CLI', () => {
  it.each([
    ['one\n\ntwo', ['one', 'two']],
    ['one\nstill one\n\n\n\ntwo', ['one still one', 'two']],
    ['\n\n  \n', []],
    ['a\r\n\r\nb', ['a', 'b']],
  ])('paragraphs of %j', (text, paragraphs) => {
    expect(paragraphsOf(text)).toEqual(paragraphs);
  });

  it.each([
    "Children's Wellbeing and Schools Bill",
    'childrens-wellbeing-and-schools-bill',
    'Children’s Wellbeing and Schools Bill',
  ])('prints links, mentions and echoes per paragraph (--bill %s)', async (bill) => {
    const out = await run([file, '--bill', bill]);
    expect(out.bill.id).toBe('childrens-wellbeing-and-schools-bill');
    expect(out.paragraphs.map((p) => p.index)).toEqual([0, 1, 2]);
    const [uniform, breakfast, act] = out.paragraphs;
    expect(uniform?.links[0]?.text).toContain('branded items in school uniform');
    expect(uniform?.links[0]).toMatchObject({ strength: 'direct' });
    expect(uniform?.links[0]?.terms.length).toBeGreaterThan(0);
    expect(breakfast?.links).toEqual([]);
    expect(act?.lgaMentions.map((m) => m.text)).toEqual(['LGA']);
  });

  it.each([
    [['--bill', 'X'], /no input file/],
    [[file], /--bill is required/],
    [[file, '--bill', 'No Such Bill'], /not a bill in the dataset/],
    [[file, '--bill', 'x', '--nope', 'y'], /unknown option --nope/],
    [[path.join(dir, 'missing.txt'), '--bill', '3909'], /cannot read .*missing\.txt: ENOENT/],
  ])('rejects %j', async (args, message) => {
    await expect(run(args as string[])).rejects.toThrow(message);
  });
});
