import { h } from 'preact';
import { debugGlobal } from '../ui-host.js';
import type { DebugInput } from './debug-report.js';
import { useChunk } from './use-chunk.js';
import type { RenderDebug } from './waymark-debug.js';

/**
 * The debug panel: loads the debug chunk (`waymark-debug.js`, next to the UI chunk at `ui`) the
 * first time it is shown, then renders its report of `input` with the UI's `h`.
 */
export function Debug({ ui, input, title, close }: { ui: string; input: DebugInput; title: string; close(): void }) {
  const report = useChunk<RenderDebug>(ui, 'waymark-debug.js', debugGlobal);
  return report ? report(h, input, title, close) : null;
}
