/**
 * Store and background benchmark: `npx tsx bench/store.ts`.
 *
 * A generated dataset of 10,000 positions (40 bills x 10 briefings x 25 positions, each on 1-3 references) is seeded
 * into IndexedDB, then a page's batched lookup of 150 references goes through the background service's `lookup`
 * (validation, bill resolution, index reads, stage-aware matching), median over runs.
 *
 * IndexedDB here is fake-indexeddb in Node: the only IndexedDB on this machine outside a browser. It is an in-memory
 * JavaScript implementation, so its figures are a rough guide, not a browser's (the e2e suite measures in Chromium).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createBackgroundService } from '../src/background/service';
import type { BillRecord, Briefing, Dataset, House, Position, ReferenceKind, Stage, Stance } from '../src/model';
import { openStore } from '../src/store';
import { BENCH_EXTENSION, BENCH_SENDER } from './sender';

const BILLS = 40;
const BRIEFINGS_PER_BILL = 10;
const POSITIONS_PER_BRIEFING = 25;
const LOOKUP_REFERENCES = 150;
const RUNS = 30;

const STAGE_PLAN: Array<[House, Stage]> = [
  ['commons', 'second-reading'],
  ['commons', 'committee'],
  ['commons', 'remaining-stages'],
  ['lords', 'second-reading'],
  ['lords', 'committee'],
  ['lords', 'report'],
  ['lords', 'third-reading'],
  ['commons', 'consideration-of-amendments'],
  ['lords', 'consideration-of-amendments'],
  ['commons', 'other'],
];
const STANCES: Stance[] = ['support', 'mixed', 'concern', 'oppose', 'neutral'];
export const KINDS: ReferenceKind[] = ['clause', 'clause', 'clause', 'amendment', 'new-clause', 'schedule'];
const COMMON_WORDS =
  'councils funding care leavers corporate parenting safeguarding partners schools academies duty burdens local government housing planning devolution'.split(
    ' ',
  );
/** A few thousand made-up words, so terms are spread over documents as in prose, not in every one. */
const SYLLABLES = ['ca', 're', 'lo', 'vi', 'mon', 'tel', 'gra', 'sun', 'der', 'pol', 'ix', 'quo', 'ben', 'st', 'ar'];
const RARE_WORDS = Array.from({ length: 3000 }, (_, i) => {
  let word = '';
  for (let n = i + 20; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word;
});

/** Deterministic, so runs compare. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

export function generateDataset(version: string): Dataset {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const bills: BillRecord[] = [];
  const briefings: Briefing[] = [];
  const positions: Position[] = [];
  for (let b = 0; b < BILLS; b++) {
    const id = `bench-bill-${b}`;
    bills.push({
      id,
      title: `Bench Bill ${b}`,
      aliases: [`Bench Bill ${b} [HL]`],
      parliamentId: 5000 + b,
      originatingHouse: 'commons',
      actTitle: null,
      session: '2025-26',
    });
    for (let s = 0; s < BRIEFINGS_PER_BILL; s++) {
      const [house, stage] = STAGE_PLAN[s] as [House, Stage];
      const briefing: Briefing = {
        id: `${id}/bench/${s}`,
        billId: id,
        source: `${id}.txt`,
        heading: `${stage}, House of ${house}`,
        house,
        stage,
        stageDetail: null,
        dates: [`2025-${String(1 + s).padStart(2, '0')}-10`],
        order: s,
        line: s * 40,
        userAdded: false,
      };
      briefings.push(briefing);
      for (let p = 0; p < POSITIONS_PER_BRIEFING; p++) {
        // Mostly rare words (Zipf-like: low indexes more often), a few common policy words.
        const text = Array.from({ length: 40 }, () =>
          next() < 0.15 ? pick(COMMON_WORDS) : (RARE_WORDS[Math.floor(RARE_WORDS.length * next() ** 2)] as string),
        ).join(' ');
        const refs = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
          kind: pick(KINDS),
          number: String(1 + Math.floor(next() * 60)),
          stance: pick(STANCES),
          cue: null,
          decidedBy: [],
          evidence: { start: 0, end: text.length },
          mention: { start: 0, end: 5 },
        }));
        positions.push({
          id: `${briefing.id}/${p}`,
          billId: id,
          briefingId: briefing.id,
          text,
          part: 'key-messages',
          subheading: null,
          line: briefing.line + p + 2,
          refs,
          stance: pick(STANCES),
          cue: null,
          decidedBy: [],
          caveat: null,
        });
      }
    }
  }
  return { version, builtAt: new Date(0).toISOString(), bills, briefings, positions };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dataset = generateDataset('bench-1');
  console.log(
    `dataset: ${dataset.bills.length} bills, ${dataset.briefings.length} briefings, ${dataset.positions.length} positions`,
  );
  console.log('IndexedDB: fake-indexeddb in Node (in-memory JS implementation; not a browser figure)');

  const seedTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const store = await openStore(new IDBFactory());
    const start = performance.now();
    await store.seed(dataset);
    seedTimes.push(performance.now() - start);
  }
  console.log(
    `seed 10,000 positions (fresh DB, one transaction): median ${ms(median(seedTimes))} of ${seedTimes.length}`,
  );

  const factory = new IDBFactory();
  const svc = createBackgroundService({ indexedDB: factory, dataset: () => dataset, extension: BENCH_EXTENSION });
  await svc.ready;
  const skipStart = performance.now();
  await svc.ensureSeeded();
  console.log(`startup check with unchanged version (skip): ${ms(performance.now() - skipStart)}`);

  const next = random(7);
  const references = Array.from({ length: LOOKUP_REFERENCES }, () => ({
    kind: KINDS[Math.floor(next() * KINDS.length)] as ReferenceKind,
    number: String(1 + Math.floor(next() * 60)),
  }));
  const page = {
    bill: 'Bench Bill 17',
    billId: null,
    house: 'lords' as const,
    stage: 'report' as const,
    stageLabel: null,
    date: '2025-06-10',
  };
  // Cold: a service just started (as when the service worker wakes for a page), so the bill is read from IndexedDB.
  const coldTimes: number[] = [];
  for (let run = 0; run < 10; run++) {
    const cold = createBackgroundService({ indexedDB: factory, dataset: () => dataset, extension: BENCH_EXTENSION });
    await cold.ready;
    const start = performance.now();
    await cold.handle({ type: 'lookup', page, references }, BENCH_SENDER);
    coldTimes.push(performance.now() - start);
  }
  console.log(
    `lookup of ${LOOKUP_REFERENCES} references, cold (fresh service, bill read from IndexedDB): median ${ms(median(coldTimes))} over ${coldTimes.length} runs`,
  );
  const lookupTimes: number[] = [];
  let matched = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const reply = await svc.handle({ type: 'lookup', page, references }, BENCH_SENDER);
    lookupTimes.push(performance.now() - start);
    if (!reply.ok) throw new Error(reply.error);
    const data = reply.data as { matches: Array<{ positions: unknown[] }> };
    matched = data.matches.reduce((sum, m) => sum + m.positions.length, 0);
  }
  console.log(
    `lookup of ${LOOKUP_REFERENCES} references, warm (the page's next sections and scans; incl. validation and matching): median ${ms(median(lookupTimes))} over ${RUNS} runs (first ${ms(lookupTimes[0] ?? NaN)}), ${matched} matched positions`,
  );

  const buildStart = performance.now();
  await svc.prepareSearch();
  console.log(`search index build + save (10,000 positions): ${ms(performance.now() - buildStart)}`);
  const reloaded = createBackgroundService({ indexedDB: factory, dataset: () => dataset, extension: BENCH_EXTENSION });
  const loadStart = performance.now();
  await reloaded.prepareSearch();
  console.log(`search index load from IndexedDB after restart: ${ms(performance.now() - loadStart)}`);
  const searchTimes: number[] = [];
  for (const query of ['corporate parenting', 'clause 7', 'corparate', 'oppose report', RARE_WORDS[40] as string]) {
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      await reloaded.handle({ type: 'search', query }, BENCH_SENDER);
      searchTimes.push(performance.now() - start);
    }
  }
  console.log(`search (5 queries x 5 runs, 20 hits): median ${ms(median(searchTimes))}`);
  console.log(
    `bench: store seed=${median(seedTimes).toFixed(0)}ms lookup150cold=${median(coldTimes).toFixed(1)}ms lookup150warm=${median(lookupTimes).toFixed(2)}ms search=${median(searchTimes).toFixed(1)}ms`,
  );
}

// Run when executed (`npx tsx bench/store.ts`), not when imported for its generator.
if (import.meta.url === new URL(process.argv[1] ?? '', 'file://').href) await main();
