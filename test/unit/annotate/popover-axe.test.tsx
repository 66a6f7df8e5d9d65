// @vitest-environment happy-dom
/** axe-core over the popover as rendered (colour contrast needs a real layout: the e2e axe run covers pages). */
import axe from 'axe-core';
import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { createPopoverHost, HOST_TAG } from '../../../src/annotate/popover/host';
import { Popover } from '../../../src/annotate/popover/Popover';
import type { Applicability, MatchedPosition, Stance } from '../../../src/model';
import { makeBriefing, makeMatch, makePosition, makeRef } from '../../factories';

const TEXT = 'We welcome the bill. We support clause 7, which gives councils a clear role. Funding must follow.';

function match(id: string, stance: Stance, applies: Applicability): MatchedPosition {
  const briefing = makeBriefing({ billId: 'b', source: 's.txt' });
  const ref = makeRef(TEXT, 'clause', '7', stance, { evidence: { start: 21, end: 76 } });
  const position = makePosition(briefing, 0, { id, text: TEXT, subheading: 'Councils', line: 1, refs: [ref], stance });
  return { ...makeMatch(position, briefing, applies), reason: '' };
}

afterEach(() => {
  document.body.replaceChildren();
  document.querySelector(HOST_TAG)?.remove();
});

async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

it('the popover with several positions has no axe violations', async () => {
  const el = document.createElement('main');
  document.body.append(el);
  render(
    <Popover
      reference={{ kind: 'clause', number: '7' }}
      positions={[match('a', 'support', 'applies'), match('b', 'oppose', 'other-print')]}
      onReadBriefing={() => {}}
      onClose={() => {}}
    />,
    el,
  );
  const dialog = el.querySelector('[role="dialog"]')!;
  expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
  expect(await violations(el)).toEqual([]);
});

it('axe sees the dialog inside the shadow root and finds nothing to fix', async () => {
  const host = createPopoverHost(document, 'dark');
  host.show({
    reference: { kind: 'clause', number: '7' },
    positions: [match('a', 'mixed', 'applies')],
    anchor: { top: 10, bottom: 30, left: 10, right: 80 },
    focus: true,
    onReadBriefing: () => {},
    onClose: () => {},
  });
  const result = await axe.run(document, {
    resultTypes: ['violations'],
    rules: {
      'color-contrast': { enabled: false },
      region: { enabled: false },
      'html-has-lang': { enabled: false },
      'document-title': { enabled: false },
      'landmark-one-main': { enabled: false },
      'page-has-heading-one': { enabled: false },
    },
  });
  expect(result.violations.map((v) => v.id)).toEqual([]);
  expect(result.passes.some((p) => p.id === 'aria-dialog-name')).toBe(true);
  host.destroy();
});
