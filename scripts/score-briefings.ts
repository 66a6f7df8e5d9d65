/**
 * `npm run score:briefings`: the briefing compiler's structure on its dev set (test/unit/briefings/dev-set.ts: the two
 * seeds and the 12 corpus pages), one row per file: bill title right, stage sections (house, stage, first date) found,
 * labelled positions found (and found in their own section), references (precision and recall) against
 * ../shared/corpus/labels/stance-dev.json. Stances are scored apart (`node ../shared/tools/score-stance.mjs`).
 * `--verbose` lists what was missed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { billKey } from '../src/bills/index';
import { bundledBills } from '../src/bills/registry';
import { compileBriefing } from '../src/briefings/compile';
import type { Position } from '../src/model';
import { DEV_SET, type DevSection, fold, type LabelledPosition, labelKey } from '../test/unit/briefings/dev-set';
import { VARIANTS } from '../test/unit/briefings/variants';

const SHARED = resolve(import.meta.dirname ?? __dirname, '..', '..', 'shared');
const verbose = process.argv.includes('--verbose');
const labels = (
  JSON.parse(readFileSync(resolve(SHARED, 'corpus/labels/stance-dev.json'), 'utf8')) as {
    positions: LabelledPosition[];
  }
).positions;

const sectionKey = (s: { house: string | null; stage: string | null; dates: readonly string[] }) =>
  `${s.house}|${s.stage}|${s.dates[0] ?? ''}`;

const totals = { files: 0, read: 0, bills: 0, secExp: 0, secGot: 0, secOk: 0, pos: 0, found: 0, placed: 0 };
const refTotals = { gold: 0, got: 0, ok: 0 };
const rows: string[][] = [
  [
    'file',
    'read',
    'bill',
    'sections ok/exp/got',
    'positions found/labelled',
    'refs ok/got/labelled',
    'refs P',
    'refs R',
  ],
];
const notes: string[] = [];

for (const dev of DEV_SET) {
  const text = readFileSync(resolve(SHARED, dev.folder, dev.file), 'utf8');
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const result = compileBriefing(text, dev.file, bundledBills());
  const read = result.errors.length === 0;
  totals.files++;
  if (read) totals.read++;
  else notes.push(`${dev.file}: ${result.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);

  const billOk = read && billKey(result.bill.title) === billKey(dev.bill);
  if (billOk) totals.bills++;
  else notes.push(`${dev.file}: bill "${read ? result.bill.title : '-'}", want "${dev.bill}"`);

  const got = read ? result.briefings : [];
  const wanted = new Set(dev.sections.map(sectionKey));
  const secOk = new Set(got.map(sectionKey).filter((key) => wanted.has(key))).size;
  totals.secExp += dev.sections.length;
  totals.secGot += got.length;
  totals.secOk += secOk;
  for (const section of dev.sections) {
    if (!got.some((b) => sectionKey(b) === sectionKey(section)))
      notes.push(`${dev.file}: missed section ${sectionKey(section)}`);
  }
  for (const b of got)
    if (!wanted.has(sectionKey(b))) notes.push(`${dev.file}: extra section ${sectionKey(b)} (line ${b.line})`);

  const mine = labels.filter((label) => label.file === dev.file);
  let found = 0;
  let placed = 0;
  const refs = { gold: 0, got: 0, ok: 0 };
  for (const label of mine) {
    const goldRefs = (label.refs ?? []).map((r) => r.ref.toLowerCase());
    refs.gold += goldRefs.length;
    // The same bullet often recurs in several stage sections: prefer the copy in the labelled one.
    const sectionLine = lines.indexOf(label.section.trim()) + 1;
    const expectedSection: DevSection | undefined = dev.sections.find((section) => section.line === sectionLine);
    const inOwnSection = (p: Position) => {
      const briefing = result.briefings.find((b) => b.id === p.briefingId);
      return (
        expectedSection !== undefined && briefing !== undefined && sectionKey(briefing) === sectionKey(expectedSection)
      );
    };
    const candidates = result.positions.filter((p) => fold(p.text).includes(labelKey(label)));
    const position = candidates.find(inOwnSection) ?? candidates[0];
    if (!position) {
      if (verbose) notes.push(`${dev.file}: MISSING "${label.start}"`);
      continue;
    }
    found++;
    if (inOwnSection(position)) placed++;
    else if (verbose) notes.push(`${dev.file}: "${label.start.slice(0, 40)}" not in its labelled section`);
    const gotRefs = [...new Set(position.refs.map((r) => `${r.kind} ${r.number}`.toLowerCase()))];
    refs.got += gotRefs.length;
    refs.ok += gotRefs.filter((r) => goldRefs.includes(r)).length;
    if (verbose) {
      for (const r of gotRefs) if (!goldRefs.includes(r)) notes.push(`${dev.file}: extra ref ${r}`);
      for (const r of goldRefs) if (!gotRefs.includes(r)) notes.push(`${dev.file}: missed ref ${r}`);
    }
  }
  totals.pos += mine.length;
  totals.found += found;
  totals.placed += placed;
  refTotals.gold += refs.gold;
  refTotals.got += refs.got;
  refTotals.ok += refs.ok;
  rows.push([
    dev.file.slice(0, 44),
    read ? 'yes' : 'NO',
    billOk ? 'yes' : 'NO',
    `${secOk}/${dev.sections.length}/${got.length}`,
    `${found}/${mine.length}`,
    `${refs.ok}/${refs.got}/${refs.gold}`,
    pct(refs.ok, refs.got),
    pct(refs.ok, refs.gold),
  ]);
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`;
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
for (const note of notes) console.log(`  ${note}`);
const precision = totals.secGot ? totals.secOk / totals.secGot : 0;
const recall = totals.secExp ? totals.secOk / totals.secExp : 0;
const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
console.log(
  `briefings dev: files=${totals.files} read=${totals.read} bill=${totals.bills}/${totals.files} ` +
    `sections_f1=${(100 * f1).toFixed(1)}% (ok ${totals.secOk}, expected ${totals.secExp}, got ${totals.secGot}) ` +
    `positions=${totals.found}/${totals.pos} in_own_section=${totals.placed} ` +
    `refs_p=${pct(refTotals.ok, refTotals.got)} refs_r=${pct(refTotals.ok, refTotals.gold)}`,
);

// The page shapes of test/unit/briefings/variants.ts, scored the same way (a page that fails to compile scores nothing).
const shapes = { pages: 0, read: 0, bills: 0, secExp: 0, secGot: 0, secOk: 0, pos: 0, found: 0 };
for (const variant of VARIANTS) {
  let result: ReturnType<typeof compileBriefing> | null = null;
  try {
    result = compileBriefing(variant.text, 'variant.txt', []);
  } catch {
    result = null;
  }
  const read = result !== null && result.errors.length === 0;
  shapes.pages++;
  shapes.pos += variant.positions.length;
  shapes.secExp += variant.sections.length;
  if (!read || !result) {
    notes.push(`variant "${variant.name}": not read (${result?.errors[0]?.message ?? 'threw'})`);
    continue;
  }
  shapes.read++;
  if (billKey(result.bill.title) === billKey(variant.bill)) shapes.bills++;
  else notes.push(`variant "${variant.name}": bill "${result.bill.title}"`);
  const wanted = new Set(variant.sections.map(([house, stage, dates]) => sectionKey({ house, stage, dates })));
  shapes.secGot += result.briefings.length;
  const ok = new Set(result.briefings.map(sectionKey).filter((key) => wanted.has(key))).size;
  shapes.secOk += ok;
  if (ok < wanted.size || result.briefings.length > wanted.size) {
    notes.push(`variant "${variant.name}": sections ${result.briefings.map(sectionKey).join(', ')}`);
  }
  const found = variant.positions.filter((start) => result.positions.some((p) => p.text.startsWith(start))).length;
  shapes.found += found;
  if (found < variant.positions.length)
    notes.push(`variant "${variant.name}": ${found}/${variant.positions.length} positions`);
}
const sp = shapes.secGot ? shapes.secOk / shapes.secGot : 0;
const sr = shapes.secExp ? shapes.secOk / shapes.secExp : 0;
for (const note of notes.splice(0)) if (note.startsWith('variant')) console.log(`  ${note}`);
console.log(
  `briefings shapes: pages=${shapes.pages} read=${shapes.read} bill=${shapes.bills}/${shapes.pages} ` +
    `sections_f1=${(100 * (sp + sr ? (2 * sp * sr) / (sp + sr) : 0)).toFixed(1)}% positions=${shapes.found}/${shapes.pos}`,
);
