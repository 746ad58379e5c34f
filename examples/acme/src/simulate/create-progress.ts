import { formatDuration } from './format-duration.js';

/** Where progress goes: a terminal gets a redrawn bar, anything else a line every few seconds. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Reports events sent out of a known total. */
export interface Progress {
  update(sent: number): void;
  /** Draws the final state and ends the line. */
  done(): void;
}

const number = new Intl.NumberFormat('en-US');

/**
 * A progress display for `total` events: on a TTY a bar redrawn at most 10 times a second with
 * events sent, events/s and ETA; otherwise a plain line every `plainEveryMs`. No timers: it
 * draws when told of progress, so there is nothing to clean up.
 */
export function createProgress(stream: ProgressStream, total: number, options: { now?: () => number; plainEveryMs?: number } = {}): Progress {
  const now = options.now ?? Date.now;
  const plainEveryMs = options.plainEveryMs ?? 5000;
  const started = now();
  let last = -Infinity;
  let sent = 0;
  const line = () => {
    const seconds = Math.max(0.001, (now() - started) / 1000);
    const rate = sent / seconds;
    const eta = rate > 0 ? (total - sent) / rate : 0;
    const share = total > 0 ? sent / total : 1;
    return { share, text: `${number.format(sent)} / ${number.format(total)} events  ${number.format(Math.round(rate))} events/s  ETA ${formatDuration(eta)}` };
  };
  const draw = (final: boolean) => {
    const { share, text } = line();
    if (stream.isTTY) {
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - text.length - 10));
      const filled = Math.round(share * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${text}\x1b[K${final ? '\n' : ''}`);
    } else {
      stream.write(`${String(Math.floor(share * 100)).padStart(3)}%  ${text}\n`);
    }
  };
  return {
    update(value) {
      sent = value;
      const t = now();
      if (t - last < (stream.isTTY ? 100 : plainEveryMs)) return;
      last = t;
      draw(false);
    },
    done() {
      draw(true);
    },
  };
}
