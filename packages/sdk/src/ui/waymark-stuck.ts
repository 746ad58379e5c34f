import { stuckGlobal } from '../ui-host.js';
import { stuckWatch } from './stuck-watch.js';

// Entry of the stuck-detection chunk (dist/waymark-stuck.js), loaded by the UI chunk once a user
// has a checklist item to do: defines the watch for the nudges to start.
(window as unknown as Record<string, typeof stuckWatch>)[stuckGlobal] = stuckWatch;
