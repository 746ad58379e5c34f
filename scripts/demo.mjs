// The demo: the collector on its embedded database (serving the SDK build), and Acme Projects,
// an example product that embeds the script tag. Started by `pnpm demo` after `pnpm build`.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createApp,
  createCsmUser,
  createLogger,
  defaultSdkDir,
  listApps,
  listCsmUsers,
  openSql,
  rotateKeys,
  setOrigins,
  startCollector,
  DataDirLockedError,
} from '@waymark/collector';
import { startAcme } from '@waymark/example-acme';

const port = Number(process.env.PORT ?? 8787);
const acmePort = Number(process.env.ACME_PORT ?? 3000);
const dataDir = resolve(process.env.WAYMARK_DATA_DIR ?? '.waymark-data');
const appName = 'Acme Projects (demo)';
const origins = [`http://localhost:${acmePort}`, `http://127.0.0.1:${acmePort}`];
// `pnpm demo --simulate` fills the demo with simulated customers even when it already has them,
// `--no-simulate` never does; any other arguments go to the simulator (e.g. --seed 7 --accounts 50).
const args = process.argv.slice(2);
const simulateFlag = args.includes('--no-simulate') ? 'never' : args.includes('--simulate') ? 'force' : 'once';
const simulatorArgs = args.filter((a) => a !== '--simulate' && a !== '--no-simulate' && a !== '--');

/** Starts a server with `start`; if that fails, runs `cleanup`, and a port already in use ends the demo saying `taken`. */
async function listenOrExit(start, cleanup, taken) {
  try {
    return await start();
  } catch (error) {
    await cleanup();
    if (error.code === 'EADDRINUSE') {
      console.error(taken);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  let sql;
  try {
    sql = await openSql({ databaseUrl: process.env.DATABASE_URL, dataDir, command: 'pnpm demo' });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(3);
    }
    throw error;
  }
  // The demo app's keys live next to its data so a restart finds them; the secret is shown once per creation.
  const keysFile = join(dataDir, 'demo-app.json');
  const app = (await listApps(sql)).find((a) => a.name === appName);
  let keys;
  if (!app) {
    keys = await createApp(sql, { name: appName, origins });
  } else if (existsSync(keysFile)) {
    keys = JSON.parse(readFileSync(keysFile, 'utf8'));
    await setOrigins(sql, app.appId, origins);
  } else {
    keys = { ...(await rotateKeys(sql, app.appId, 'secret')), appId: app.appId };
    await setOrigins(sql, app.appId, origins);
  }
  if (!process.env.DATABASE_URL) {
    writeFileSync(keysFile, JSON.stringify(keys, null, 2));
    chmodSync(keysFile, 0o600);
  }
  const dashboardLogin = await ensureDemoCsm(sql, keys.appId);
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  const collector = await listenOrExit(
    () => startCollector({ sql, log, port, host: '0.0.0.0', sdkDir: defaultSdkDir() }),
    () => sql.close(),
    `Port ${port} is taken. Stop what uses it, or start the demo with another: PORT=8788 pnpm demo`,
  );
  const collectorUrl = `http://localhost:${port}`;
  // Acme's onboarding (examples/acme/waymark.config.ts, built to JSON) is pushed like an author
  // would with `waymark push`: through the admin API, so the collector validates and versions it.
  const onboarding = await pushAcmeConfig(collector.url, keys.secretKey);
  const portfolio = await simulatePortfolio(collector, keys.secretKey);
  const acme = await listenOrExit(
    () => startAcme({ port: acmePort, collectorUrl, publicKey: keys.publicKey, host: '0.0.0.0' }),
    () => collector.close(),
    `Port ${acmePort} is taken. Stop what uses it, or start the demo with another: ACME_PORT=3001 pnpm demo`,
  );
  console.log(`
Waymark demo is running.

  Acme Projects (the example product):  http://localhost:${acmePort}/login.html
  Collector:                            ${collectorUrl}   (health: ${collectorUrl}/healthz)
  SDK served by the collector:          ${collectorUrl}/sdk/waymark.js
  CSM dashboard:                        ${collectorUrl}/dashboard
    ${dashboardLogin}
  Data directory (embedded database):   ${dataDir}

  Onboarding config:                    ${onboarding}
  Simulated customers:                  ${portfolio}

  App id ${keys.appId}, public key ${keys.publicKey}
  Secret key (admin API): ${keys.secretKey}

Click around Acme, then see the events it sent:
  curl -s -H "Authorization: Bearer ${keys.secretKey}" '${collectorUrl}/v1/admin/events?limit=20'

Ctrl+C stops both (batches in flight are finished first).
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await acme.close();
    await collector.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// A living portfolio for the dashboard: examples/acme/src/simulate generates ~200 accounts and
// 2,000 users over 90 days and sends them through POST /v1/batch like any client. It runs as a
// child process (generating and sending take the other core) once per data directory.
async function simulatePortfolio(collector, secretKey) {
  const marker = join(dataDir, 'simulated.json');
  if (simulateFlag === 'never') return 'not simulated (--no-simulate)';
  if (simulateFlag === 'once' && process.env.DATABASE_URL) return 'not simulated into DATABASE_URL (pnpm demo --simulate does)';
  if (simulateFlag === 'once' && existsSync(marker)) {
    const { at } = JSON.parse(readFileSync(marker, 'utf8'));
    return `simulated on ${at} (pnpm demo --simulate runs it again)`;
  }
  const cli = fileURLToPath(new URL('../examples/acme/dist/simulate/cli.js', import.meta.url));
  if (!existsSync(cli)) return 'not simulated (examples/acme/dist/simulate/cli.js is missing: run pnpm build)';
  console.log('Filling the demo with simulated customers (once per data directory, about half a minute; pnpm demo --no-simulate skips it) ...');
  const child = spawn(process.execPath, [cli, '--url', collector.url, ...simulatorArgs], {
    stdio: 'inherit',
    env: { ...process.env, WAYMARK_SECRET_KEY: secretKey },
  });
  // Ctrl+C reaches the simulator too; the collector still closes its database cleanly. Messages
  // already sent are kept, and a later run resends the rest (same seed, same message ids).
  const interrupt = async () => {
    await collector.close();
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  const code = await new Promise((resolvePromise) => child.once('exit', (c) => resolvePromise(c)));
  process.off('SIGINT', interrupt);
  if (code !== 0) return `the simulation failed (exit ${code}); pnpm simulate tries again`;
  if (!process.env.DATABASE_URL) writeFileSync(marker, `${JSON.stringify({ at: new Date().toISOString(), args: simulatorArgs })}\n`);
  return 'sent now';
}

// A dashboard login for the demo: an admin CSM created on first start with a generated password,
// kept next to the demo's data (like its keys) so a restart can show it again. With DATABASE_URL
// the password is shown only when it is created.
async function ensureDemoCsm(sql, appId) {
  const email = 'demo@waymark.local';
  const file = join(dataDir, 'demo-csm.json');
  if ((await listCsmUsers(sql)).some((u) => u.email === email)) {
    if (!process.env.DATABASE_URL && existsSync(file)) return `log in as ${email}, password ${JSON.parse(readFileSync(file, 'utf8')).password}`;
    return `log in as ${email} (its password was shown when it was created; or: waymark-collector csm create)`;
  }
  const { generatedPassword } = await createCsmUser(sql, { email, name: 'Demo admin', role: 'admin', apps: [appId] }, Date.now());
  if (!process.env.DATABASE_URL) {
    writeFileSync(file, JSON.stringify({ email, password: generatedPassword }, null, 2));
    chmodSync(file, 0o600);
  }
  return `log in as ${email}, password ${generatedPassword}`;
}

async function pushAcmeConfig(url, secretKey) {
  const file = new URL('../examples/acme/dist/waymark.config.json', import.meta.url);
  if (!existsSync(file)) return 'not pushed (examples/acme/dist/waymark.config.json is missing: run pnpm build)';
  const res = await fetch(`${url}/v1/admin/config?note=${encodeURIComponent('pnpm demo: examples/acme/waymark.config.ts')}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    body: readFileSync(file, 'utf8'),
  });
  const body = await res.json();
  if (!res.ok) return `not pushed (${res.status} ${body.error?.code}: ${body.error?.message})`;
  return `version ${body.version}${body.created ? ' (pushed now)' : ' (unchanged)'}, from examples/acme/waymark.config.ts`;
}

main().catch((error) => {
  console.error(`The demo could not start: ${error.stack ?? error}`);
  process.exit(1);
});
