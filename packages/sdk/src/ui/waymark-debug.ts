import { debugGlobal } from '../ui-host.js';
import { debugPanel, type H } from './debug-panel.js';
import { debugReport, type DebugInput } from './debug-report.js';

/** What the debug chunk provides: the panel for the UI's current state, built with the UI's `h`. */
export type RenderDebug = (h: H, input: DebugInput, title: string, close: () => void) => ReturnType<typeof debugPanel>;

const renderDebug: RenderDebug = (h, input, title, close) => debugPanel(h, debugReport(input), title, close);

// Entry of the debug chunk (dist/waymark-debug.js), loaded by the UI chunk only in debug mode.
(window as unknown as Record<string, RenderDebug>)[debugGlobal] = renderDebug;
