import { describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { renderMarkdown, safeHref, valueSlot } from './markdown.js';

const html = (text: string): string => {
  const root = document.createElement('div');
  render(h('div', null, renderMarkdown(text)), root);
  return root.innerHTML;
};

describe('renderMarkdown', () => {
  it('renders bold, em, code, links and line breaks as elements', () => {
    expect(html('Let us create your **first project**.')).toBe('<div><p>Let us create your <strong>first project</strong>.</p></div>');
    expect(html('*soon* and `npm i`\nnext line')).toBe('<div><p><em>soon</em> and <code>npm i</code><br>next line</p></div>');
    expect(html('one\n\ntwo')).toBe('<div><p>one</p><p>two</p></div>');
    expect(html('[Team](/settings/team) or [docs](https://acme.test/docs)')).toBe(
      '<div><p><a href="/settings/team">Team</a> or <a href="https://acme.test/docs" target="_blank" rel="noopener noreferrer">docs</a></p></div>',
    );
    expect(html('**bold with [a link](/x)**')).toBe('<div><p><strong>bold with <a href="/x">a link</a></strong></p></div>');
  });

  it('keeps HTML as text and drops unsafe link targets', () => {
    expect(html('<script>alert(1)</script><img src=x onerror=alert(1)>')).toBe(
      '<div><p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p></div>',
    );
    expect(html('[click](javascript:alert(1))')).not.toContain('<a');
    expect(html('[x](javascript:alert%281%29)')).toBe('<div><p>x</p></div>');
    expect(html('[x](data:text/html,hi)')).toBe('<div><p>x</p></div>');
    expect(html('[x](//evil.test/a)')).toBe('<div><p>x</p></div>');
  });

  it('allows http(s) and relative URLs only', () => {
    for (const ok of ['https://a.test', 'http://a.test/x', '/app', 'team', './x', '../y', '#top', '?q=1']) expect(safeHref(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JavaScript:x', 'data:x', 'vbscript:x', '//host', '\\\\host', 'mailto:a@b', ' javascript:x'])
      expect(safeHref(bad), bad).toBe(false);
  });

  it('puts personalised values back as text, never as markup, and encoded in a link', () => {
    const values = ['**x** [a](javascript:1) <b>', 'a b/c'];
    const text = `**Hi ${valueSlot(values[0]!, 0)}** [me](/u/${valueSlot(values[1]!, 1)}) \`${valueSlot(values[1]!, 1)}\``;
    const root = document.createElement('div');
    render(h('div', null, renderMarkdown(text, values)), root);
    expect(root.innerHTML).toBe('<div><p><strong>Hi **x** [a](javascript:1) &lt;b&gt;</strong> <a href="/u/a%20b%2Fc">me</a> <code>a b/c</code></p></div>');
  });
});
