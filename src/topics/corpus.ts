/**
 * Paragraphs of real debate text, for learning term frequencies at build time (scripts/build-topic-terms.ts).
 * Pure string work so the build needs no DOM: Hansard's contribution paragraphs are `<p class="hs_Para">` (and plain
 * `<p>` in some pages), their inline markup is only emphasis and links.
 */

/** In how many of `paragraphs` each term (stem or `stem stem`) occurs. */
export interface TermCounts {
  paragraphs: number;
  df: Record<string, number>;
}

/** What the build learns: term counts in real debate, and in real LGA briefings on other bills (how the LGA writes). */
export interface LearntTerms {
  sources: string[];
  hansard: TermCounts;
  briefings: TermCounts;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  pound: '£',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function paragraphsOfHansardHtml(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/gi)) {
    const text = decodeEntities((match[1] as string).replace(/<[^>]*>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim();
    if (text.split(' ').length >= 5) out.push(text);
  }
  return out;
}

/** A corpus LGA briefing page: a `SOURCE:` line, then the page text; its bullets and paragraphs by line. */
export function paragraphsOfBriefingText(file: string): string[] {
  return file
    .split('\n')
    .filter((line) => !line.startsWith('SOURCE:'))
    .map((line) =>
      line
        .replace(/^\s*[•·\-*]\s*/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p.split(' ').length >= 8);
}

/** A corpus debate excerpt: a provenance header ended by a `----` line, then the page text, paragraphs by blank lines. */
export function paragraphsOfDebateText(file: string): string[] {
  const body = file.includes('\n----\n') ? file.slice(file.indexOf('\n----\n') + 6) : file;
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.split(' ').length >= 5);
}
