/**
 * Topic links in real browsers (issue 14, "Must show"): on a debate page of each seed bill with no clause numbers in
 * it (real passages from ../shared/corpus/topic, composed at run time: test/fixtures/topics/compose-debate.mjs), a
 * marker sits beside each speech the labels link to an LGA position and beside no off-subject speech; it opens "The
 * LGA on this subject" by pointer and by keyboard, with a position the labels name; Escape closes it and gives focus
 * back; the side panel lists the subjects and the LGA mention with its speaker; switching topic links off in the
 * options removes the markers; axe finds nothing serious; no text node of the page changed.
 */

import { composeTopicDebate, labels, TOPIC_PAGES } from '../../fixtures/topics/compose-debate.mjs';
import { seriousViolations } from '../lib/axe.mjs';
import { readyState, textNodeDigest } from '../lib/in-page.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each marker with the speech (index among `p.hs_Para`) whose first line it sits beside; null until drawn. */
function topicMarkers(expected) {
  const host = document.querySelector('lga-topic-markers');
  const buttons = host?.shadowRoot ? [...host.shadowRoot.querySelectorAll('[data-testid="lga-topic-marker"]')] : [];
  if (buttons.length < expected) return null;
  const paras = [...document.querySelectorAll('.contribution p.hs_Para')];
  return buttons.map((button) => {
    const b = button.getBoundingClientRect();
    const beside = paras.findIndex((p) => {
      const r = p.getBoundingClientRect();
      return b.right <= r.left && r.left - b.right < 40 && Math.abs(b.top - r.top) < 12;
    });
    return {
      name: button.getAttribute('aria-label'),
      beside,
      box: { x: b.x, y: b.y, width: b.width, height: b.height },
    };
  });
}

/** The open topic popover (its name, positions' text, whether it has focus), or null. */
function topicPopover() {
  const root = document.querySelector('lga-topic-markers')?.shadowRoot;
  const dialog = root?.querySelector('[data-testid="lga-topic-popover"]');
  if (!dialog) return null;
  const title = root.getElementById(dialog.getAttribute('aria-labelledby'))?.textContent.trim() ?? null;
  return {
    name: title,
    role: dialog.getAttribute('role'),
    text: dialog.textContent.replace(/\s+/g, ' '),
    positions: [...dialog.querySelectorAll('[data-testid="lga-topic-position"]')].map((p) =>
      p.textContent.replace(/\s+/g, ' '),
    ),
    focused: root.activeElement === dialog || dialog.contains(root.activeElement),
  };
}

function focusedMarker() {
  const host = document.querySelector('lga-topic-markers');
  if (document.activeElement !== host) return null;
  return host.shadowRoot.activeElement?.getAttribute('aria-label') ?? null;
}

function mentionHighlight() {
  const h = globalThis.CSS?.highlights?.get('lga-topic-mention');
  return h ? [...h].map((r) => r.toString()) : null;
}

function scrollToMarker(nth) {
  const button = document
    .querySelector('lga-topic-markers')
    .shadowRoot.querySelectorAll('[data-testid="lga-topic-marker"]')[nth];
  button.scrollIntoView({ block: 'center', behavior: 'instant' });
  const b = button.getBoundingClientRect();
  return { x: b.x, y: b.y, width: b.width, height: b.height };
}

function showPanelTab(id) {
  const tab = document.getElementById(`tab-${id}`);
  if (!tab) return false;
  tab.click();
  return tab.getAttribute('aria-selected') === 'true';
}

function panelTopics() {
  const subjects = [...document.querySelectorAll('[data-testid="page-subject"]')].map((s) =>
    s.textContent.replace(/\s+/g, ' '),
  );
  const mentions = document.querySelector('[data-testid="page-mentions"]')?.textContent.trim() ?? null;
  return subjects.length && mentions ? { subjects, mentions } : null;
}

function setTopicLinks(on) {
  const box = document.querySelector('[data-testid="topic-links"]');
  if (!box) return false;
  if (box.checked !== on) box.click();
  return box.checked === on;
}

function noMarkers() {
  const root = document.querySelector('lga-topic-markers')?.shadowRoot;
  return !root || root.querySelectorAll('[data-testid="lga-topic-marker"]').length === 0;
}

/** The labelled positions' first words (`start`) of a passage's direct topics. */
function directStarts(id) {
  return (labels()[id]?.topics ?? []).filter((t) => t.strength === 'direct').map((t) => t.start.slice(0, 40));
}

const norm = (s) => s.replace(/[’']/g, "'").replace(/\s+/g, ' ');

function specFor(pageId) {
  const page = TOPIC_PAGES[pageId];
  return {
    name: `topics: ${page.title}, no clause numbers: markers beside the linked speeches, open by pointer and keyboard, panel, setting off`,
    async run(b, assert) {
      const { speeches } = composeTopicDebate(pageId);
      const linked = speeches.flatMap((s, i) => (page.linked.includes(s.id) ? [i] : []));
      const unlinked = speeches.flatMap((s, i) => (page.unlinked.includes(s.id) || s.id === null ? [i] : []));
      const tab = await b.open(pageId);
      await tab.bringToFront();
      await tab.waitFor(readyState, undefined, { timeout: 15_000, what: 'the content script to finish' });
      const markers = await tab.waitFor(topicMarkers, linked.length, { timeout: 15_000, what: 'the topic markers' });
      const beside = markers.map((m) => m.beside);
      for (const i of linked)
        assert.ok(beside.includes(i), `a marker beside speech ${i} (${speeches[i].id}): ${beside}`);
      for (const i of unlinked)
        assert.ok(!beside.includes(i), `no marker beside speech ${i} (${speeches[i].id ?? 'our own'}): ${beside}`);
      for (const m of markers) assert.match(m.name, /^The LGA on this subject: \d+ positions?/);

      // Pointer: resting on the first linked speech's marker opens its popover with a position the labels name.
      const first = markers.findIndex((m) => m.beside === linked[0]);
      await tab.mouseMove(5, 5);
      const box = await tab.evaluate(scrollToMarker, first);
      await tab.hoverRect(box);
      const opened = await tab.waitFor(topicPopover, undefined, { timeout: 5_000, what: 'the popover on hover' });
      assert.equal(opened.name, 'The LGA on this subject');
      assert.equal(opened.role, 'dialog');
      assert.match(opened.text, /Supports with reservations|Supports|Concerned|Opposes|No stance stated/);
      assert.match(opened.text, /LGA briefing: (Commons|Lords) /, "the briefing's house and stage");
      const wanted = directStarts(speeches[linked[0]].id);
      assert.ok(
        wanted.some((start) => opened.positions.some((p) => norm(p).includes(norm(start)))),
        `one of ${JSON.stringify(wanted)} in ${JSON.stringify(opened.positions.map((p) => p.slice(0, 80)))}`,
      );
      await tab.mouseMove(5, 5);
      await tab.waitFor(
        () => !document.querySelector('lga-topic-markers').shadowRoot.querySelector('[role=dialog]'),
        undefined,
        {
          what: 'the popover to close after leaving',
        },
      );

      // Keyboard: Tab reaches a marker (its focus shows the popover), Enter moves into it, Escape gives focus back.
      await tab.evaluate(() => {
        document.activeElement?.blur?.();
        window.scrollTo(0, 0);
      });
      let name = null;
      for (let i = 0; i < 30 && !name; i++) {
        await tab.press('Tab');
        name = await tab.evaluate(focusedMarker);
      }
      assert.ok(name, 'Tab reaches a topic marker');
      await tab.waitFor(topicPopover, undefined, { timeout: 5_000, what: 'the popover on focus' });
      await tab.press('Enter');
      const entered = await tab.waitFor(
        () => {
          const root = document.querySelector('lga-topic-markers').shadowRoot;
          const dialog = root.querySelector('[role=dialog]');
          return dialog && (root.activeElement === dialog || dialog.contains(root.activeElement)) ? true : null;
        },
        undefined,
        { what: 'focus in the popover after Enter' },
      );
      assert.ok(entered);
      await tab.press('Escape');
      await sleep(100);
      assert.equal(await tab.evaluate(topicPopover), null, 'Escape closes the popover');
      assert.equal(await tab.evaluate(focusedMarker), name, 'and gives focus back to the marker');

      // The LGA mention, highlighted; the Local Government Act is not one.
      const mentioned = await tab.evaluate(mentionHighlight);
      if (mentioned) assert.deepEqual(mentioned, ['Local Government Association']);

      assert.deepEqual(await seriousViolations(tab), [], 'axe: no serious or critical violation');
      const digest = await tab.evaluate(textNodeDigest, b.pageHtml(pageId));
      assert.equal(digest.firstDifference, null, 'every text node as served');
      assert.equal(digest.elements, digest.servedElements, 'no element added to or removed from <body>');

      // The side panel's On this page: subjects and the mention, with its speaker.
      const panel = await b.extensionPage('sidepanel.html');
      await panel.setViewport(400, 900);
      await tab.bringToFront();
      await panel.evaluate(showPanelTab, 'page');
      const listed = await panel.waitFor(panelTopics, undefined, { timeout: 15_000, what: 'the panel topics' });
      assert.ok(
        wanted.some((start) => listed.subjects.some((s) => norm(s).includes(norm(start)))),
        `a labelled subject in the panel: ${JSON.stringify(listed.subjects.map((s) => s.slice(0, 60)))}`,
      );
      assert.equal(listed.mentions, 'The LGA was mentioned once on this page: by Alex Example.');
      assert.deepEqual(await seriousViolations(panel), [], 'axe on the panel');

      // Switching topic links off removes the markers; on again brings them back.
      const options = await b.extensionPage('options.html');
      try {
        assert.ok(await options.waitFor(setTopicLinks, false, { what: 'the topic links switch' }));
        await tab.waitFor(noMarkers, undefined, { timeout: 10_000, what: 'the markers to go' });
      } finally {
        await options.waitFor(setTopicLinks, true, { what: 'topic links back on' });
      }
      await tab.waitFor(topicMarkers, linked.length, { timeout: 15_000, what: 'the markers back' });
      assert.deepEqual(await tab.extensionErrors(), [], 'no extension error');
    },
  };
}

export default [specFor('topicsCwsb'), specFor('topicsCswb')];
