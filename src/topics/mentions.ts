/**
 * Mentions of the Local Government Association in a passage: its name, `the LGA`, `LGA’s` and possessives, and
 * `an LGA vice-president`. Not other bodies or senses: the Welsh and Northern Ireland associations (WLGA, NILGA),
 * `LGAs` (local government areas elsewhere), `the LGA of …` (an area), `LGA 1972` (an Act), `Local Government Act`.
 * `Local Government Association (LGA)` is one mention.
 */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

const NAME =
  /(?<!(?:Welsh|Wales|Scottish|Ireland|Irish|Northern) )\bLocal Government Association(?:['’]s)?(?! of\b)(?:\s*\(LGA\))?/g;
/** `LGA` in capitals, as the association: after an article or as a possessive; not a plural, an area or an Act. */
const ABBREVIATION = /(?:\b(?:[Tt]he|[Aa]n)\s+LGA\b(?:['’]s)?|\bLGA['’]s)(?!\s+(?:of|area|areas|\d{4})\b)/g;

export function lgaMentions(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  // Every mention holds one of these: most paragraphs of a page are passed over without running the patterns.
  if (!text.includes('LGA') && !text.includes('Local Government Association')) return spans;
  for (const m of text.matchAll(NAME)) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  for (const m of text.matchAll(ABBREVIATION)) {
    // The span is the abbreviation itself (and its possessive), not the article before it.
    const at = m.index + m[0].indexOf('LGA');
    const end = m.index + m[0].length;
    if (spans.some((s) => at < s.end && end > s.start)) continue;
    spans.push({ start: at, end, text: text.slice(at, end) });
  }
  return spans.sort((a, b) => a.start - b.start);
}
