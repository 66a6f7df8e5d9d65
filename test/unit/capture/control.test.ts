// @vitest-environment happy-dom
/** The control on an LGA briefing page (src/capture/control.ts): what each state says; a scripted click does nothing. */
import { describe, expect, it } from 'vitest';
import { type ControlState, createControl } from '../../../src/capture/control';

function make() {
  document.body.innerHTML = '<main><h1>A page</h1></main>';
  let clicks = 0;
  const control = createControl({ doc: document, onAdd: () => clicks++, shortDate: (iso) => `day of ${iso}` });
  const root = control.host.shadowRoot!;
  const read = () => {
    const status = root.querySelector('[role="status"]') as HTMLElement;
    const button = root.querySelector('button') as HTMLButtonElement;
    return { status: status.hidden ? null : status.textContent, button: button.hidden ? null : button.textContent };
  };
  return { control, root, read, clicks: () => clicks };
}

describe('the capture control', () => {
  const cases: Array<{ state: ControlState; want: { status: string | null; button: string | null } }> = [
    { state: { state: 'new' }, want: { status: null, button: 'Add to LGA positions' } },
    {
      state: { state: 'added', source: 's', addedAt: 'A', updatedAt: 'U' },
      want: { status: 'Added · updated day of U', button: null },
    },
    {
      state: { state: 'changed', source: 's', addedAt: 'A', updatedAt: 'U' },
      want: { status: 'Added day of U · the page has changed since', button: 'Update' },
    },
    { state: { state: 'opening' }, want: { status: 'Opening the preview…', button: null } },
    { state: { state: 'error', message: 'No answer' }, want: { status: 'No answer', button: 'Try again' } },
  ];
  it.each(cases)('$state.state', ({ state, want }) => {
    const { control, read } = make();
    control.show(state);
    expect(read()).toEqual(want);
    expect(control.host.dataset.state).toBe(state.state);
  });

  it('lives in a shadow root at the end of the page, and leaves the page’s own text alone', () => {
    const { control } = make();
    expect(document.body.lastElementChild).toBe(control.host);
    expect(document.querySelector('main')!.textContent).toBe('A page');
    control.remove();
    expect(document.querySelector('lga-positions-capture')).toBeNull();
  });

  it('ignores a click a page script makes', () => {
    const { control, root, clicks } = make();
    control.show({ state: 'new' });
    (root.querySelector('button') as HTMLButtonElement).click();
    root.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(clicks()).toBe(0);
  });
});
