/**
 * `briefing <file>`: compile one LGA briefing text and print its bill, sections and positions (architecture.md).
 * Errors go to stderr (the dispatcher prints a thrown error) with exit code 1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundledBills } from '../bills/registry';
import { compileBriefing } from '../briefings/compile';
import type { Span } from '../model';

export const usage = '<file.txt>   compile one LGA briefing text to JSON';

export async function run(args: string[]): Promise<unknown> {
  const file = args[0];
  if (!file) throw new Error(`usage: briefing ${usage}`);
  const text = readFileSync(file, 'utf8');
  const result = compileBriefing(text, path.basename(file), bundledBills());
  if (result.errors.length > 0) {
    throw new Error(result.errors.map((e) => `${file}:${e.line}: ${e.message}`).join('\n'));
  }
  return {
    bill: { id: result.bill.id, title: result.bill.title },
    sections: result.briefings.map((briefing) => ({
      heading: briefing.heading,
      house: briefing.house,
      stage: briefing.stage,
      stageDetail: briefing.stageDetail,
      dates: briefing.dates,
      line: briefing.line,
      positions: result.positions
        .filter((position) => position.briefingId === briefing.id)
        .map((position) => ({
          text: position.text,
          refs: position.refs.map((ref) => ({
            kind: ref.kind,
            number: ref.number,
            stance: ref.stance,
            cue: ref.cue,
            evidence: position.text.slice(ref.evidence.start, ref.evidence.end),
            decidedBy: ref.decidedBy.map((span) => spanText(position.text, span)),
          })),
          stance: position.stance,
          cue: position.cue,
          decidedBy: position.decidedBy.map((span) => spanText(position.text, span)),
          caveat: position.caveat ? spanText(position.text, position.caveat) : null,
          part: position.part,
          line: position.line,
          subheading: position.subheading,
        })),
    })),
    warnings: result.warnings.map((w) => `${file}:${w.line}: ${w.message}`),
  };
}

/** A span of a position's text with its words, so the JSON reads without counting characters. */
function spanText(text: string, span: Span): { start: number; end: number; text: string } {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}
