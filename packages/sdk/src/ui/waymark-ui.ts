import { uiGlobal } from '../ui-host.js';
import { mountUi } from './mount-ui.js';

// Entry of the UI chunk (dist/waymark-ui.js), loaded by the tracker with a script element: the one
// module of the chunk that acts when loaded, by defining the global the tracker calls on load.
(window as unknown as Record<string, typeof mountUi>)[uiGlobal] = mountUi;
