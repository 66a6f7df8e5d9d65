/** The big briefing of bench/big-briefing.mjs (issue 10, finding 4), shared with bench/big-briefing-profile.mjs. */
export const BULLETS = 21_001;

/** A Second Reading briefing of the CWSB (the page's print) whose every bullet names clause 7. */
export function bigBriefing() {
  const head =
    'LGA briefing: Children’s Wellbeing and Schools Bill\n\nSecond Reading, House of Commons, 8 January 2025\n\nKey messages\n\n';
  const lines = [];
  for (let i = 0; i < BULLETS; i++) lines.push(`  • We support clause 7 (${i + 1}).`);
  return `${head}${lines.join('\n')}\n`;
}
