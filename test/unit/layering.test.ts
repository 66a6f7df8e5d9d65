/**
 * Dependencies point down (issue 11). The layer order, written once: a module may import from its own folder, from
 * any lower layer, and (in the bottom layer only) from its neighbours there. Anything else is an upward or sideways
 * import and fails here, naming the file and what it imports.
 *
 * Bottom to top:
 * - shared facts and types: model, vocabulary, messaging (the message types), settings-defaults, the bundled dataset,
 *   ids (how every id is made and read) and limits (the one size limit), which import nothing
 * - references (the one grammar) -> bills -> briefings (the compiler) -> capture (reading LGA
 *   pages) -> pages -> matching -> stance (the one every view shows) -> topics -> store -> search -> settings and
 *   storage-items (the extension's browser storage)
 * - messaging, the typed contract between the places code runs, sits at the bottom so every layer can name a
 *   message; it may name (`import type`) the data types of the layers whose data it carries, below ui/shared.
 * - ui/shared: presentation words and colours, used by the popover and the extension pages alike
 * - the three places code runs, side by side and never importing each other (they talk by message): annotate (the
 *   content script, popover included), background (its handlers), ui (side panel, options)
 * - entrypoints and the CLI: wiring, may use anything
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

const LAYERS: ReadonlyArray<readonly string[]> = [
  ['model', 'vocabulary', 'messaging', 'settings-defaults', 'dataset', 'generated', 'ids', 'limits'],
  ['references'],
  ['bills'],
  ['briefings'],
  ['capture'],
  ['pages'],
  ['matching'],
  ['stance'],
  ['topics'],
  ['store'],
  ['search'],
  ['settings', 'storage-items'],
  ['ui/shared'],
  ['annotate', 'background', 'ui'],
  ['cli', 'entrypoints'],
];

/** The unit a file belongs to: `src/pages/x.ts` -> `pages`, `src/ui/shared/x.ts` -> `ui/shared`, `src/model.ts` -> `model`. */
function unitOf(file: string): string | null {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === 'entrypoints') return 'entrypoints';
  if (rel[0] !== 'src') return null; // assets, node_modules: data and libraries
  if (rel.length === 2) return (rel[1] as string).replace(/\.(tsx?|json)$/, '');
  if (rel[1] === 'ui' && rel[2] === 'shared') return 'ui/shared';
  return rel[1] as string;
}

function layerOf(unit: string): number {
  const layer = LAYERS.findIndex((units) => units.includes(unit));
  if (layer < 0) throw new Error(`${unit} is in no layer: add it to LAYERS in test/unit/layering.test.ts`);
  return layer;
}

/** Whether `from` may import `to` (`typeOnly`: an `import type` / `export type`). */
function mayImport(from: string, to: string, typeOnly = false): boolean {
  if (from === to) return true;
  const a = layerOf(from);
  const b = layerOf(to);
  if (from === 'messaging' && typeOnly) return b < layerOf('ui/shared');
  return b < a || (a === 0 && b === 0);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sourceFiles(full);
    return /\.(tsx?|mts)$/.test(name) ? [full] : [];
  });
}

/** Relative module specifiers a file imports or re-exports (static and dynamic), and whether only for types. */
function importsWithKind(source: string): Array<{ specifier: string; typeOnly: boolean }> {
  const found: Array<{ specifier: string; typeOnly: boolean }> = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b([^'"`;]*?)from\s*['"]([^'"]+)['"]/g))
    found.push({ specifier: m[2]!, typeOnly: /^\s*type\b/.test(m[1]!) });
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g))
    found.push({ specifier: m[1]!, typeOnly: false });
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ specifier: m[1]!, typeOnly: false });
  return found.filter(({ specifier }) => specifier.startsWith('.'));
}

function importsOf(source: string): string[] {
  return importsWithKind(source).map(({ specifier }) => specifier);
}

describe('layering', () => {
  it.each([
    ['pages', 'annotate', false],
    ['annotate', 'pages', true],
    ['annotate', 'ui', false],
    ['annotate', 'background', false],
    ['ui', 'background', false],
    ['ui', 'ui/shared', true],
    ['ui/shared', 'annotate', false],
    ['model', 'vocabulary', true],
    ['references', 'bills', false],
    ['entrypoints', 'ui', true],
  ])('%s may import %s: %s', (from, to, allowed) => {
    expect(mayImport(from, to)).toBe(allowed);
  });

  it.each([
    ['topics', true, true],
    ['topics', false, false],
    ['annotate', true, false],
  ])('messaging may import %s (type only: %s): %s', (to, typeOnly, allowed) => {
    expect(mayImport('messaging', to, typeOnly)).toBe(allowed);
  });

  it('reads static, re-exported and dynamic imports', () => {
    const source = [
      "import type { A } from '../a';",
      "import {\n  b,\n  c,\n} from './b';",
      "export { d } from '../../d';",
      "import './e.css';",
      "const f = await import('../f');",
      "import { g } from 'preact';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['../a', './b', '../../d', './e.css', '../f']);
  });

  it('every import in src/ and entrypoints/ points down', () => {
    const upward: string[] = [];
    for (const file of [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'entrypoints'))]) {
      const from = unitOf(file);
      if (!from) continue;
      for (const { specifier, typeOnly } of importsWithKind(readFileSync(file, 'utf8'))) {
        const to = unitOf(path.resolve(path.dirname(file), specifier));
        if (to && !mayImport(from, to, typeOnly))
          upward.push(`${path.relative(ROOT, file)} imports ${specifier} (${from} -> ${to})`);
      }
    }
    expect(upward).toEqual([]);
  });
});
