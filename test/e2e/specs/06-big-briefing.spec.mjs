/**
 * A briefing with far more positions on one provision than a card can show (issue 10, finding 4), in the real
 * browsers: what the background sends the page for that provision is bounded (at most `positionsPerReference`
 * positions, at most `positionsPerBriefing` of one briefing, the rest counted), and the card renders no more than it was
 * sent and says how many more are in the side panel. Timings are in bench/big-briefing.mjs, not here.
 */
// The limits themselves, not copies (Node strips the types of this dependency-free module).
import { LIMITS } from '../../../src/limits.ts';
import { CWSB_COMMITTEE_CONTEXT } from '../lib/fixtures.mjs';
import { popoverState, readyState } from '../lib/in-page.mjs';

const BULLETS = 500;
const SOURCE = 'e2e-many-on-clause-7.txt';
const BRIEFING = `LGA briefing: Children’s Wellbeing and Schools Bill

Second Reading, House of Commons, 8 January 2025

Key messages

${Array.from({ length: BULLETS }, (_, i) => `  • We support clause 7 (${i + 1}).`).join('\n')}
`;
const PAGE = CWSB_COMMITTEE_CONTEXT;

export default [
  {
    name: `a provision named by ${BULLETS} positions of one briefing: a bounded lookup reply, a bounded card, the rest counted`,
    async run(b, assert) {
      const added = await b.message({ type: 'addBriefing', fileName: SOURCE, text: BRIEFING, replace: true });
      assert.ok(added, 'the briefing was added');
      try {
        const reply = await b.message({ type: 'lookup', page: PAGE, references: [{ kind: 'clause', number: '7' }] });
        const clause7 = reply.matches.find((m) => m.kind === 'clause' && m.number === '7');
        const ofIt = clause7.positions.filter((m) => m.briefing.source === SOURCE);
        assert.ok(
          clause7.positions.length <= LIMITS.positionsPerReference,
          `${clause7.positions.length} positions sent`,
        );
        assert.equal(ofIt.length, LIMITS.positionsPerBriefing, 'the big briefing sends its first few');
        assert.equal(clause7.more, BULLETS - LIMITS.positionsPerBriefing, 'and counts the rest');
        const bytes = JSON.stringify(reply).length;
        assert.ok(bytes < 16_000, `the reply for clause 7 is small (${bytes} characters)`);

        const tab = await b.open('cwsbCommittee');
        await tab.bringToFront();
        await tab.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to draw' });
        await tab.press('Alt+Shift+N');
        const popover = await tab.waitFor(popoverState, undefined, {
          timeout: 5_000,
          what: 'Alt+Shift+N to open the clause 7 card',
        });
        assert.equal(popover.name, 'LGA position: Clause 7');
        assert.equal(popover.positions.length, clause7.positions.length, 'the card renders what was sent, no more');
        assert.match(popover.text, new RegExp(`${BULLETS - LIMITS.positionsPerBriefing} more in the side panel\\.`));
        assert.deepEqual(await tab.extensionErrors(), []);
      } finally {
        await b.message({ type: 'removeBriefing', source: SOURCE });
      }
    },
  },
];
