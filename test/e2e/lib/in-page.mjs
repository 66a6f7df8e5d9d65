/**
 * Functions that run inside a page (passed to `tab.evaluate`/`tab.waitFor`): each must be self-contained, since
 * the drivers send its source text, not a closure.
 */

/** The content script's state attributes on `<html>` once its scan is drawn, else null. */
export function readyState() {
  const d = document.documentElement.dataset;
  if (d.lgaPositions !== 'ready') return null;
  return {
    references: Number(d.lgaReferences),
    applies: Number(d.lgaApplies),
    detected: Number(d.lgaDetected),
    mode: d.lgaMode ?? null,
  };
}

/**
 * The box of the `nth` occurrence of `text` inside the elements matching `selector` (viewport coordinates), after
 * scrolling it to the middle of the screen. The text must sit in one text node (true of the fixtures' references).
 */
export function textBox({ selector, text, nth = 0 }) {
  let seen = 0;
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let at = node.data.indexOf(text);
      while (at !== -1) {
        if (seen++ === nth) {
          node.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }
        at = node.data.indexOf(text, at + 1);
      }
    }
  }
  return null;
}

/** What the popover shows, read from its open shadow root; null when no dialog is open. */
export function popoverState() {
  const host = document.querySelector('lga-positions-root');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const style = getComputedStyle(dialog);
  if (style.display === 'none' || style.visibility === 'hidden') return null;
  const labelledBy = dialog.getAttribute('aria-labelledby');
  const name =
    dialog.getAttribute('aria-label') ??
    (labelledBy ? host.shadowRoot.getElementById(labelledBy)?.textContent?.trim() : null) ??
    null;
  // A briefing's stage, date and numbering warning are shown once, on its first position: each position reads them
  // from the head of its group.
  let head = { source: null, warning: null };
  const positions = [...dialog.querySelectorAll('[data-testid="lga-position"]')].map((p) => {
    const groupHead = p.querySelector('.lga-briefing-head');
    if (groupHead) {
      head = {
        source: groupHead.querySelector('.lga-source')?.textContent?.trim() ?? null,
        warning: groupHead.querySelector('[data-testid="lga-other-print"]')?.textContent?.trim() ?? null,
      };
    }
    return {
      applies: p.dataset.applies,
      text: p.textContent.replace(/\s+/g, ' ').trim(),
      source: head.source,
      warning: head.warning,
    };
  });
  const rectOf = (el) => {
    const r = el?.getBoundingClientRect();
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height, top: r.top, bottom: r.bottom } : null;
  };
  const body = dialog.querySelector('[data-testid="lga-popover-body"]');
  const box = dialog.getBoundingClientRect();
  const active = host.shadowRoot.activeElement;
  const schemeRoot = host.shadowRoot.querySelector('.lga-root');
  return {
    name,
    scheme: schemeRoot?.classList.contains('lga-dark')
      ? 'dark'
      : schemeRoot?.classList.contains('lga-light')
        ? 'light'
        : null,
    background: getComputedStyle(dialog).backgroundColor,
    announced: host.shadowRoot.querySelector('[aria-live]')?.textContent?.trim() ?? null,
    text: dialog.textContent.replace(/\s+/g, ' ').trim(),
    positions,
    box: { x: box.x, y: box.y, width: box.width, height: box.height },
    side: dialog.dataset.side ?? null,
    header: rectOf(dialog.querySelector('[data-testid="lga-popover-header"]')),
    body: body
      ? { ...rectOf(body), scrollTop: body.scrollTop, scrollHeight: body.scrollHeight, clientHeight: body.clientHeight }
      : null,
    more: dialog.querySelector('[data-testid="lga-more"]')?.textContent?.trim() ?? null,
    summary: [...dialog.querySelectorAll('[data-testid="lga-summary"] li')].map((li) => li.textContent.trim()),
    shortcuts: dialog.querySelector('[data-testid="lga-shortcuts"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
    focusInside: !!active && dialog.contains(active),
  };
}

/** True when the popover is absent or closed. */
export function popoverClosed() {
  const host = document.querySelector('lga-positions-root');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return true;
  const style = getComputedStyle(dialog);
  return style.display === 'none' || style.visibility === 'hidden';
}

/**
 * Every text node's data under <body> in document order (scripts and styles included, <noscript> skipped: a live
 * page with scripting parses it as raw text, DOMParser as elements). With `html`, the same list for that markup
 * parsed by DOMParser, so a test can compare the live page with the page as served.
 */
export function textNodeDigest(html) {
  // Our own topic-marker hosts (empty inline elements, first in a marked paragraph) are counted apart from the page's.
  const OURS = 'lga-topic-marker';
  const collect = (body) => {
    const out = [];
    let ours = 0;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) => {
        if (n.nodeType !== 1) return NodeFilter.FILTER_ACCEPT;
        if (n.localName === OURS) {
          ours++;
          // Skipped, not rejected: any text inside it would still show as a difference.
          return NodeFilter.FILTER_SKIP;
        }
        return n.localName === 'noscript' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    let elements = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) out.push(n.data);
      else elements++;
    }
    return { texts: out, elements, ours };
  };
  const live = collect(document.body);
  const served = html ? collect(new DOMParser().parseFromString(html, 'text/html').body) : null;
  let firstDifference = null;
  if (served) {
    const n = Math.max(live.texts.length, served.texts.length);
    for (let i = 0; i < n; i++) {
      if (live.texts[i] !== served.texts[i]) {
        firstDifference = { index: i, live: live.texts[i]?.slice(0, 120), served: served.texts[i]?.slice(0, 120) };
        break;
      }
    }
  }
  return {
    textNodes: live.texts.length,
    elements: live.elements,
    characters: live.texts.reduce((sum, t) => sum + t.length, 0),
    servedTextNodes: served?.texts.length ?? null,
    servedElements: served?.elements ?? null,
    /** Our topic-marker hosts in <body> (none served). */
    ourHosts: live.ours,
    firstDifference,
  };
}

/** What the extension added to the page: its shadow host (and whether it holds anything) and wrappers. */
export function extensionFootprint() {
  const host = document.querySelector('lga-positions-root');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  return {
    host: !!host,
    dialog: !!dialog,
    wrappers: document.querySelectorAll('lga-ref').length,
    highlights:
      typeof CSS !== 'undefined' && CSS.highlights
        ? [...CSS.highlights.keys()].filter((k) => k.startsWith('lga-'))
        : [],
    dataset: Object.fromEntries(Object.entries(document.documentElement.dataset).filter(([k]) => k.startsWith('lga'))),
  };
}

/** The box of an element inside the popover's shadow root (viewport coordinates), or null. */
export function popoverElementBox(selector) {
  const el = document.querySelector('lga-positions-root')?.shadowRoot?.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return r.width && r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
}

/** Where the page's own content sits: to tell that opening the popover shifted nothing. */
export function layoutProbe() {
  const paras = [...document.querySelectorAll('.contribution .content p.hs_Para')].slice(0, 3);
  return {
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    boxes: paras.map((p) => {
      const r = p.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y + window.scrollY), Math.round(r.width), Math.round(r.height)];
    }),
  };
}
