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
        assert.deepEqual(tab.extensionErrors(), [], `${page} logged no extension errors`);
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
];
