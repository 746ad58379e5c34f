/**
 * Runs in the page (passed to `page.evaluate`, so it must be self-contained): a warm-up tour
 * started and ended, then the timed tour with `window.__tourAdapter`. Returns, for the start call
 * and for each Next, two times in ms from the call (`performance.now()` in the page):
 *
 * - `shown`: the popover with the step's title is on screen. Checked after every DOM change (a
 *   MutationObserver on the document and on every open shadow root) and in every animation frame
 *   (style changes no mutation shows): it has a box inside the viewport, is not
 *   `visibility: hidden`, has no ancestor at opacity 0, sits within 48 px of its target, and is
 *   placed, where the adapter can tell (`adapter.placed`: Waymark's popover is hidden until
 *   floating-ui has computed its position). Fades and moves are not waited out: an element whose
 *   opacity, visibility or position is being animated towards visible counts from the
 *   animation's start.
 * - `drawn`, the measure: the first animation frame that draws it as it is then, fades and all
 *   (visible, opacity above 0, placed). Frames come every ~16.7 ms, so this includes waiting for
 *   the next one. The time is taken in that frame's `requestAnimationFrame` callback, before its
 *   style, layout and paint; when the popover becomes visible during a frame's rendering work
 *   (a later animation-frame or ResizeObserver callback), that frame draws it, and the time is
 *   taken then.
 */
export async function measureTour({ warmup, tour, timeoutMs, settleMs }) {
  const adapter = window.__tourAdapter;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const positionProps = ['top', 'left', 'right', 'bottom', 'inset', 'transform', 'translate'];

  // A running animation or transition of `prop` on `node` whose last value is not hidden.
  const animatingTo = (node, props, hiddenValue) =>
    node.getAnimations().some((a) => {
      if (a.playState !== 'running') return false;
      const frames = a.effect?.getKeyframes?.() ?? [];
      return props.some((prop) => {
        if (!frames.some((f) => prop in f)) return false;
        // No end value: the animation runs towards the element's own style (CSS `from {}` only).
        const end = frames.at(-1)?.[prop];
        return hiddenValue === undefined || end === undefined || String(end) !== hiddenValue;
      });
    });

  // `drawn`: as the frame draws it now, fades and all (visibility visible, opacity above 0).
  const onScreen = (el, target, drawn = false) => {
    if (!el.isConnected || (adapter.placed && !adapter.placed(el))) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return false;
    const chain = [];
    for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) chain.push(n);
    if (getComputedStyle(el).visibility !== 'visible' && (drawn || !chain.some((n) => animatingTo(n, ['visibility'], 'hidden')))) return false;
    for (const n of chain) if (Number(getComputedStyle(n).opacity) === 0 && (drawn || !animatingTo(n, ['opacity'], '0'))) return false;
    if (!target) return true;
    const t = target.getBoundingClientRect();
    const m = 48;
    const near = r.left - m < t.right && r.right + m > t.left && r.top - m < t.bottom && r.bottom + m > t.top;
    return near || chain.some((n) => animatingTo(n, positionProps));
  };

  // Watches for `step`: `shownAt` when it is on screen (checked after every DOM change and every
  // frame; `check()` can also be called right after the action), then `drawnAt`, the first
  // animation frame that draws it. A frame's rendering work (animation-frame callbacks, style,
  // layout, ResizeObserver callbacks, paint) is one task: `inFrame` is set by this watcher's own
  // frame callback and cleared by a task it posts then, at the highest priority, so that it runs
  // right after the frame's task and before the timers and messages already waiting.
  const watch = (step, what) => {
    const target = document.querySelector(step.selector);
    let shown;
    let drawnAt;
    let done = false;
    let frame = 0;
    let inFrame = false;
    let settle;
    const promise = new Promise((resolve, reject) => (settle = { resolve, reject }));
    const frameOver = () => (inFrame = false);
    const afterFrame = globalThis.scheduler?.postTask
      ? () => void globalThis.scheduler.postTask(frameOver, { priority: 'user-blocking' })
      : () => setTimeout(frameOver);
    const finish = () => {
      done = true;
      observer.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    const fail = (error) => {
      finish();
      settle.reject(error);
    };
    const find = () => {
      try {
        return adapter.popover(step.title);
      } catch (error) {
        fail(error);
        return null;
      }
    };
    const drawnNow = () => {
      const el = find();
      if (done || !el || !onScreen(el, target, true)) return false;
      drawnAt = performance.now();
      finish();
      settle.resolve({ shownAt: shown.at, drawnAt, el: shown.el });
      return true;
    };
    const check = () => {
      if (done) return;
      if (!shown) {
        const el = find();
        if (!el || !onScreen(el, target)) return;
        shown = { at: performance.now(), el };
      }
      // In a frame's rendering work (this watcher's frame callback, or a change made later in the
      // same frame): that frame draws the popover as it is now.
      if (inFrame) drawnNow();
    };
    const observer = new MutationObserver(check);
    const options = { childList: true, subtree: true, attributes: true, characterData: true };
    observer.observe(document, options);
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) observer.observe(el.shadowRoot, options);
    const tick = () => {
      if (done) return;
      inFrame = true;
      afterFrame();
      check();
      if (!done) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    const timer = setTimeout(() => {
      fail(new Error(`${what}: step "${step.title}" was ${shown ? 'on screen but not drawn' : 'not on screen'} within ${timeoutMs} ms`));
    }, timeoutMs);
    return { check, promise, fail };
  };

  // Runs `action` and resolves with how long until `step` was on screen.
  const timed = async (step, what, action) => {
    const w = watch(step, what);
    const t0 = performance.now();
    try {
      const r = action();
      if (r && typeof r.catch === 'function') r.catch(w.fail);
    } catch (error) {
      w.fail(error);
    }
    w.check();
    const { shownAt, drawnAt, el } = await w.promise;
    return { shown: shownAt - t0, drawn: drawnAt - t0, el };
  };

  const waitGone = async (title, what) => {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const el = adapter.popover(title);
      if (!el || !onScreen(el)) return;
      if (performance.now() > until) throw new Error(`${what}: step "${title}" still on screen ${timeoutMs} ms after the tour ended`);
      await sleep(20);
    }
  };

  // Warm-up: loads what loads on first use (Waymark's UI chunk and config) and runs each library's code once.
  adapter.prepare(warmup);
  await timed(warmup.steps[0], 'warm-up', () => adapter.start());
  await sleep(settleMs);
  await adapter.stop();
  await waitGone(warmup.steps[0].title, 'warm-up');
  await sleep(settleMs);

  adapter.prepare(tour);
  const first = await timed(tour.steps[0], 'start', () => adapter.start());
  const nexts = [];
  let el = first.el;
  for (let i = 1; i < tour.steps.length; i++) {
    // A person reads a step before clicking Next: let every fade and move finish first.
    await sleep(settleMs);
    const button = adapter.nextButton(el);
    if (!button) throw new Error(`Next ${i}: no Next button in the popover of step "${tour.steps[i - 1].title}"`);
    const r = await timed(tour.steps[i], `Next ${i}`, () => button.click());
    nexts.push(r);
    el = r.el;
  }
  await sleep(settleMs);
  const last = tour.steps.at(-1);
  const doneButton = adapter.nextButton(el);
  if (!doneButton) throw new Error(`Done: no button in the popover of the last step "${last.title}"`);
  doneButton.click();
  await waitGone(last.title, 'Done');
  return { first: { shown: first.shown, drawn: first.drawn }, nexts: nexts.map(({ shown, drawn }) => ({ shown, drawn })) };
}
