import { startWaymark } from './create-waymark.js';
import { replayStub } from './replay-stub.js';
import { scriptConfig } from './script-config.js';

/** A window that may hold the snippet's stub or a running tracker. */
export type WaymarkWindow = Window & { waymark?: unknown };

/**
 * What the script-tag build does on load: read the script tag, start the tracker, publish it as
 * `window.waymark` and replay the calls the snippet queued. Does nothing if a tracker already runs.
 */
export function autoStart(win: WaymarkWindow): void {
  try {
    const stub = win.waymark;
    if (stub !== undefined && !Array.isArray(stub)) return;
    const config = scriptConfig(win.document);
    if (!config) return;
    // Where it cannot start, the snippet's queue stays in place: calls are kept, nothing breaks.
    const waymark = startWaymark(config);
    win.waymark = waymark;
    replayStub(stub, waymark);
  } catch {
    // never break the host page
  }
}
