import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { BRIEFING_PAGE_MATCHES } from './src/capture/sites';
import { PARLIAMENT_MATCHES } from './src/pages';

/**
 * The parliament pages' content script: built by WXT as an unlisted script (entrypoints/parliament.ts) and listed here
 * with the highlight stylesheet (assets/public/highlights.css, written by `npm run css`), so that no WXT content-script
 * context runs in those pages (why: entrypoints/parliament.ts).
 */
const PARLIAMENT_SCRIPT = { name: 'parliament', js: 'parliament.js', css: 'highlights.css' } as const;
/** The LGA briefing pages' content script (entrypoints/lga.ts: the *Add to LGA positions* button), listed the same way. */
const LGA_SCRIPT = { js: 'lga.js' } as const;

// One source, two browsers: `wxt build` gives Chrome MV3 (side panel), `wxt build -b firefox` gives Firefox (sidebar).
export default defineConfig({
  // Files copied as they are, kept under assets/ with the rest of what the extension ships: the icons, and the highlight
  // stylesheet `npm run css` writes (scripts/build-highlight-css.ts).
  publicDir: 'assets/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  zip: {
    // The store's sources zip carries what builds the extension, not the tests or benchmarks.
    excludeSources: ['test/**', 'bench/**', '.ci/**'],
  },
  hooks: {
    // The parliament content script runs on every parliament page, so it goes without webextension-polyfill (about
    // 6 kB gzip): it uses only what Chrome MV3 and Firefox do alike (runtime.sendMessage and storage return promises,
    // replies go through sendResponse), and `browser` there is WXT's own (Firefox's `browser`, else Chrome's `chrome`).
    'vite:build:extendConfig'(entrypoints, config) {
      const isParliamentScript = (entry: (typeof entrypoints)[number]) =>
        entry.type === 'unlisted-script' && entry.name === PARLIAMENT_SCRIPT.name;
      if (!entrypoints.some(isParliamentScript)) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve = { ...config.resolve, alias: alias.filter((a) => a.find !== 'wxt/browser') };
      } else if (alias && 'wxt/browser' in alias) {
        const { 'wxt/browser': _polyfill, ...rest } = alias as Record<string, string>;
        config.resolve = { ...config.resolve, alias: rest };
      }
    },
  },
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: 'LGA positions on Parliament',
    description:
      "Highlights clauses, amendments and schedules on Hansard and parliament.uk pages and shows the Local Government Association's position on each.",
    // scripting and the parliament hosts: the background runs the popover's script in a parliament page when it is
    // first needed (src/annotate/popover-loader.ts); the hosts are the content script's own, so no new warning.
    permissions: ['storage', 'tabs', 'scripting'],
    host_permissions: [...PARLIAMENT_MATCHES],
    content_scripts: [
      {
        matches: [...PARLIAMENT_MATCHES],
        js: [PARLIAMENT_SCRIPT.js],
        // Injected by the browser before the page is built (see src/annotate/highlight.ts).
        css: [PARLIAMENT_SCRIPT.css],
        run_at: 'document_idle',
      },
      { matches: [...BRIEFING_PAGE_MATCHES], js: [LGA_SCRIPT.js], run_at: 'document_idle' },
    ],
    commands: {
      'next-reference': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next LGA position on the page',
      },
      'previous-reference': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Go to the previous LGA position on the page',
      },
    },
    action: { default_title: 'LGA positions' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lga-positions@local.gov.uk.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : // The side panel opens from the toolbar and the page with chrome.sidePanel.open(), in Chrome since 116 (the
        // CSS Custom Highlight API the highlights are drawn with since 105).
        { minimum_chrome_version: '116' }),
  }),
});
