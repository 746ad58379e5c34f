import { createMessageId, defaultFlushRules, featureUsedEvent, type MessageInput } from '@waymark/core';
import { defaultPlatform } from './default-platform.js';
import { createDelivery } from './delivery.js';
import { guard } from './guard.js';
import { createIdentity } from './identity.js';
import { noopWaymark } from './noop-waymark.js';
import { messageContext, pageInfo } from './page-context.js';
import type { Properties, Waymark, WaymarkOptions } from './types.js';
import { invalid, isId, isName, isProps } from './valid.js';
import { watchFeatures } from './watch-features.js';
import { watchLifecycle } from './watch-lifecycle.js';
import { watchRoute } from './watch-route.js';
import { warn } from './debug.js';
import { preLockGates, storedGates, type GateView } from './gate-lock.js';
import { createGuidance } from './guidance.js';
import { stubMethods } from './replay-stub.js';
import type { RecordedMessage, UiCommand } from './ui-host.js';

// The UI methods; the first four load the UI chunk, `ui()` settings and `quiet()` do not.
const uiMethods = stubMethods.slice(7, 13) as unknown as readonly ['startGuide', 'showChecklist', 'debug', 'preview', 'ui', 'quiet'];

type MessageBody =
  | { type: 'track'; event: string; properties: Properties }
  | { type: 'identify'; traits: Properties }
  | { type: 'group'; groupId: string; traits: Properties }
  | { type: 'page'; name?: string; properties: Properties };

const noop = (): void => undefined;
// What a guarded method returns when it fails (isUnlocked and gate cannot: storedGates catches).
const fallbacks: Record<string, unknown> = { flush: Promise.resolve(), onGateChange: noop };

/** Starts a tracker from valid options; throws where it cannot run (see `createWaymark`). */
export function startWaymark(options: WaymarkOptions): Waymark {
  const platform = defaultPlatform(options.platform);
  const api$ = options.api.replace(/\/+$/, '');
  const newId = (): string => createMessageId(platform.randomBytes);
  const identity = createIdentity(platform.storage, newId);
  const delivery = createDelivery({
    url: `${api$}/v1/batch`,
    writeKey: options.key,
    platform,
    rules: { ...defaultFlushRules, ...options.flush },
    maxQueue: options.maxQueue ?? 1000,
    restore: identity.consented(),
  });
  let referrer = document.referrer;
  let destroyed = false;

  const record = (body: MessageBody): void => {
    if (destroyed || !identity.consented()) return;
    identity.keep();
    const { anonymousId, userId, groupId, userHash } = identity.state;
    const message: MessageInput = {
      ...body,
      messageId: newId(),
      timestamp: new Date(platform.now()).toISOString(),
      anonymousId,
      userId,
      context: { ...messageContext(pageInfo(referrer), groupId), userHash },
    };
    guidance?.notify(message as RecordedMessage);
    if (!delivery.enqueue(message.messageId, JSON.stringify(message)) && typeof __DEBUG__ !== 'undefined' && __DEBUG__) {
      warn(`${body.type} dropped: message larger than the collector accepts`);
    }
  };

  const methods: Waymark = {
    identify: (userId: string | number, traits?: Properties, verify?: { userHash?: string }) => {
      if (!isId(userId) || !isProps(traits)) return invalid('identify', [userId, traits]);
      const id = String(userId);
      // Traits accumulate for the same user; a different user starts from none.
      const merged = { ...(id === identity.state.userId ? identity.state.traits : {}), ...traits };
      identity.update({ userId: id, traits: merged, userHash: verify?.userHash });
      record({ type: 'identify', traits: merged });
    },
    group: (accountId: string | number, traits?: Properties) => {
      if (!isId(accountId) || !isProps(traits)) return invalid('group', [accountId, traits]);
      const groupId = String(accountId);
      identity.update({ groupId });
      record({ type: 'group', groupId, traits: { ...traits } });
    },
    track: (event: string, properties?: Properties) => {
      if (!isName(event) || !isProps(properties)) return invalid('track', [event, properties]);
      record({ type: 'track', event, properties: { ...properties } });
    },
    page: (name?: string | Properties, properties?: Properties) => {
      // page(properties) is accepted as well as page(name, properties)
      if (typeof name === 'object' && name !== null && properties === undefined) [name, properties] = [undefined, name];
      if ((name != null && !isName(name)) || !isProps(properties)) return invalid('page', [name, properties]);
      const page: MessageBody = { type: 'page', properties: { ...pageInfo(referrer), ...properties } };
      record(name == null ? page : { ...page, name });
    },
    // The UI hears of it: a preview starts over as the new visitor sees it.
    reset: () => (identity.reset(), guidance?.command(['reset', []])),
    consent: (granted: boolean) => {
      if (typeof granted !== 'boolean') return invalid('consent', [granted]);
      identity.setConsent(granted);
      if (!granted) delivery.clear();
    },
    flush: () => (destroyed ? Promise.resolve() : delivery.flush()).catch(() => undefined),
    // UI methods run in the UI chunk; `ui()` settings and quiet() alone do not load it, nor does debug(false).
    ...(Object.fromEntries(
      // The public API's types are the commands' argument types (see Waymark).
      uiMethods.map((name, i) => [name, (...args: unknown[]) => guidance?.command([name, args] as UiCommand, args[0] !== false && i < 4)]),
    ) as Pick<Waymark, (typeof uiMethods)[number]>),
    // The UI chunk keeps the stored lock current, so reading it is always the newest state.
    isUnlocked: (key: string) => !!methods.gate(key)?.unlocked,
    gate: (key: string) => storedGates(platform.storage)?.views[key],
    // The UI chunk calls `cb` (it loads whenever there are gates) until `w.cb` is cleared.
    onGateChange: (key: string, cb: ((view: GateView) => void) | undefined) => {
      if (typeof cb !== 'function') return invalid('onGateChange', [key, cb]) ?? noop;
      const w: { key: string; cb?: (view: GateView) => void } = { key, cb };
      guidance?.command(['onGateChange', [w]], true);
      return () => void delete w.cb;
    },
    destroy: () => {
      destroyed = true;
      guidance?.destroy();
      // The lock's stylesheet leaves the page's list.
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((x) => x !== sheet);
      delivery.destroy();
      for (const cleanup of cleanups) cleanup();
    },
  };
  // Every public method is guarded, named after its key (for the debug build's warnings).
  const api = Object.fromEntries(
    Object.entries(methods).map(([name, fn]) => [name, guard(name, fn as (...a: unknown[]) => unknown, fallbacks[name])]),
  ) as unknown as Waymark;

  const sheet = options.ui === false ? undefined : preLockGates(platform.storage);
  const guidance =
    options.ui === false
      ? undefined
      : createGuidance({
          api: api$,
          key: options.key,
          ui: options.ui ?? `${api$}/sdk/waymark-ui.js`,
          platform,
          identity,
          sheet: sheet!,
          track: (e, p) => api.track(e, p),
        });
  const cleanups = [watchLifecycle(guard('beacon', delivery.beacon, undefined), () => void api.flush())];
  if (options.featureClicks !== false) cleanups.push(watchFeatures((feature) => api.track(featureUsedEvent, { feature })));
  if (options.autoPage !== false) {
    cleanups.push(
      watchRoute((previous) => {
        referrer = previous;
        api.page();
      }),
    );
    // After the current task, so identify/group/consent calls made right after creation (or replayed
    // from the snippet's queue) apply to the first page view.
    queueMicrotask(() => api.page());
  }
  return api;
}

/**
 * Starts a tracker: automatic page views, feature clicks, batching, retries and the offline queue.
 * Never throws; where it cannot run (no DOM) it returns an instance that does nothing.
 */
export function createWaymark(options: WaymarkOptions): Waymark {
  try {
    if (typeof options.key === 'string' && options.key !== '' && typeof options.api === 'string') return startWaymark(options);
  } catch (error) {
    if (typeof __DEBUG__ !== 'undefined' && __DEBUG__) warn('could not start', error);
  }
  return noopWaymark();
}
