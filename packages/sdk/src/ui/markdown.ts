import { h, type ComponentChild as Child } from 'preact';

// **bold**, *em*, `code`, [text](url): one alternation, tried left to right.
const inline = /\*\*([^*]+?)\*\*|\*([^*\s][^*]*?)\*|`([^`]+)`|\[([^\]]+)\]\(([^()\s]+)\)/g;

/** Whether a link target is allowed: http(s) URLs, and relative ones (no scheme, not `//host`). */
export function safeHref(url: string): boolean {
  // Relative: no scheme before the first / ? or #, and not protocol-relative (//host).
  return /^https?:\/\/[^/\\\s]/i.test(url) || !/^([/\\]{2}|[^/?#]*:)/.test(url);
}

function inlines(text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const m of text.matchAll(inline)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    last = at + m[0].length;
    const [, bold, em, code, label, href] = m;
    if (bold !== undefined) out.push(h('strong', null, inlines(bold)));
    else if (em !== undefined) out.push(h('em', null, inlines(em)));
    else if (code !== undefined) out.push(h('code', null, code));
    else if (label !== undefined && href !== undefined) {
      const external = /^https?:/i.test(href);
      out.push(safeHref(href) ? h('a', { href, ...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {}) }, inlines(label)) : `${label}`);
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * Renders the markdown subset of titles and bodies as elements: **bold**, *em*, `code`,
 * links (http(s) and relative URLs only; others become their text), line breaks and blank-line
 * paragraphs. Never HTML: `<script>` in the text is text.
 */
export function renderMarkdown(text: string): Child[] {
  return String(text)
    .split(/\n{2,}/)
    .map((para) =>
      h(
        'p',
        null,
        para.split('\n').flatMap((line, i) => (i === 0 ? inlines(line) : [h('br', null), ...inlines(line)])),
      ),
    );
}
