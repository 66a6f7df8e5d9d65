/**
 * The page adapters, registered in one place. `understandPage` asks the adapter that claims the URL what the page
 * is about; a page no adapter claims (or one with nothing about a bill) gives null and is left alone.
 */
import type { BillRecord } from '../model';
import { billsSite } from './bills-site';
import { hansardCommitteeSitting } from './hansard-committee';
import { hansardDay } from './hansard-day';
import { hansardDebate } from './hansard-debate';
import { publications } from './publications';
import type { PageAdapter, PageUnderstanding } from './types';

export type { PageAdapter, PageUnderstanding } from './types';

export const ADAPTERS: readonly PageAdapter[] = [
  hansardDay,
  hansardCommitteeSitting,
  hansardDebate,
  billsSite,
  publications,
];

/** Every host an adapter reads, once each: where the content script runs and what the options page lists. */
export const PARLIAMENT_HOSTS: readonly string[] = [...new Set(ADAPTERS.flatMap((adapter) => adapter.hosts))];

/** The content script's match patterns. */
export const PARLIAMENT_MATCHES: readonly string[] = PARLIAMENT_HOSTS.map((host) => `*://${host}/*`);

export function adapterFor(url: string): PageAdapter | null {
  return ADAPTERS.find((adapter) => adapter.claim(url) !== null) ?? null;
}

export function understandPage(doc: Document, url: string, bills: readonly BillRecord[]): PageUnderstanding | null {
  for (const adapter of ADAPTERS) {
    const read = adapter.claim(url);
    if (read) return read(doc, bills);
  }
  return null;
}

/** The URL a saved page says it came from: `og:url`, else `link[rel=canonical]`. */
export function pageUrlOf(doc: Document): string | null {
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (og) return og.trim();
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return canonical ? canonical.trim() : null;
}
