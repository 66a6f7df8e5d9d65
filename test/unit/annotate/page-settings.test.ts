import { describe, expect, it } from 'vitest';
import { createPageSettings, settingsChange, switchedOffAt } from '../../../src/annotate/page-settings';
import { type Settings, withDefaults } from '../../../src/settings-defaults';

const BASE = withDefaults(null);
const other = (change: Partial<Settings>): Settings => ({ ...BASE, ...change });

describe('what a change of settings asks of an annotated page', () => {
  it.each([
    ['the first settings the page hears of', null, BASE, 'rerun'],
    ['another highlight mode (what is highlighted)', BASE, other({ highlightMode: 'all' }), 'rerun'],
    ['a site switched off', BASE, other({ disabledSites: ['hansard.parliament.uk'] }), 'rerun'],
    ['a site switched back on', other({ disabledSites: ['hansard.parliament.uk'] }), BASE, 'rerun'],
    ['another highlight style (how it looks)', BASE, other({ highlightStyle: 'background' }), 'restyle'],
    ['another hover delay', BASE, other({ hoverDelayMs: 600 }), 'restyle'],
    ['the same settings again', BASE, other({}), 'restyle'],
  ] as const)('%s: %s', (_name, old, next, expected) => {
    expect(settingsChange(old, next)).toBe(expected);
  });
});

describe('whether the reader switched the extension off on the page', () => {
  const off = other({ disabledSites: ['hansard.parliament.uk'] });
  it.each([
    ['a page of the site switched off', off, 'https://hansard.parliament.uk/Commons/2025-02-11/debates/X', true],
    ['another parliament site', off, 'https://bills.parliament.uk/bills/3909', false],
    ['nothing switched off', BASE, 'https://hansard.parliament.uk/Commons/2025-02-11/debates/X', false],
    ['a URL that cannot be read', off, 'not a url', false],
    ['a URL that cannot be read, with an empty site listed', other({ disabledSites: [''] }), 'not a url', true],
  ] as const)('%s: %s', (_name, settings, url, expected) => {
    expect(switchedOffAt(settings, url)).toBe(expected);
  });
});

describe('the settings a page follows', () => {
  const style = other({ highlightStyle: 'background' });
  const delay = other({ hoverDelayMs: 600 });
  const all = other({ highlightMode: 'all' });
  it.each([
    ['a change heard before any run read them reruns', [], [BASE], ['rerun']],
    ['a change of style after a run read them restyles', [BASE], [style], ['restyle background']],
    ['a change of hover delay restyles', [BASE], [delay], ['restyle underline']],
    ['a change of mode reruns', [BASE], [all], ['rerun']],
    [
      'each change is judged against the one before it',
      [BASE],
      [style, all, all],
      ['restyle background', 'rerun', 'restyle underline'],
    ],
    [
      'a run reading them again judges the next change against what it read',
      [all, BASE],
      [style],
      ['restyle background'],
    ],
  ] as const)('%s', async (_name, reads, heard, expected) => {
    const stored = [...reads];
    const calls: string[] = [];
    const settings = createPageSettings(async () => stored.shift() ?? BASE, {
      rerun: () => calls.push('rerun'),
      restyle: (next) => calls.push(`restyle ${next.highlightStyle}`),
    });
    expect(settings.now).toBeNull();
    for (const _ of reads) await settings.read();
    for (const next of heard) settings.changed(next);
    expect(calls).toEqual(expected);
    expect(settings.now).toEqual(heard.at(-1));
  });
});
