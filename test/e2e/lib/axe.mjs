/** axe-core in a real page: injected from node_modules (never fetched), run, and its violations summarised. */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Violations of impact `serious` or `critical` (WCAG 2.1 A/AA and best practice) in the tab's document. */
export async function seriousViolations(tab) {
  await tab.bringToFront(); // axe yields with timers, which background tabs throttle (Firefox: to 1 s)
  // Injected once per document (half a megabyte of source), then reused.
  if ((await tab.evaluateExpression('typeof axe')) === 'undefined') await tab.evaluateExpression(`${AXE_SOURCE};'axe'`);
  const json = await tab.evaluateExpression(`(async () => {
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  });
  return JSON.stringify(result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  })));
})()`);
  const violations = JSON.parse(json);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
