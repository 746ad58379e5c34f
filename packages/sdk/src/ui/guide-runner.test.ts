import type { Guide } from '@waymark/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGuideRunner, type TourView } from './guide-runner.js';
import { mountShadow } from './mount-shadow.js';
import { waitFor } from './wait-for.js';

const step = (key: string, extra: Record<string, unknown> = {}) =>
  ({ key, title: key, body: '', placement: 'auto', advance: 'next', waitMs: 1000, onMissing: 'skip', ...extra }) as Guide['steps'][number];
const guides: Guide[] = [
  {
    key: 'g',
    title: 'G',
    steps: [step('one'), step('two', { target: { anchor: 'there' }, advance: { event: 'Done It' } }), step('three', { url: '/elsewhere' })],
  },
  { key: 'm', title: 'M', steps: [step('ghost', { target: { selector: '#nope' } }), step('after')] },
  { key: 'form', title: 'F', steps: [step('far', { url: '/elsewhere' }), step('name', { target: { selector: '#name' }, advance: 'input' }), step('save')] },
];

function runner() {
  const track = vi.fn();
  const views: Array<TourView | undefined> = [];
  const positions: unknown[] = [];
  const r = createGuideRunner({
    guides: () => guides,
    track,
    setPosition: (k, p) => positions.push([k, p.status, p.step]),
    onView: (v) => views.push(v),
    path: () => location.pathname,
    now: () => 1,
  });
  return { r, track, views, positions };
}

describe('guide runner', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('records where a guide was started from, and resumes a started run without starting it again', () => {
    history.replaceState(null, '', '/');
    const { r, track, positions } = runner();
    r.start('form', undefined, 'assistant');
    // Its first step belongs to /elsewhere: it waits there, its place kept for the next page.
    expect(track.mock.calls).toEqual([['Guide Started', { guide: 'form', source: 'assistant' }]]);
    expect(positions).toEqual([['form', 'active', 'far']]);
    r.destroy();
    const next = runner();
    // The collector may know the run only as started (no step viewed yet): "" resumes at its start.
    history.replaceState(null, '', '/elsewhere');
    next.r.start('form', '');
    next.r.start('g', 'no-such-step');
    expect(next.track.mock.calls.map((c) => c[0])).toEqual(['Guide Step Viewed', 'Guide Dismissed', 'Guide Step Viewed']);
    expect(next.r.current()?.step.key).toBe('one');
    next.r.destroy();
    history.replaceState(null, '', '/');
  });

  it('starts, advances on Next and on the step event, waits for another page, and completes', () => {
    const b = document.createElement('button');
    b.setAttribute('data-waymark-anchor', 'there');
    b.textContent = 'x';
    document.body.append(b);
    vi.spyOn(b, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
    const { r, track, views } = runner();
    expect(r.start('g')).toBe(true);
    expect(views.at(-1)?.step.key).toBe('one');
    r.next();
    expect(views.at(-1)?.target).toBe(b);
    r.onEvent('Something Else');
    expect(r.current()?.step.key).toBe('two');
    r.onEvent('Done It');
    // Step three belongs to /elsewhere: nothing on screen until the route matches.
    expect(r.current()).toBeUndefined();
    history.replaceState(null, '', '/elsewhere');
    r.onRoute();
    expect(r.current()?.step.key).toBe('three');
    r.next();
    expect(track.mock.calls.map((c) => c[0])).toEqual(['Guide Started', 'Guide Step Viewed', 'Guide Step Viewed', 'Guide Step Viewed', 'Guide Completed']);
    expect(r.current()).toBeUndefined();
    history.replaceState(null, '', '/');
  });

  it('reports a target that never shows and skips to the next step; resumes at a given step without Started', () => {
    vi.useFakeTimers();
    const { r, track, views } = runner();
    r.start('m');
    vi.advanceTimersByTime(1100);
    expect(track).toHaveBeenCalledWith('Guide Errored', { guide: 'm', step: 'ghost', reason: 'target_not_found' });
    expect(views.at(-1)?.step.key).toBe('after');
    r.dismiss();
    expect(track).toHaveBeenLastCalledWith('Guide Dismissed', { guide: 'm', step: 'after' });
    track.mockClear();
    r.start('g', 'one');
    expect(track.mock.calls.map((c) => c[0])).toEqual(['Guide Step Viewed']);
    expect(r.start('unknown')).toBe(false);
  });

  it('waitFor stops observing once found, timed out or cleaned up', () => {
    vi.useFakeTimers();
    const found = vi.fn();
    const timeout = vi.fn();
    let value: string | undefined;
    const stop = waitFor(() => value, 500, found, timeout);
    value = 'here';
    vi.advanceTimersByTime(300);
    expect(found).toHaveBeenCalledWith('here');
    vi.advanceTimersByTime(1000);
    expect(timeout).not.toHaveBeenCalled();
    stop();
    const never = vi.fn();
    waitFor(() => undefined, 100, never, timeout)();
    vi.advanceTimersByTime(1000);
    expect(timeout).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('mountShadow appends one host with an open shadow root and removes it on cleanup', () => {
    const mount = mountShadow(document, ':host{all:initial}');
    expect(document.querySelectorAll('[data-waymark-ui]')).toHaveLength(1);
    expect(mount.root.mode).toBe('open');
    mount.cleanup();
    expect(document.querySelectorAll('[data-waymark-ui]')).toHaveLength(0);
  });

  it('advances an input step when the user pauses after typing, or commits; goes back only to a step on this page', () => {
    vi.useFakeTimers();
    const field = document.createElement('input');
    field.id = 'name';
    document.body.append(field);
    vi.spyOn(field, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
    const { r, views } = runner();
    r.start('form', 'name');
    expect(views.at(-1)?.step.key).toBe('name');
    // The first step lives on another page: no way back from here.
    expect(r.canGoBack()).toBe(false);
    const type = (value: string, type = 'input') => {
      field.value = value;
      field.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    };
    type('A');
    vi.advanceTimersByTime(500);
    type('Ac');
    vi.advanceTimersByTime(500);
    expect(views.at(-1)?.step.key).toBe('name');
    // Emptied again: nothing to move on with.
    type('');
    vi.advanceTimersByTime(2000);
    expect(views.at(-1)?.step.key).toBe('name');
    type('Acme');
    vi.advanceTimersByTime(800);
    expect(views.at(-1)?.step.key).toBe('save');
    expect(r.canGoBack()).toBe(true);
    r.back();
    expect(views.at(-1)?.step.key).toBe('name');
    type('Acme Ltd', 'change');
    expect(views.at(-1)?.step.key).toBe('save');
    r.destroy();
  });
});
