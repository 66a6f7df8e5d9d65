import { describe, expect, it } from 'vitest';
import { settingsChange } from '../../../src/annotate/settings-reader';
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
