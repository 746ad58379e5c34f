// `pnpm simulate`: generates Acme's customer portfolio and sends it to a running collector.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateConfig } from '@waymark/core';
import { formatSummary } from './format-summary.js';
import { parseSimulateArgs, simulateUsage, type SimulateArgs } from './parse-simulate-args.js';
import { runSimulation } from './run-simulation.js';
import { SendError } from './send-batches.js';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function readKey(args: SimulateArgs): string {
  const key = args.key ?? process.env['WAYMARK_SECRET_KEY'];
  if (key) return key;
  const file = join(resolve(args.dataDir ?? process.env['WAYMARK_DATA_DIR'] ?? '.waymark-data'), 'demo-app.json');
  if (!existsSync(file)) fail(`No key: pass --key sk_... (the app's secret key), or start \`pnpm demo\` first, which keeps its keys in ${file}.`);
  const secretKey = (JSON.parse(readFileSync(file, 'utf8')) as { secretKey?: unknown }).secretKey;
  if (typeof secretKey !== 'string') fail(`${file} has no secretKey; pass --key sk_...`);
  return secretKey;
}

async function main() {
  let args: SimulateArgs;
  try {
    args = parseSimulateArgs(process.argv.slice(2));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${simulateUsage}`);
  }
  if (args.help) {
    console.log(simulateUsage);
    return;
  }
  const configFile = args.config ?? new URL('../waymark.config.json', import.meta.url).pathname;
  if (!existsSync(configFile)) fail(`The onboarding config ${configFile} is missing: run \`pnpm build\` (or pass --config).`);
  const checked = validateConfig(JSON.parse(readFileSync(configFile, 'utf8')));
  if (!checked.ok) fail(`${configFile} is not a valid config: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const key = args.dryRun ? 'sk_dry_run' : readKey(args);
  if (key.startsWith('pk_')) fail('That is a public key; the simulator sends from a server, like a Segment server-side client: pass the secret key (sk_...).');
  const url = args.url ?? `http://localhost:${process.env['PORT'] ?? 8787}`;
  const options = {
    seed: args.seed,
    accounts: args.accounts,
    users: args.users,
    days: args.days,
    now: Date.now(),
    url,
    key,
    config: checked.config,
    concurrency: args.concurrency,
  };
  console.log(
    `Simulating ${args.accounts} accounts and ${args.users} users over ${args.days} days (seed ${args.seed})${args.dryRun ? ', dry run' : ` into ${url}`} ...`,
  );
  const noSend: typeof fetch = async (_input, init) => {
    const body = JSON.parse(String(init?.body)) as { batch: unknown[] };
    return new Response(JSON.stringify({ ok: true, accepted: body.batch.length, duplicates: 0, rejected: 0 }), { status: 200 });
  };
  if (!args.dryRun) {
    const health = await fetch(`${url}/healthz`).catch(() => undefined);
    if (!health) fail(`No collector answers at ${url}: start \`pnpm demo\` (or pass --url).`, 1);
  }
  try {
    const summary = await runSimulation({ ...options, progress: process.stdout, ...(args.dryRun ? { fetch: noSend } : {}) });
    console.log(formatSummary(summary, { dryRun: args.dryRun }));
  } catch (error) {
    if (error instanceof SendError) fail(`\n${error.message}`, 1);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`The simulation failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
