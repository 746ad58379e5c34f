import { parseArgs } from 'node:util';

/** The simulator's command line, parsed. */
export interface SimulateArgs {
  seed: number;
  accounts: number;
  users: number;
  days: number;
  concurrency: number;
  url: string | undefined;
  key: string | undefined;
  dataDir: string | undefined;
  config: string | undefined;
  dryRun: boolean;
  help: boolean;
}

/** The `--help` text. */
export const simulateUsage = `Usage: pnpm simulate [options]   (or node examples/acme/dist/simulate/cli.js)

Generates a believable portfolio of Acme Projects customers and sends it to a running collector
through POST /v1/batch, with timestamps over the last --days days.

  --seed N          same seed, same population and message ids (default 1)
  --accounts N      customer accounts (default 200)
  --users N         users shared among them, at least one each (default 2000)
  --days N          days of history; accounts start spread over them (default 90)
  --url URL         the collector (default http://localhost:$PORT, PORT defaulting to 8787)
  --key sk_...      the app's secret key (default $WAYMARK_SECRET_KEY, else the demo's key in
                    <data dir>/demo-app.json)
  --data-dir DIR    where the demo keeps its data (default $WAYMARK_DATA_DIR or .waymark-data)
  --config FILE     the onboarding config JSON (default examples/acme/dist/waymark.config.json)
  --concurrency N   requests in flight (default 4)
  --dry-run         generate and print the summary without sending
  --help            this text`;

const whole = (name: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new TypeError(`--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  return n;
};

/** Parses and checks the arguments; throws a TypeError that names the bad option. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seed: { type: 'string' },
      accounts: { type: 'string' },
      users: { type: 'string' },
      days: { type: 'string' },
      concurrency: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  const accounts = whole('accounts', values.accounts, 200, 1, 100_000);
  const users = whole('users', values.users, 2000, 1, 1_000_000);
  if (users < accounts) throw new TypeError(`--users (${users}) must be at least --accounts (${accounts}): every account has a user`);
  return {
    seed: whole('seed', values.seed, 1, 0, 2 ** 31 - 1),
    accounts,
    users,
    days: whole('days', values.days, 90, 1, 365),
    concurrency: whole('concurrency', values.concurrency, 4, 1, 64),
    url: values.url,
    key: values.key,
    dataDir: values['data-dir'],
    config: values.config,
    dryRun: values['dry-run'] ?? false,
    help: values.help ?? false,
  };
}
