/**
 * The pattern table's own examples: each pattern claims its examples (exactly the refs listed), and no other
 * pattern claims any of the same number tokens (the github-url-detection cross matrix). Run alone (`only`), so a
 * pattern that would also fire inside another's keyword (`clause` inside `new clause 10`) fails here.
 */
import { describe, expect, it } from 'vitest';
import { explain, PATTERNS, type Phrase } from '../../../src/references';
import { PATTERN_EXAMPLES } from '../../../src/references/pattern-examples';

const allOptions = { sectionsAreClauses: true } as const;

function claimed(phrases: Phrase[]): string[] {
  return phrases.filter((p) => p.excludedBy === null).flatMap((p) => p.refs.map((r) => `${r.kind} ${r.number}`));
}

/** Offsets of every number token a run claimed. */
function numberOffsets(phrases: Phrase[]): Set<number> {
  const offsets = new Set<number>();
  for (const phrase of phrases) {
    if (phrase.excludedBy !== null) continue;
    for (const ref of phrase.refs) for (let i = ref.numberStart!; i < ref.numberEnd!; i++) offsets.add(i);
  }
  return offsets;
}

const examples = PATTERNS.flatMap((pattern) => PATTERN_EXAMPLES[pattern.name].map((example) => ({ pattern, example })));

describe('pattern table', () => {
  it('has unique names and at least one example per pattern', () => {
    expect(new Set(PATTERNS.map((p) => p.name)).size).toBe(PATTERNS.length);
    for (const pattern of PATTERNS) expect(PATTERN_EXAMPLES[pattern.name].length, pattern.name).toBeGreaterThan(0);
  });

  it.each(examples.map(({ pattern, example }) => [pattern.name, example.text, example.refs] as const))(
    '%s claims its example %j',
    (name, text, refs) => {
      const phrases = explain(text, { ...allOptions, only: [name] });
      expect(claimed(phrases)).toEqual(refs);
      expect(phrases.every((p) => p.pattern === name)).toBe(true);
    },
  );

  it.each(examples.map(({ pattern, example }) => [pattern.name, example.text] as const))(
    'no other pattern claims the numbers of %s example %j',
    (owner, text) => {
      const owned = numberOffsets(explain(text, { ...allOptions, only: [owner] }));
      expect(owned.size).toBeGreaterThan(0);
      for (const other of PATTERNS) {
        if (other.name === owner) continue;
        const theirs = numberOffsets(explain(text, { ...allOptions, only: [other.name] }));
        const overlap = [...theirs].filter((offset) => owned.has(offset));
        expect(overlap, `${other.name} also claims numbers in ${JSON.stringify(text)}`).toEqual([]);
      }
    },
  );

  it('every pattern together gives the same as each alone on its own examples (no pattern shadows another)', () => {
    for (const { pattern, example } of examples) {
      const together = explain(example.text, allOptions).filter((p) => p.pattern === pattern.name);
      expect(claimed(together), `${pattern.name}: ${example.text}`).toEqual(example.refs);
    }
  });

  it('the section pattern is off unless the option is set', () => {
    expect(explain('section 18 allows').map((p) => p.pattern)).toEqual([]);
    expect(explain('section 18 allows', allOptions).map((p) => p.pattern)).toEqual(['section-as-clause']);
  });

  it('explain says why a phrase was dropped', () => {
    expect(explain('part 2 and schedule 2 to the 2006 Act').map((p) => [p.pattern, p.excludedBy])).toEqual([
      ['part', 'act-provision'],
      ['schedule', 'act-provision'],
    ]);
    expect(explain('part one of my argument').map((p) => [p.pattern, p.excludedBy])).toEqual([
      ['part', 'unconfirmed-word-numeral'],
    ]);
  });
});
