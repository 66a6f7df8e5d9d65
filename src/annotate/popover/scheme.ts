/**
 * Light or dark: the popover and highlight colours follow the page. A page's own opaque background decides (its
 * luminance); a page that paints no background shows the browser's canvas, which is dark only when the page's
 * `color-scheme` allows dark and the system prefers it.
 */
import type { ColourScheme } from '../../ui/shared/stance';

/** `rgb(30, 30, 30)` / `rgba(0, 0, 0, 0)` -> [r, g, b, a], or null. */
export function parseCssColour(value: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!m) return null;
  let alpha = m[4] === undefined ? 1 : Number.parseFloat(m[4]);
  if (m[4]?.endsWith('%')) alpha /= 100;
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** WCAG relative luminance of an sRGB colour (0 black .. 1 white). */
export function relativeLuminance(r: number, g: number, b: number): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function schemeOf(
  backgrounds: readonly string[],
  colorScheme: string,
  systemPrefersDark: boolean,
): ColourScheme {
  for (const bg of backgrounds) {
    const c = parseCssColour(bg);
    if (c && c[3] > 0.5) return relativeLuminance(c[0], c[1], c[2]) < 0.2 ? 'dark' : 'light';
  }
  const allowed = colorScheme.split(/\s+/);
  if (allowed.includes('dark') && (systemPrefersDark || !allowed.includes('light'))) return 'dark';
  return 'light';
}

export function pageScheme(doc: Document): ColourScheme {
  const win = doc.defaultView;
  if (!win) return 'light';
  const elements = [doc.body, doc.documentElement].filter((e): e is HTMLElement => !!e);
  const backgrounds = elements.map((e) => win.getComputedStyle(e).backgroundColor ?? '');
  const colorScheme = win.getComputedStyle(doc.documentElement).getPropertyValue('color-scheme') || 'normal';
  const prefersDark = typeof win.matchMedia === 'function' && win.matchMedia('(prefers-color-scheme: dark)').matches;
  return schemeOf(backgrounds, colorScheme, prefersDark);
}
