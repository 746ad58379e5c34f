import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchRoute } from './watch-route.js';

describe('watchRoute', () => {
  const original = { push: history.pushState, replace: history.replaceState };
  let stop: () => void = () => undefined;
  beforeEach(() => history.replaceState(null, '', '/start'));
  afterEach(() => stop());

  it('reports pushState, replaceState, popstate and hashchange only when the URL changed', () => {
    const onChange = vi.fn();
    stop = watchRoute(onChange);
    history.pushState(null, '', '/a');
    history.replaceState(null, '', '/a');
    history.replaceState({ some: 'state' }, '');
    history.replaceState(null, '', '/b');
    expect(onChange.mock.calls).toEqual([[`${location.origin}/start`], [`${location.origin}/a`]]);
    history.pushState(null, '', '/b#x');
    window.dispatchEvent(new Event('hashchange'));
    window.dispatchEvent(new Event('popstate'));
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('popstate after a real URL change is reported', () => {
    const onChange = vi.fn();
    stop = watchRoute(onChange);
    // Change the URL behind the patch's back, as back/forward navigation does.
    original.push.call(history, null, '', '/elsewhere');
    window.dispatchEvent(new Event('popstate'));
    expect(onChange).toHaveBeenCalledWith(`${location.origin}/start`);
  });

  it('cleanup restores history and removes the listeners', () => {
    const onChange = vi.fn();
    stop = watchRoute(onChange);
    expect(history.pushState).not.toBe(original.push);
    stop();
    expect(history.pushState).toBe(original.push);
    expect(history.replaceState).toBe(original.replace);
    history.pushState(null, '', '/after');
    window.dispatchEvent(new Event('popstate'));
    window.dispatchEvent(new Event('hashchange'));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('a patch installed over ours survives our cleanup, and ours becomes a pass-through', () => {
    const onChange = vi.fn();
    stop = watchRoute(onChange);
    const ours = history.pushState;
    const theirs = vi.fn(function (this: History, ...args: Parameters<History['pushState']>) {
      ours.apply(this, args);
    });
    history.pushState = theirs;
    stop();
    history.pushState(null, '', '/later');
    expect(theirs).toHaveBeenCalled();
    expect(location.pathname).toBe('/later');
    expect(onChange).not.toHaveBeenCalled();
    history.pushState = original.push;
  });

  it('an error in the callback never reaches the caller of pushState', () => {
    stop = watchRoute(() => {
      throw new Error('boom');
    });
    expect(() => history.pushState(null, '', '/boom')).not.toThrow();
  });
});
