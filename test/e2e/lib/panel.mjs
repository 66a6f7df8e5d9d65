/**
 * The side panel as specs drive it (opened as a tab next to the page: the panel follows the active tab). The
 * functions below `openPanel` run in the panel page (`panel.evaluate(fn, arg)`): keep them self-contained.
 */

/** The side panel page, at a panel's size. */
export async function openPanel(b, size = { width: 400, height: 900 }) {
  const panel = await b.extensionPage('sidepanel.html');
  await panel.setViewport(size.width, size.height);
  return panel;
}

/** Shows one of the panel's tabs (`page`, `bill`, `search`); true once it is the selected, visible one. */
export function showPanelTab(id) {
  const tab = document.getElementById(`tab-${id}`);
  if (!tab) return null;
  tab.click();
  const panel = document.getElementById(`panel-${id}`);
  return tab.getAttribute('aria-selected') === 'true' && panel && !panel.hidden;
}

/** True once the Bill view's picker offers the bill (`panel.waitFor(billOffered, id)`). */
export function billOffered(billId) {
  return [...(document.getElementById('bill-select')?.options ?? [])].some((o) => o.value === billId) || null;
}

/** Chooses a bill in the Bill view's picker; false while the picker does not offer it. */
export function selectBill(billId) {
  const select = document.getElementById('bill-select');
  if (!select || ![...select.options].some((o) => o.value === billId)) return false;
  select.value = billId;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
