/**
 * The fixture server: answers as hansard.parliament.uk, bills.parliament.uk and publications.parliament.uk.
 *
 * Both browsers use it as their HTTP(S) proxy, so every request either browser makes to any host passes through
 * here and is logged: fixture pages are served from their real paths, everything else is refused and classified.
 * A request that is neither a fixture page, the browser's own favicon probe, nor a resource the served page itself
 * names (the real Hansard page links its own scripts and styles) is `unexpected`: the extension makes no network
 * requests, so the runner fails the spec during which one happens. The browsers' own vendor services are counted
 * apart (`browser`) and refused like everything else.
 */
import fs from 'node:fs';
import http from 'node:http';

export const FIXTURE_HOSTS = [
  'hansard.parliament.uk',
  'bills.parliament.uk',
  'publications.parliament.uk',
  'www.local.gov.uk',
  'local.gov.uk',
];

/**
 * The browsers' own services (update checks, clock, account and settings sync) that flags and prefs do not fully
 * silence. Requests to them are refused and counted as `browser`; the extension has no reason to reach them.
 */
export const BROWSER_VENDOR_HOSTS =
  /(^|\.)(google\.com|googleapis\.com|gvt1\.com|mozilla\.(com|net|org)|firefox\.com)(:443)?$/;

/**
 * @typedef {{ host: string; path: string; file?: string; render?: () => string }} Route  a page of a real host, served from `file` or composed by `render`
 * @typedef {{ at: number; method: string; host: string; path: string; kind: 'page' | 'favicon' | 'page-resource' | 'browser' | 'unexpected' }} Logged
 */

/** Absolute URLs and root-relative paths a document names itself (its scripts, styles, frames). */
function resourcesNamedBy(html, host) {
  const named = new Set();
  for (const m of html.matchAll(/https?:\/\/([a-z0-9.-]+)(\/[^\s"'<>?#]*)?/gi)) {
    named.add(`${m[1].toLowerCase()}${m[2] ?? '/'}`);
    named.add(`${m[1].toLowerCase()}:443`); // an https resource shows up as a CONNECT to its host
  }
  for (const m of html.matchAll(/(?:src|href)\s*=\s*["'](\/[^"'?#]*)/gi)) named.add(`${host}${m[1]}`);
  return named;
}

/** @param {Route[]} routes */
export async function startFixtureServer(routes) {
  const byKey = new Map(routes.map((r) => [`${r.host}${r.path}`, r]));
  /** Bodies a spec serves instead of a route's own (the page "changed" since the reader saw it). */
  const overrides = new Map();
  /** Resources the served pages name: requests for them are the page's own doing, not the extension's. */
  const pageResources = new Set();
  const cache = new Map();
  const read = (file) => {
    if (!cache.has(file)) {
      const body = fs.readFileSync(file);
      cache.set(file, body);
    }
    return cache.get(file);
  };
  /** @type {Logged[]} */
  const log = [];
  const record = (method, host, path) => {
    const key = `${host}${path}`;
    /** @type {Logged['kind']} */
    let kind = 'unexpected';
    if (method === 'GET' && byKey.has(key)) kind = 'page';
    else if (FIXTURE_HOSTS.includes(host) && path === '/favicon.ico') kind = 'favicon';
    else if (pageResources.has(key)) kind = 'page-resource';
    else if (BROWSER_VENDOR_HOSTS.test(host)) kind = 'browser';
    const entry = { at: Date.now(), method, host, path, kind };
    log.push(entry);
    return entry;
  };

  const server = http.createServer((req, res) => {
    // Proxied requests carry an absolute URL; direct ones a path and a Host header.
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const host = url.hostname.toLowerCase();
    const entry = record(req.method ?? 'GET', host, url.pathname);
    if (entry.kind === 'page') {
      const key = `${host}${url.pathname}`;
      const route = byKey.get(key);
      const body = overrides.has(key)
        ? Buffer.from(overrides.get(key), 'utf8')
        : route.render
          ? Buffer.from(route.render(), 'utf8')
          : read(route.file);
      for (const named of resourcesNamedBy(body.toString('utf8'), host)) pageResources.add(named);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not served by the e2e fixture server');
  });
  // HTTPS through the proxy arrives as CONNECT host:443: logged and refused, so nothing leaves the machine.
  server.on('connect', (req, socket) => {
    record('CONNECT', (req.url ?? '').toLowerCase(), '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    port,
    log,
    /**
     * Requests since `from` (a `Date.now()` value) that nobody but the extension or the browser can have made;
     * a spec that provokes one on purpose (the guard's own test) marks it `expected`.
     */
    unexpectedSince: (from) => log.filter((e) => e.at >= from && e.kind === 'unexpected' && !e.expected),
    /** Serves `html` at the route's URL from now on (`null` restores the route's own page). */
    override(route, html) {
      const key = `${route.host}${route.path}`;
      if (html === null) overrides.delete(key);
      else overrides.set(key, html);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
