/**
 * Dependencies point down (issue 11). The layer order, written once: a module may import from its own folder, from
 * any lower layer, and (in the bottom layer only) from its neighbours there. Anything else is an upward or sideways
 * import and fails here, naming the file and what it imports.
 *
 * Bottom to top:
 * - shared facts and types: model, vocabulary, messaging (the message types), settings-defaults, the bundled dataset,
 *   ids (how every id is made and read) and limits (the one size limit), which import only each other
 * - references (the one grammar) -> bills -> briefings (the compiler) -> capture (reading LGA
 *   pages) -> pages -> matching -> stance (the one every view shows) -> topics -> store -> search -> settings and
 *   storage-items (the extension's browser storage)
 * - messaging, the typed contract between the places code runs, sits at the bottom so every layer can name a
 *   message; it may name (`import type`) the data types of the layers whose data it carries, below ui/shared.
 * - ui/shared: presentation words and colours, used by the popover and the extension pages alike
 * - the three places code runs, side by side and never importing each other (they talk by message): annotate (the
 *   content script, popover included), background (its handlers), ui (side panel, options)
 * - entrypoints and the CLI: wiring, may use anything
 *
 * Imports are read by path: relative ones, and the aliases the TypeScript config defines (`@/src/x`, `~/src/x`...:
 * WXT writes them into .wxt/tsconfig.json, which tsconfig.json extends), so an alias is no way round the order.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
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

/** One `paths` entry of the TypeScript config: `@/*` -> `<root>/*` (`star` false for an exact name such as `@`). */
interface PathAlias {
  prefix: string;
  suffix: string;
  star: boolean;
  target: string;
}

/**
 * The `paths` aliases `configFile` ends up with, following `extends` as tsc does: the nearest config that sets `paths`
 * wins, and its targets are read from `baseUrl` if one is set, else from the directory of the config that set them.
 */
function pathAliases(configFile: string): PathAlias[] {
  let paths: Record<string, string[]> | undefined;
  let pathsBase: string | undefined;
  let baseUrl: string | undefined;
  for (let file: string | undefined = configFile; file; ) {
    const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
    // .wxt/tsconfig.json is written by `wxt prepare` (npm install runs it).
    if (error) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
    const options = config.compilerOptions ?? {};
    if (!paths && options.paths) [paths, pathsBase] = [options.paths, path.dirname(file)];
    if (!baseUrl && options.baseUrl) baseUrl = path.resolve(path.dirname(file), options.baseUrl);
    if (config.extends !== undefined && typeof config.extends !== 'string')
      throw new Error(`${file}: extends a list; read it here before trusting the aliases`);
    file = config.extends && path.resolve(path.dirname(file), config.extends);
  }
  return Object.entries(paths ?? {})
    .map(([pattern, targets]) => {
      const [prefix = '', suffix = ''] = pattern.split('*');
      // tsc tries the targets in turn; every alias here has one, and resolving by path cannot try.
      return { prefix, suffix, star: pattern.includes('*'), target: path.resolve(baseUrl ?? pathsBase!, targets[0]!) };
    })
    .sort((x, y) => y.prefix.length - x.prefix.length); // the longest prefix wins, as in tsc
}

const ALIASES = pathAliases(path.join(ROOT, 'tsconfig.json'));

/** The path `specifier` names when imported from `file`, or null for a package (`preact`, `wxt/browser`, `#imports`). */
function resolveImport(file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier);
  for (const { prefix, suffix, star, target } of ALIASES) {
    if (!star) {
      if (specifier === prefix) return target;
      continue;
    }
    if (specifier.length < prefix.length + suffix.length) continue;
    if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    return target.replace('*', specifier.slice(prefix.length, specifier.length - suffix.length));
  }
  return null;
}

/**
 * Module specifiers naming a file of the project (relative or aliased) that `file` imports or re-exports, static and
 * dynamic, and whether only for types.
 */
function importsWithKind(file: string, source: string): Array<{ specifier: string; typeOnly: boolean }> {
  const found: Array<{ specifier: string; typeOnly: boolean }> = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b([^'"`;]*?)from\s*['"]([^'"]+)['"]/g))
    found.push({ specifier: m[2]!, typeOnly: /^\s*type\b/.test(m[1]!) });
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g))
    found.push({ specifier: m[1]!, typeOnly: false });
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ specifier: m[1]!, typeOnly: false });
  return found.filter(({ specifier }) => resolveImport(file, specifier) !== null);
}

function importsOf(file: string, source: string): string[] {
  return importsWithKind(file, source).map(({ specifier }) => specifier);
}

/** Each import of `file` (its text `source`) that does not point down, said with the file, the import and both layers. */
function wrongImports(file: string, source: string): string[] {
  const from = unitOf(file);
  if (!from) return [];
  const wrong: string[] = [];
  for (const { specifier, typeOnly } of importsWithKind(file, source)) {
    const to = unitOf(resolveImport(file, specifier)!);
    if (!to || mayImport(from, to, typeOnly)) continue;
    // Counted from 1 at the bottom. Only an import from a higher layer or a sibling is refused (messaging's type
    // imports are refused from ui/shared up), so the other unit is above or beside.
    const [a, b] = [layerOf(from) + 1, layerOf(to) + 1];
    wrong.push(
      `${path.relative(ROOT, file)} imports ${specifier}${typeOnly ? ' (type only)' : ''}: ` +
        `${from} (layer ${a} of ${LAYERS.length}) may not import ${to} (layer ${b}, ${b === a ? 'beside' : 'above'} it)`,
    );
  }
  return wrong;
}

describe('layering', () => {
  it.each([
    ['pages', 'annotate', false],
    ['annotate', 'pages', true],
    // The three places code runs talk by message, never by import: no way round in either direction.
    ['annotate', 'ui', false],
    ['annotate', 'background', false],
    ['ui', 'annotate', false],
    ['ui', 'background', false],
    ['background', 'annotate', false],
    ['background', 'ui', false],
    ['ui', 'ui/shared', true],
    ['ui/shared', 'annotate', false],
    ['ui/shared', 'ui', false],
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

  it('reads static, re-exported, dynamic and aliased imports, and leaves packages out', () => {
    const source = [
      "import type { A } from '../a';",
      "import {\n  b,\n  c,\n} from './b';",
      "export { d } from '../../d';",
      "import './e.css';",
      "const f = await import('../f');",
      "import { g } from 'preact';",
      "import { h } from '@/src/h';",
      "import { i } from '~/src/i';",
      "import { j } from '@preact/signals';",
      "import { k } from '#imports';",
    ].join('\n');
    expect(importsOf(path.join(ROOT, 'src/pages/x.ts'), source)).toEqual([
      '../a',
      './b',
      '../../d',
      '@/src/h',
      '~/src/i',
      './e.css',
      '../f',
    ]);
  });

  it.each([
    ['@/', 'src/pages/x.ts', '@/src/annotate/controller', 'src/annotate/controller'],
    ['~~/', 'src/pages/x.ts', '~~/src/annotate/controller', 'src/annotate/controller'],
    ['@/ from entrypoints', 'entrypoints/background.ts', '@/src/background/service', 'src/background/service'],
    ['a relative path', 'src/ui/panel/App.tsx', '../../ids', 'src/ids'],
    ['a package', 'src/ui/panel/App.tsx', 'preact/hooks', null],
    ['a scoped package', 'src/ui/panel/App.tsx', '@preact/signals', null],
  ])('resolves %s: %s imports %s -> %s', (_, file, specifier, expected) => {
    const resolved = resolveImport(path.join(ROOT, file), specifier);
    expect(resolved && path.relative(ROOT, resolved)).toBe(expected);
  });

  it.each([
    [
      'an aliased upward import',
      'src/pages/x.ts',
      "import { createController } from '@/src/annotate/controller';",
      [
        'src/pages/x.ts imports @/src/annotate/controller: pages (layer 6 of 15) may not import annotate (layer 14, above it)',
      ],
    ],
    [
      'an aliased upward dynamic import',
      'src/store/x.ts',
      "const settings = await import('~/src/settings');",
      ['src/store/x.ts imports ~/src/settings: store (layer 10 of 15) may not import settings (layer 12, above it)'],
    ],
    [
      'a relative upward import',
      'src/matching/x.ts',
      "import type { Summary } from '../annotate/summary';",
      [
        'src/matching/x.ts imports ../annotate/summary (type only): matching (layer 7 of 15) may not import annotate (layer 14, above it)',
      ],
    ],
    [
      'siblings importing each other',
      'src/ui/panel/x.tsx',
      "import { lookup } from '@/src/annotate/lookup';\nimport { service } from '../../background/service';",
      [
        'src/ui/panel/x.tsx imports @/src/annotate/lookup: ui (layer 14 of 15) may not import annotate (layer 14, beside it)',
        'src/ui/panel/x.tsx imports ../../background/service: ui (layer 14 of 15) may not import background (layer 14, beside it)',
      ],
    ],
    [
      'messaging naming a value above it',
      'src/messaging.ts',
      "import { TOPICS } from './topics';",
      ['src/messaging.ts imports ./topics: messaging (layer 1 of 15) may not import topics (layer 9, above it)'],
    ],
    ['an aliased import down', 'src/annotate/x.ts', "import { PARLIAMENT_MATCHES } from '@/src/pages';", []],
    ['entrypoints importing the ui', 'entrypoints/sidepanel/main.tsx', "import { App } from '@/src/ui/panel/App';", []],
    ['packages', 'src/pages/x.ts', "import { h } from 'preact';\nimport { browser } from 'wxt/browser';", []],
  ])('finds %s: %s', (_, file, source, expected) => {
    expect(wrongImports(path.join(ROOT, file), source)).toEqual(expected);
  });

  it('every import in src/ and entrypoints/ points down', () => {
    const files = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'entrypoints'))];
    expect(files.flatMap((file) => wrongImports(file, readFileSync(file, 'utf8')))).toEqual([]);
  });
});
