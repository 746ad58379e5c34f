import { h, type ComponentChild as Child } from 'preact';

// **bold**, *em*, `code`, [text](url): one alternation, tried left to right.
const inline = /\*\*([^*]+?)\*\*|\*([^*\s][^*]*?)\*|`([^`]+)`|\[([^\]]+)\]\(([^()\s]+)\)/g;

/** Whether a link target is allowed: http(s) URLs, and relative ones (no scheme, not `//host`). */
export function safeHref(url: string): boolean {
  // Relative: no scheme before the first / ? or #, and not protocol-relative (//host).
  return /^https?:\/\/[^/\\\s]/i.test(url) || !/^([/\\]{2}|[^/?#]*:)/.test(url);
}

// A personalised value's place in the text while the markdown is parsed: private-use characters
// that no markdown syntax matches, so a value (a user's name) can never become markup.
const slot = /\uE000(\d+)\uE001/g;

/** Marks value `index` in a text for `renderMarkdown` (see core's `fillTemplate`). */
export const valueSlot = (_value: string, index: number): string => `\uE000${index}\uE001`;

function inlines(text: string, values: readonly string[]): Child[] {
  const out: Child[] = [];
  // Text put back with its values, as text.
  const put = (s: string, encode?: boolean): string => s.replace(slot, (_, i: string) => (encode ? encodeURIComponent : String)(values[+i] ?? ''));
  let last = 0;
  for (const m of text.matchAll(inline)) {
    const at = m.index ?? 0;
    if (at > last) out.push(put(text.slice(last, at)));
    last = at + m[0].length;
    const [, bold, em, code, label, href] = m;
    if (bold !== undefined) out.push(h('strong', null, inlines(bold, values)));
    else if (em !== undefined) out.push(h('em', null, inlines(em, values)));
    else if (code !== undefined) out.push(h('code', null, put(code)));
    else if (label !== undefined && href !== undefined) {
      const external = /^https?:/i.test(href);
      out.push(
        safeHref(href)
          ? h('a', { href: put(href, true), ...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {}) }, inlines(label, values))
          : put(label),
      );
    }
  }
  if (last < text.length) out.push(put(text.slice(last)));
  return out;
}

/**
 * Renders the markdown subset of titles and bodies as elements: **bold**, *em*, `code`,
 * links (http(s) and relative URLs only; others become their text), line breaks and blank-line
 * paragraphs. Never HTML: `<script>` in the text is text. `values` are what `valueSlot` marked:
 * each goes back in as plain text (in a link's URL, encoded), never as markdown.
 */
export function renderMarkdown(text: string, values: readonly string[] = []): Child[] {
  return String(text)
    .split(/\n{2,}/)
    .map((para) =>
      h(
        'p',
        null,
        para.split('\n').flatMap((line, i) => (i === 0 ? inlines(line, values) : [h('br', null), ...inlines(line, values)])),
      ),
    );
}
