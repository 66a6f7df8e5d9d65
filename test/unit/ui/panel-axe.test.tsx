// @vitest-environment happy-dom
/**
 * axe-core over the panel's and options' views, rendered with data. happy-dom has no layout, so rules that need
 * rendering (colour contrast, target size, scrollable regions) are off here; the e2e tests run axe in real Chromium.
 */
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/settings';
import { AddBriefing } from '../../../src/ui/options/AddBriefing';
import { compileForPreview } from '../../../src/ui/options/preview';
import { SettingsForm } from '../../../src/ui/options/SettingsForm';
import { Tabs } from '../../../src/ui/panel/App';
import { BillView } from '../../../src/ui/panel/BillView';
import { PageView } from '../../../src/ui/panel/PageView';
import { SearchView } from '../../../src/ui/panel/SearchView';
import { addBriefingProps, CSW_BILL, cswBriefings, mount, NO_PAGING, unmountAll } from './panel-helpers';

afterEach(unmountAll);

const LAYOUT_RULES = [
  'color-contrast',
  'target-size',
  'scrollable-region-focusable',
  'region',
  'landmark-one-main',
  'page-has-heading-one',
];

async function violations(root: HTMLElement): Promise<string[]> {
  const result = await axe.run(root, {
    rules: Object.fromEntries(LAYOUT_RULES.map((id) => [id, { enabled: false }])),
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe, no layout)', () => {
  it.each([
    [
      'tabs with their panels',
      () => (
        <>
          <Tabs current="bill" onChange={() => undefined} />
          {['page', 'bill', 'search'].map((id) => (
            <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={id !== 'bill'}>
              {id}
            </div>
          ))}
        </>
      ),
    ],
    [
      'bill view',
      () => (
        <BillView
          bills={[CSW_BILL]}
          selectedBillId={CSW_BILL.id}
          onSelectBill={() => undefined}
          state={{ kind: 'ready', data: cswBriefings() }}
          paging={NO_PAGING}
          page={null}
          target={null}
        />
      ),
    ],
    [
      'page view, not a parliament page',
      () => (
        <PageView
          state={{ kind: 'not-parliament', url: null }}
          positions={new Map()}
          onFocusReference={() => undefined}
          onStep={() => undefined}
        />
      ),
    ],
    [
      'search',
      () => <SearchView query="clause" onQuery={() => undefined} state={{ kind: 'idle' }} onOpen={() => undefined} />,
    ],
    ['settings', () => <SettingsForm settings={DEFAULT_SETTINGS} onChange={() => undefined} />],
    [
      'broken briefing preview',
      () => (
        <AddBriefing {...addBriefingProps({ text: 'x', preview: compileForPreview('not a briefing', 'x.txt', []) })} />
      ),
    ],
  ])('%s has no serious or critical violations', async (_name, view) => {
    const root = mount(view());
    expect(await violations(root)).toEqual([]);
  });
});
