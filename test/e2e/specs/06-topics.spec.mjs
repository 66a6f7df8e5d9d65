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
import { showPanelTab } from '../lib/panel.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each marker with the speech (index among `p.hs_Para`) whose first line it sits beside; null until drawn. */
function topicMarkers(expected) {
  const buttons = [...document.querySelectorAll('lga-topic-marker')].flatMap((host) => [
    ...(host.shadowRoot?.querySelectorAll('[data-testid="lga-topic-marker"]') ?? []),
  ]);
  if (buttons.length < expected) return null;
  const paras = [...document.querySelectorAll('.contribution p.hs_Para')];
  return buttons.map((button) => {
    const b = button.getBoundingClientRect();
    const beside = paras.findIndex((p) => {
      const r = p.getBoundingClientRect();
      return b.right <= r.left && r.left - b.right < 40 && Math.abs(b.top - r.top) < 12;
    });
    const host = button.getRootNode().host;
    return {
      name: button.getAttribute('aria-label'),
      beside,
      // The speech whose paragraph holds the marker (first child): where reading and Tab order meet it.
      within: host.parentElement.firstChild === host ? paras.indexOf(host.parentElement) : -1,
      box: { x: b.x, y: b.y, width: b.width, height: b.height },
    };
  });
}

/** The open topic popover (its name, positions' text, whether it has focus), or null. */
function topicPopover() {
  const dialog = [...document.querySelectorAll('lga-topic-marker')]
    .map((host) => host.shadowRoot?.querySelector('[data-testid="lga-topic-popover"]'))
    .find(Boolean);
  if (!dialog) return null;
  const root = dialog.getRootNode();
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

/** True when focus is inside an open topic popover. */
function popoverFocused() {
  const host = document.activeElement;
  if (host?.localName !== 'lga-topic-marker') return null;
  return host.shadowRoot.activeElement?.closest('[data-testid="lga-topic-popover"]') ? true : null;
}

/** The focused marker's name, or null when focus is not on a marker. */
function focusedMarker() {
  const host = document.activeElement;
  if (host?.localName !== 'lga-topic-marker') return null;
  return host.shadowRoot.activeElement?.getAttribute('aria-label') ?? null;
}

/** Where focus is: a marker (the speech holding it), inside a marker's popover, a speaker link (its speech), or other. */
function focusPlace() {
  const paras = [...document.querySelectorAll('.contribution p.hs_Para')];
  const active = document.activeElement;
  if (active?.localName === 'lga-topic-marker') {
    const inner = active.shadowRoot.activeElement;
    const where = inner?.closest('[data-testid="lga-topic-popover"]') ? 'popover' : 'marker';
    return { where, speech: paras.indexOf(active.parentElement) };
  }
  const contribution = active?.closest?.('.contribution');
  if (contribution) return { where: 'speaker', speech: paras.indexOf(contribution.querySelector('p.hs_Para')) };
  return { where: active?.localName ?? null, speech: -1 };
}

/** Focuses the speaker link of the speech holding paragraph `i` (the last focusable before its paragraph). */
function focusSpeakerOf(i) {
  const p = document.querySelectorAll('.contribution p.hs_Para')[i];
  const link = p.closest('.contribution').querySelector('a[href]');
  link.focus();
  return document.activeElement === link;
}

function mentionHighlight() {
  const h = globalThis.CSS?.highlights?.get('lga-topic-mention');
  return h ? [...h].map((r) => r.toString()) : null;
}

function scrollToMarker(nth) {
  const button = [...document.querySelectorAll('lga-topic-marker')].flatMap((host) => [
    ...host.shadowRoot.querySelectorAll('[data-testid="lga-topic-marker"]'),
  ])[nth];
  button.scrollIntoView({ block: 'center', behavior: 'instant' });
  const b = button.getBoundingClientRect();
  return { x: b.x, y: b.y, width: b.width, height: b.height };
}

/** Layout changes with no window resize: a tall box of our own above the debate and a wider left margin. */
function shiftLayout(on) {
  const container = document.querySelector('article').closest('.container');
  if (on) {
    const box = document.createElement('div');
    box.id = 'test-shift';
    box.style.height = '173px';
    container.before(box);
    container.style.paddingLeft = '120px';
  } else {
    document.getElementById('test-shift')?.remove();
    container.style.paddingLeft = '';
  }
  return true;
}

function noDialog() {
  return [...document.querySelectorAll('lga-topic-marker')].every(
    (host) => !host.shadowRoot.querySelector('[role=dialog]'),
  );
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
  return document.querySelectorAll('lga-topic-marker').length === 0;
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
      for (const m of markers) assert.equal(m.within, m.beside, `the marker is first in the paragraph it sits beside`);

      // The page's layout changing with no window resize (content above, a wider margin): markers stay beside.
      await tab.evaluate(shiftLayout, true);
      await sleep(100);
      const shifted = (await tab.evaluate(topicMarkers, linked.length)).map((m) => m.beside);
      await tab.evaluate(shiftLayout, false);
      for (const i of linked) assert.ok(shifted.includes(i), `after the layout moved, beside speech ${i}: ${shifted}`);

      // Pointer: resting on the first linked speech's marker opens its popover with a position the labels name.
      const first = markers.findIndex((m) => m.beside === linked[0]);
      await tab.mouseMove(5, 5);
      const box = await tab.evaluate(scrollToMarker, first);
      await tab.hoverRect(box);
      const opened = await tab.waitFor(topicPopover, undefined, { timeout: 5_000, what: 'the popover on hover' });
      await tab.screenshot(`topics-popover-${pageId}`);
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
      await tab.waitFor(noDialog, undefined, { what: 'the popover to close after leaving' });

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
      const entered = await tab.waitFor(popoverFocused, undefined, { what: 'focus in the popover after Enter' });
      assert.ok(entered);
      await tab.press('Escape');
      await sleep(100);
      assert.equal(await tab.evaluate(topicPopover), null, 'Escape closes the popover');
      assert.equal(await tab.evaluate(focusedMarker), name, 'and gives focus back to the marker');

      // Reading order: Tab from the speaker's link reaches the marker in that speech's paragraph next (its popover
      // opens), then the popover, then the next speech; focus moving on closes the popover.
      for (const i of linked) {
        assert.ok(await tab.evaluate(focusSpeakerOf, i), `the speaker link of speech ${i} takes focus`);
        await tab.press('Tab');
        assert.deepEqual(
          await tab.evaluate(focusPlace),
          { where: 'marker', speech: i },
          `Tab from speech ${i}'s speaker`,
        );
        await tab.waitFor(topicPopover, undefined, { timeout: 5_000, what: `the popover of speech ${i} on focus` });
        await tab.press('Tab');
        assert.deepEqual(await tab.evaluate(focusPlace), { where: 'popover', speech: i }, 'then into its popover');
        await tab.press('Tab');
        assert.deepEqual(await tab.evaluate(focusPlace), { where: 'speaker', speech: i + 1 }, 'then the next speech');
        assert.equal(await tab.evaluate(topicPopover), null, 'focus moving on closed the popover');
      }

      // The LGA mention, highlighted; the Local Government Act is not one.
      const mentioned = await tab.evaluate(mentionHighlight);
      if (mentioned) assert.deepEqual(mentioned, ['Local Government Association']);

      assert.deepEqual(await seriousViolations(tab), [], 'axe: no serious or critical violation');
      const digest = await tab.evaluate(textNodeDigest, b.pageHtml(pageId));
      assert.equal(digest.firstDifference, null, 'every text node as served');
      assert.equal(digest.elements, digest.servedElements, 'no element of the page added or removed');
      assert.equal(digest.ourHosts, markers.length, 'one marker host per marked paragraph, nothing else of ours');

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
