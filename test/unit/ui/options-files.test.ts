// @vitest-environment happy-dom
/**
 * Files chosen on the options page are checked before they are read (issue 10, finding 7): too large or empty is
 * refused at once with words naming the file, the limit is the background's own, and a file with no text in it says
 * so instead of showing nothing. The options page itself is driven in e2e 05-options.
 */
import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../src/limits';
import {
  exportedMessage,
  FileRefused,
  importRefusedMessage,
  readChosenFile,
  refusedBeforeReading,
} from '../../../src/ui/options/files';
import { readBriefingFileDetails } from '../../../src/ui/options/preview';

const MB = 1024 * 1024;

describe('a chosen file is refused by its size before it is read', () => {
  it.each([
    ['an empty briefing file', 0, 'briefing', 'b.txt is empty'],
    ['a briefing file at the limit', LIMITS.briefingBytes, 'briefing', null],
    [
      'a briefing file one byte over',
      LIMITS.briefingBytes + 1,
      'briefing',
      'b.txt is 5,242,881 bytes, over the 5,242,880-byte limit for a briefing file; it was not read',
    ],
    [
      'a 6.2 MB briefing file',
      6.2 * MB,
      'briefing',
      'b.txt is 6.2 MB, over the 5 MB limit for a briefing file; it was not read',
    ],
    ['an empty data file', 0, 'userData', 'b.txt is empty'],
    ['a 49 MB data file', 49 * MB, 'userData', null],
    [
      'a 60 MB data file',
      60 * MB,
      'userData',
      'b.txt is 60 MB, over the 50 MB limit for a file of your data (the most an export holds); it was not read',
    ],
  ] as const)('%s', (_, size, kind, want) => {
    expect(refusedBeforeReading({ name: 'b.txt', size }, kind)).toBe(want);
  });

  it.each([
    ['too large', LIMITS.userDataBytes + 1],
    ['empty', 0],
  ])('a %s file is never read', async (_, size) => {
    const text = vi.fn(async () => '{}');
    await expect(readChosenFile({ name: 'd.json', size, text }, 'userData')).rejects.toBeInstanceOf(FileRefused);
    expect(text).not.toHaveBeenCalled();
  });

  it('a file within the limit is read', async () => {
    expect(await readChosenFile(new File(['{"a":1}'], 'd.json'), 'userData')).toBe('{"a":1}');
  });
});

describe('reading a chosen briefing file', () => {
  it.each([
    ['an empty text file', new File([], 'e.txt', { type: 'text/plain' }), 'e.txt is empty'],
    ['a text file of blanks', new File([' \n\t\n '], 'w.txt', { type: 'text/plain' }), 'w.txt has no text in it'],
    [
      'a saved page with no text',
      new File(
        ['<html><head><title></title><script>x()</script></head><body><img src="a.png"></body></html>'],
        'n.html',
        {
          type: 'text/html',
        },
      ),
      'n.html has no text in it',
    ],
  ])('%s is refused, with words', async (_, file, want) => {
    await expect(readBriefingFileDetails(file)).rejects.toThrow(new FileRefused(want));
  });

  it('a briefing file over the limit is refused unread', async () => {
    const text = vi.fn(async () => 'x');
    const file = { name: 'big.html', type: 'text/html', size: LIMITS.briefingBytes + 1, text };
    await expect(readBriefingFileDetails(file)).rejects.toBeInstanceOf(FileRefused);
    expect(text).not.toHaveBeenCalled();
  });
});

describe('after an export', () => {
  it.each([
    [1_000, 'ok', /^Exported your data\.$/],
    [LIMITS.userDataBytes, 'ok', /^Exported your data\.$/],
    [60 * MB, 'error', /60 MB, over the 50 MB limit of an import: it cannot be imported again/],
  ] as const)('%d bytes: %s', (bytes, kind, text) => {
    const shown = exportedMessage(bytes);
    expect(shown.kind).toBe(kind);
    expect(shown.text).toMatch(text);
  });
});

describe('an import the background refuses', () => {
  // The reason as the background's reply carries it apart (`unchanged`), or a failure's own words.
  it.each([
    [
      'broken.json',
      'not JSON: Unexpected end of JSON input',
      'Nothing imported from broken.json, nothing was changed: not JSON: Unexpected end of JSON input',
    ],
    [
      'big.json',
      'your data would come to 60 MB, over the 50 MB an export may hold',
      'Nothing imported from big.json, nothing was changed: your data would come to 60 MB, over the 50 MB an export may hold',
    ],
    [
      'odd.json',
      'the file could not be read',
      'Nothing imported from odd.json, nothing was changed: the file could not be read',
    ],
    ['x.json', '', 'Nothing imported from x.json, nothing was changed.'],
  ])('%s: says nothing changed once', (name, reason, expected) => {
    const shown = importRefusedMessage(name, reason);
    expect(shown).toBe(expected);
    expect(shown.match(/nothing was changed/g)).toHaveLength(1);
  });
});
