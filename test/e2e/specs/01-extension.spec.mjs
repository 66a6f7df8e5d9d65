/** The built extension loads in the browser and the fixture server answers as the real hosts. */
export default [
  {
    name: 'extension pages load (options, side panel)',
    async run(b, assert) {
      for (const page of ['options.html', 'sidepanel.html']) {
        const tab = await b.extensionPage(page);
        const state = await tab.waitFor(
          () =>
            document.readyState === 'complete' && { title: document.title, hasApp: !!document.getElementById('app') },
          undefined,
          { what: `${page} to load` },
        );
        assert.match(state.title, /^LGA positions/, `${page} title`);
        assert.ok(state.hasApp, `${page} has its app root`);
        assert.deepEqual(await tab.extensionErrors(), [], `${page} logged no extension errors`);
      }
    },
  },
  {
    name: 'fixture pages are served as the real hosts',
    async run(b, assert) {
      const tab = await b.open('cwsbCommittee');
      const seen = await tab.evaluate(() => ({
        href: location.href,
        h1: document.querySelector('.hero-banner-debate h1')?.textContent?.trim(),
      }));
      assert.equal(seen.href, b.pageUrl('cwsbCommittee'));
      assert.equal(seen.h1, 'Children’s Wellbeing and Schools Bill (Fourteenth sitting)');
      const served = b.server.log.filter((e) => e.kind === 'page' && e.path.includes('FourteenthSitting'));
      assert.ok(served.length > 0, 'the fixture server answered for hansard.parliament.uk');
    },
  },
  {
    name: 'the network guard sees a request to any other host (and refuses it)',
    async run(b, assert) {
      const t0 = Date.now();
      const tab = await b.open('cwsbCommittee');
      // Made by the page here, on purpose: the extension itself must never do this.
      const outcome = await tab.evaluate(async () => {
        const results = [];
        for (const url of ['http://lga-e2e-canary.invalid/ping', 'https://lga-e2e-canary.invalid/ping']) {
          try {
            const r = await fetch(url, { mode: 'no-cors', cache: 'no-store' });
            results.push(`${url}: ${r.type} ${r.status}`);
          } catch (error) {
            results.push(`${url}: ${error.name}`);
          }
        }
        return results;
      });
      const seen = b.server.unexpectedSince(t0).filter((e) => e.host.startsWith('lga-e2e-canary.invalid'));
      for (const e of seen) e.expected = true;
      assert.deepEqual(
        seen.map((e) => `${e.method} ${e.host}${e.path}`).sort(),
        ['CONNECT lga-e2e-canary.invalid:443', 'GET lga-e2e-canary.invalid/ping'],
        `the guard logged both (page saw: ${outcome})`,
      );
    },
  },
];
