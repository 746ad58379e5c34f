import type { ConfigBody, UserState } from '@waymark/core';
import { storedGates } from './gate-lock.js';
import type { Identity } from './identity.js';
import type { Platform } from './platform.js';
import { guideStorageKey, uiGlobal, type RecordedMessage, type UiCommand, type UiHandle, type UiHost } from './ui-host.js';

/** What the tracker needs to look for guidance and load the UI chunk. */
export interface GuidanceOptions {
  api: string;
  key: string;
  /** URL of the UI chunk. */
  ui: string;
  platform: Platform;
  identity: Identity;
  /** The gates' stylesheet, which the UI chunk takes over. */
  sheet: CSSStyleSheet;
  track: (event: string, properties: Record<string, unknown>) => void;
}

/** The tracker's side of checklists and guides: config, state, and loading the UI when needed. */
export interface GuidanceLoader {
  /** Runs a UI method's call, or queues it (loading the UI when `load`). */
  command(command: UiCommand, load?: unknown): void;
  /** Tells the UI about a recorded message. */
  notify(message: RecordedMessage): void;
  destroy(): void;
}

/**
 * Fetches `/v1/config` and `/v1/state` once the identify calls made at startup have run, and loads
 * the UI chunk only when something must be shown: a checklist neither dismissed nor completed, an
 * active guide, gates, debug mode, or a UI call such as `startGuide`. The tracker never waits for any of
 * it. Requests are simple GETs (no CORS preflight); the browser's HTTP cache revalidates the config
 * with its ETag. Audiences are evaluated by the UI chunk: the evaluator would not fit the tracker's budget.
 */
export function createGuidance({ api, key, ui, platform, identity, sheet, track }: GuidanceOptions): GuidanceLoader {
  const commands: UiCommand[] = [];
  const listeners = new Set<(m: RecordedMessage) => void>();
  let handle: UiHandle | undefined;
  let script: HTMLElement | undefined;
  // JSON drops the parameters that are undefined.
  const get: UiHost['get'] = (path, params) =>
    platform
      .fetch(`${api}${path}?${new URLSearchParams(JSON.parse(JSON.stringify({ key, ...params })))}`)
      .then((r) => (r.status === 200 ? r.json() : undefined))
      .catch(() => undefined) as Promise<never>;
  let ready!: UiHost['ready'];

  const load = (): void => {
    if (script) return;
    const s = document.createElement('script');
    script = s;
    s.src = ui;
    // A script removed while it loads still runs: a tracker destroyed by then mounts nothing.
    s.onload = () => {
      const host: UiHost = { ready, get, identity, platform, track, listeners, commands, ui, sheet };
      if (script === s) handle = (window as unknown as Record<string, (h: UiHost) => UiHandle>)[uiGlobal]?.(host);
    };
    document.head.append(s);
  };

  // Whose state was asked for: an identify of someone else (before the UI loaded) asks again.
  let asked: string | undefined;
  const check = (): void => {
    const who = identity.state;
    asked = who.userId;
    // Nothing is asked about a visitor who withdrew consent.
    ready = identity.consented()
      ? Promise.all([
          get<ConfigBody>('/v1/config'),
          get<UserState>('/v1/state', { anonymousId: who.anonymousId, userId: who.userId, userHash: who.userHash }),
          who.userId,
        ])
      : // Every part unknown: [] reads as three undefineds.
        Promise.resolve([] as unknown as Awaited<UiHost['ready']>);
    void ready.then(([body, state]) => {
      const done = [...(state?.dismissed ?? []), ...(state?.snapshot?.completed ?? [])];
      const gates = storedGates(platform.storage)?.views;
      if (
        body?.config &&
        (platform.storage?.getItem(guideStorageKey) ||
          // Gates not known unlocked (a lock's hint and live unlock need the UI; unlocked ones do not).
          body.config.gates.some((g) => !gates?.[g.key]?.unlocked) ||
          body.config.checklists.some((c) => !done.includes(c.key)) ||
          // Guides (one may be active, a trigger may start one, the assistant finds them) or
          // announcements (What's new).
          body.config.guides[0] ||
          body.config.announcements?.[0])
      )
        load();
      // Without the UI, nothing is locked (and a collector out of reach never blocks the page).
      else sheet.replaceSync('');
    });
  };
  // After the calls replayed from the snippet's queue, so the state is the identified user's.
  queueMicrotask(check);
  // Debug mode (waymark_debug=1) and preview (waymark_preview=<key>): the UI reads which from the URL.
  if (location.search.includes('waymark_')) load();

  return {
    command(command, loadUi) {
      if (handle) handle.command(command);
      else {
        commands.push(command);
        if (loadUi) load();
      }
    },
    notify(message) {
      for (const l of listeners) l(message);
      if (message.type === 'identify' && !script && identity.state.userId !== asked) check();
    },
    destroy() {
      handle?.destroy();
      script?.remove();
      // Nothing loads after destroy: `load` sees a script already (one that is not in the page,
      // so a second destroy removes nothing).
      script = document.createElement('script');
    },
  };
}
