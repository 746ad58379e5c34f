import { describe, expect, it } from 'vitest';
import { effect, h, renderer } from './h.js';

describe('h and renderer', () => {
  it('renders children like Preact: nested arrays, text, numbers; nothing for null and booleans', () => {
    const root = document.createElement('div');
    const render = renderer(root);
    const clicks: string[] = [];
    render(h('div', { class: 'w', style: { zIndex: 3, insetInlineStart: '2px' } }, ['a', [1, null, false, true]], h('button', { onClick: () => clicks.push('x') }, 'go')));
    expect(root.outerHTML).toBe('<div class="w" style="z-index: 3; inset-inline-start: 2px;">a1<button>go</button></div>');
    root.querySelector('button')!.click();
    expect(clicks).toEqual(['x']);
  });

  it('patches in place, so focus and identity survive a render', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const render = renderer(root);
    const view = (n: number) => h('div', null, h('button', { id: 'b' }, `n=${n}`), n > 1 ? h('p', null, 'more') : null);
    render(view(1));
    const button = root.querySelector('button')!;
    button.focus();
    render(view(2));
    expect(root.querySelector('button')).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(root.textContent).toBe('n=2more');
    root.remove();
  });

  it('starts an effect once its element is rendered, and cleans it up when its key goes', () => {
    const root = document.createElement('div');
    const render = renderer(root);
    const log: string[] = [];
    const fx = (key: string) => effect(key, (el) => (log.push(`start ${key} ${el.tagName}`), () => log.push(`stop ${key}`)));
    render(h('div', null, h('section', fx('a'))));
    render(h('div', null, h('section', fx('a'))));
    expect(log).toEqual(['start a SECTION']);
    render(h('div', null, h('section', fx('b'))));
    render(null);
    expect(log).toEqual(['start a SECTION', 'stop a', 'start b SECTION', 'stop b']);
  });

  it('calls function components with their props and children', () => {
    const root = document.createElement('div');
    const Item = ({ label, children }: { label: string; children?: unknown[] }) => h('li', { title: label }, children as never);
    renderer(root)(h('div', null, h('ul', null, h(Item, { label: 't' }, 'x'))));
    expect(root.innerHTML).toBe('<ul><li title="t">x</li></ul>');
  });
});
