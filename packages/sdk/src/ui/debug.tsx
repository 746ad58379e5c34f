import { h } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { debugGlobal } from '../ui-host.js';
import type { DebugInput } from './debug-report.js';
import type { RenderDebug } from './waymark-debug.js';

const loaded = (): RenderDebug | undefined => (window as unknown as Record<string, RenderDebug | undefined>)[debugGlobal];

/**
 * The debug panel: loads the debug chunk (`waymark-debug.js`, next to the UI chunk at `ui`) the
 * first time it is shown, then renders its report of `input` with the UI's `h`.
 */
export function Debug({ ui, input, title, close }: { ui: string; input: DebugInput; title: string; close(): void }) {
  const [report, setReport] = useState(loaded);
  useLayoutEffect(() => {
    if (report) return undefined;
    const script = document.createElement('script');
    script.src = new URL('waymark-debug.js', new URL(ui, location.href)).href;
    script.onload = () => setReport(loaded);
    document.head.append(script);
    return () => script.remove();
  }, []);
  return report ? report(h, input, title, close) : null;
}
