import { h } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

const toastMs = 4000;

/** A celebration: the lines one moment earned, shown for a few seconds at the top of the page. */
export function Toast({ lines, done }: { lines: readonly string[]; done(): void }) {
  useLayoutEffect(() => {
    const timer = setTimeout(done, toastMs + 1500 * (lines.length - 1));
    return () => clearTimeout(timer);
  }, [lines]);
  return (
    <div class="toast">
      {lines.map((line) => (
        <div>{line}</div>
      ))}
    </div>
  );
}
