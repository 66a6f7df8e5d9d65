/**
 * The oracle for the text index (test/unit/annotate/text-index-oracle.test.ts): the first builder, which read a page
 * one character at a time, kept here as the plainest statement of what the index must give (text, DOM position of
 * every character). src/annotate/text-index.ts builds the same thing node by node, fast;
 * the test holds it to this one on the real pages and on generated ones.
 */
import { BLOCK_SEPARATOR, BLOCK_TAGS, DEFAULT_SKIP, type SkipList } from '../../../src/annotate/text-index';

const CHAR_MAP: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
};

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isZeroWidth(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xad;
}

function isSkipped(el: Element, skip: SkipList): boolean {
  if (skip.tags.some((tag) => tag.toLowerCase() === el.localName)) return true;
  for (const name of (el.getAttribute('class') ?? '').split(/\s+/)) {
    if (!name) continue;
    if (skip.classes.includes(name)) return true;
    if (skip.classPrefixes.some((prefix) => name.startsWith(prefix))) return true;
  }
  const role = el.getAttribute('role');
  if (role && skip.roles.includes(role)) return true;
  return skip.attributes.some((attribute) => el.hasAttribute(attribute));
}

export interface OracleIndex {
  text: string;
  /** The DOM position of each character of `text` (null for a separator). */
  positions: Array<{ node: Text; offset: number } | null>;
}

export function oracleIndex(root: Element, options: { extraSkip?: Partial<SkipList> } = {}): OracleIndex {
  const extra = options.extraSkip ?? {};
  const skip: SkipList = {
    tags: [...DEFAULT_SKIP.tags, ...(extra.tags ?? [])],
    classes: [...DEFAULT_SKIP.classes, ...(extra.classes ?? [])],
    classPrefixes: [...DEFAULT_SKIP.classPrefixes, ...(extra.classPrefixes ?? [])],
    roles: [...DEFAULT_SKIP.roles, ...(extra.roles ?? [])],
    attributes: [...DEFAULT_SKIP.attributes, ...(extra.attributes ?? [])],
  };
  const chars: string[] = [];
  const positions: Array<{ node: Text; offset: number } | null> = [];
  const last = () => chars[chars.length - 1] ?? BLOCK_SEPARATOR;

  const separate = () => {
    if (!chars.length || last() === BLOCK_SEPARATOR) return;
    if (last() === ' ') chars[chars.length - 1] = BLOCK_SEPARATOR;
    else {
      chars.push(BLOCK_SEPARATOR);
      positions.push(null);
    }
  };

  const visit = (node: Node): void => {
    if (node.nodeType === 3 || node.nodeType === 4) {
      const text = node as Text;
      const data = text.data;
      for (let i = 0; i < data.length; i++) {
        const code = data.charCodeAt(i);
        if (isZeroWidth(code)) continue;
        let ch: string;
        if (isSpace(code)) {
          if (last() === ' ' || last() === BLOCK_SEPARATOR) continue;
          ch = ' ';
        } else {
          const raw = data[i] as string;
          ch = CHAR_MAP[raw] ?? raw;
        }
        chars.push(ch);
        positions.push({ node: text, offset: i });
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el !== root && isSkipped(el, skip)) return;
    const block = BLOCK_TAGS.has(el.localName);
    if (block) separate();
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    if (block) separate();
  };

  visit(root);
  while (chars.length && (last() === BLOCK_SEPARATOR || last() === ' ')) {
    chars.pop();
    positions.pop();
  }
  return { text: chars.join(''), positions };
}
