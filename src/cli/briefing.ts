/**
 * `briefing <file>`: compile one LGA briefing text and print its bill, sections and positions (architecture.md).
 * Errors go to stderr (the dispatcher prints a thrown error) with exit code 1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundledBills } from '../bills/registry';
import { compileBriefing } from '../briefings/compile';

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
          })),
          stance: position.stance,
          cue: position.cue,
          part: position.part,
          line: position.line,
          subheading: position.subheading,
        })),
    })),
    warnings: result.warnings.map((w) => `${file}:${w.line}: ${w.message}`),
  };
}
