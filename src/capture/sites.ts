/**
 * Where LGA briefing pages are, as data (../shared/docs/lga-briefings.md, "URLs" and "Traps"): the current
 * `/parliament/briefings-and-responses/<slug>` pages, the older `…/-/journal_content/56/10180/<id>/ARTICLE` ones, on
 * www.local.gov.uk, the bare host, lb2.local.gov.uk and pas.gov.uk. One briefing can sit at several of these URLs:
 * `canonicalBriefingUrl` folds the host spellings of one site so the duplicate rules (./duplicates.ts) see one page.
 * Pure, no DOM.
 */

export interface BriefingSite {
  /** The name readers know the site by, shown as "added by you from <name>". */
  name: string;
  /** The registrable host; every subdomain (www., lb2.) and the bare host count as the same site. */
  host: string;
  /** Path prefixes (before the slug) of briefing pages, and path fragments of the old journal-content URLs. */
  paths: readonly string[];
}

export const BRIEFING_SITES: readonly BriefingSite[] = [
  {
    name: 'local.gov.uk',
    host: 'local.gov.uk',
    paths: ['/parliament/briefings-and-responses/', '/-/journal_content/'],
  },
  { name: 'pas.gov.uk', host: 'pas.gov.uk', paths: ['/parliament/briefings-and-responses/', '/-/journal_content/'] },
];

/**
 * The content script's match patterns (wxt manifest), from the table: the bare host and every subdomain, http and
 * https, slug pages and journal-content pages under any prefix.
 */
export const BRIEFING_PAGE_MATCHES: readonly string[] = BRIEFING_SITES.flatMap((site) =>
  site.paths.map((path) =>
    path.startsWith('/-/') ? `*://*.${site.host}/*${path.slice(1)}*` : `*://*.${site.host}${path}*`,
  ),
);

function parse(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

function siteOfHost(hostname: string): BriefingSite | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return BRIEFING_SITES.find((site) => host === site.host || host.endsWith(`.${site.host}`)) ?? null;
}

/** The site of an LGA briefing page URL, or null when the URL is not one (a listing page, another site). */
export function briefingSite(url: string): BriefingSite | null {
  const parsed = parse(url);
  if (!parsed) return null;
  const site = siteOfHost(parsed.hostname);
  if (!site) return null;
  const path = decodeURIComponent(parsed.pathname);
  const isPage = site.paths.some((prefix) => {
    const at = path.indexOf(prefix);
    if (at < 0 || (!prefix.startsWith('/-/') && at !== 0)) return false;
    return path.slice(at + prefix.length).replace(/\/+$/, '').length > 0; // a slug or an id, not the listing itself
  });
  return isPage ? site : null;
}

/**
 * One spelling per page: the site's bare host, no scheme, no query or fragment, no trailing slash, path case kept
 * (slugs are lower case; journal-content ids are digits). `http://www.local.gov.uk/x/` and
 * `https://lb2.local.gov.uk/x` give the same; a URL of another site is returned as its host and path.
 */
export function canonicalBriefingUrl(url: string): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  const site = siteOfHost(parsed.hostname);
  const host = site?.host ?? parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = decodeURIComponent(parsed.pathname).replace(/\/+$/, '');
  return `${host}${path}`;
}

/**
 * The name a briefing read from a page is saved under (the user-data key, shown in the options page's list):
 * `local.gov.uk-<slug>.html`, or `local.gov.uk-journal-<id>.html` for an old journal-content URL.
 */
export function captureSourceName(url: string): string {
  const parsed = parse(url);
  const site = parsed ? siteOfHost(parsed.hostname) : null;
  const path = parsed ? decodeURIComponent(parsed.pathname).replace(/\/+$/, '') : '';
  const journal = /\/journal_content\/(?:\d+\/)*(\d+)(?:\/[A-Za-z]+)?$/.exec(path);
  const slug = journal ? `journal-${journal[1]}` : (path.split('/').pop() ?? '');
  const safe = slug
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return `${site?.name ?? parsed?.hostname ?? 'page'}-${safe || 'briefing'}.html`;
}
