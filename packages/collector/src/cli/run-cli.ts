import { parseArgs } from 'node:util';
import { openSql, type StorageOptions } from '../db/open-sql.js';
import type { Sql } from '../db/sql.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { ensureDefaultApp } from '../apps/ensure-default-app.js';
import { createLogger, type LogLevel } from '../log.js';
import { defaultSdkDir } from '../http/sdk-dir.js';
import { startCollector } from '../start-collector.js';
import { AppInputError, createApp, listApps, rotateKeys, setOrigins, setRequireUserHash } from '../apps/apps.js';
import { usage } from './usage.js';
import { csmCommand, UnknownCsmCommand, type WithSql } from './csm-command.js';
import { sendControl, serveControl, type ControlAnswer } from './control-socket.js';
import { CsmInputError } from '../auth/csm-input-error.js';

type Env = Record<string, string | undefined>;

const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
const out = (text: string) => process.stdout.write(line(text));

function storage(env: Env, command: string): StorageOptions {
  return { databaseUrl: env['DATABASE_URL'] || undefined, dataDir: env['WAYMARK_DATA_DIR'] || './.waymark-data', command };
}

async function withSql<T>(env: Env, command: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = await openSql(storage(env, command));
  try {
    return await fn(sql);
  } finally {
    await sql.close();
  }
}

async function serveCommand(env: Env): Promise<number | undefined> {
  const port = Number(env['PORT'] ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env['PORT']}"`);
  const level = (env['LOG_LEVEL'] ?? 'info') as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new Error(`LOG_LEVEL must be debug, info, warn or error, got "${level}"`);
  const log = createLogger({ level });
  const sql = await openSql(storage(env, 'serve'));
  const created = await ensureDefaultApp(sql);
  // On the embedded database no other process may open the data directory: `apps` and `csm`
  // commands started meanwhile run here, through the directory's control socket.
  const dataDir = storage(env, 'serve').dataDir;
  const stopControl =
    sql.engine === 'pglite' && dataDir
      ? await serveControl(dataDir, (argv) => answerManagement(argv, (_name, fn) => fn(sql))).catch(() => undefined)
      : undefined;
  const trustProxy = env['TRUST_PROXY'] === '1' || env['TRUST_PROXY'] === 'true';
  // WAYMARK_SUMMARISE_EVERY_MS: how often account summaries are refreshed (default 10 s); the summaries bench compares.
  const summariseEvery = Number(env['WAYMARK_SUMMARISE_EVERY_MS'] ?? '');
  for (const app of await listApps(sql)) {
    if (app.requireUserHash) continue;
    log.warn(
      'identity verification is off: a browser with the public key can claim any user id, so it is served only the traits the config reads, and traits it sends are not trusted; turn it on with: waymark-collector apps identity <appId> --require',
      { appId: app.appId, name: app.name },
    );
  }
  const collector = await startCollector({
    sql,
    log,
    port,
    host: env['HOST'] || '0.0.0.0',
    sdkDir: defaultSdkDir(),
    trustProxy,
    // WAYMARK_CHECK_RESPONSES=1: check every answer against the API contract (development and tests).
    checkResponses: env['WAYMARK_CHECK_RESPONSES'] === '1',
    ...(summariseEvery > 0 ? { summariseEveryMs: summariseEvery } : {}),
  });
  // Listening for the signals before anything is printed: whoever reads the output may stop it at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info('shutting down: finishing in-flight requests', { signal });
      void Promise.all([stopControl?.(), collector.close()]).then(() => {
        log.info('stopped');
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (created) {
    log.info('created the default app', { appId: created.appId, publicKey: created.publicKey });
    process.stderr.write(
      `\nNo app existed, so Waymark created one. Keep the secret key: it is shown only now.\n` +
        `  app id:      ${created.appId}\n  public key:  ${created.publicKey}\n  secret key:  ${created.secretKey}\n` +
        `  script tag:  <script async src="${collector.url}/sdk/waymark.js" data-key="${created.publicKey}"></script>\n\n`,
    );
  }
  log.info('collector started', { url: collector.url, database: sql.engine });
  await stopped;
  return 0;
}

async function appsCommand(args: string[], withSql: WithSql, out: (text: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      public: { type: 'boolean', default: false },
      secret: { type: 'boolean', default: false },
      require: { type: 'boolean', default: false },
      optional: { type: 'boolean', default: false },
    },
  });
  const print = (value: unknown, human: string) => out(values.json ? JSON.stringify(value) : human);
  switch (sub) {
    case 'create': {
      if (!values.name) throw new AppInputError('--name is required');
      const keys = await withSql('apps create', (sql) => createApp(sql, { name: values.name!, origins: values.origin ?? [] }));
      print(keys, `app id:      ${keys.appId}\npublic key:  ${keys.publicKey}\nsecret key:  ${keys.secretKey}   (shown only now)`);
      return 0;
    }
    case 'list': {
      const apps = await withSql('apps list', (sql) => listApps(sql));
      print(apps, apps.length === 0 ? 'no apps' : apps.map((a) => `${a.appId}  ${a.publicKey}  ${a.name}  [${a.origins.join(', ')}]`).join('\n'));
      return 0;
    }
    case 'rotate-keys': {
      const appId = positionals[0];
      if (!appId) throw new AppInputError('give the app id: apps rotate-keys APP_ID');
      if (values.public && values.secret) throw new AppInputError('give --public or --secret, or neither to rotate both');
      const which = values.public ? 'public' : values.secret ? 'secret' : 'both';
      const keys = await withSql('apps rotate-keys', (sql) => rotateKeys(sql, appId, which));
      print(keys, `app id:      ${keys.appId}\npublic key:  ${keys.publicKey}${keys.secretKey ? `\nsecret key:  ${keys.secretKey}   (shown only now)` : ''}`);
      return 0;
    }
    case 'origins': {
      const appId = positionals[0];
      if (!appId) throw new AppInputError('give the app id: apps origins APP_ID --origin URL');
      await withSql('apps origins', (sql) => setOrigins(sql, appId, values.origin ?? []));
      print({ appId, origins: values.origin ?? [] }, `origins of ${appId}: ${(values.origin ?? []).join(', ') || '(none)'}`);
      return 0;
    }
    case 'identity': {
      const appId = positionals[0];
      if (!appId || values.require === values.optional)
        throw new AppInputError('give the app id and one of --require or --optional: apps identity APP_ID --require');
      await withSql('apps identity', (sql) => setRequireUserHash(sql, appId, values.require));
      print(
        { appId, requireUserHash: values.require },
        values.require
          ? `identity verification of ${appId}: required (browser calls naming a userId must send userHash = hex(HMAC-SHA256(secret key, userId)))`
          : `identity verification of ${appId}: optional`,
      );
      return 0;
    }
    default:
      throw new AppInputError(`unknown apps command "${sub ?? ''}"\n\n${usage}`);
  }
}

const inputError = (error: unknown): boolean =>
  error instanceof AppInputError ||
  error instanceof CsmInputError ||
  error instanceof UnknownCsmCommand ||
  (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';

/** Runs an `apps` or `csm` command on `withSql`'s database; bad input is exit code 2 with what is wrong. */
async function manage(argv: string[], withSql: WithSql, print: (text: string) => void, printError: (text: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  try {
    return command === 'apps' ? await appsCommand(rest, withSql, print) : await csmCommand(rest, withSql, print);
  } catch (error) {
    if (!inputError(error)) throw error;
    printError(`waymark-collector: ${(error as Error).message}\n`);
    return 2;
  }
}

/** A management command asked for through the control socket, run on the serving process's database. */
async function answerManagement(argv: string[], withSql: WithSql): Promise<ControlAnswer> {
  const answer: ControlAnswer = { code: 1, out: '', err: '' };
  // `--password-stdin` reads this process's stdin, not the asker's: refused here.
  if (!['apps', 'csm'].includes(argv[0] ?? '') || argv.includes('--password-stdin')) {
    answer.err = 'waymark-collector: only apps and csm commands without --password-stdin run through a running collector\n';
    return answer;
  }
  answer.code = await manage(
    argv,
    withSql,
    (text) => {
      answer.out += line(text);
    },
    (text) => {
      answer.err += text;
    },
  );
  return answer;
}

/** Runs the `waymark-collector` command; returns the exit code. */
export async function runCli(argv: string[], env: Env): Promise<number | undefined> {
  const [command] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(env);
      case 'apps':
      case 'csm':
        try {
          return await manage(
            argv,
            (name, fn) => withSql(env, name, fn),
            out,
            (text) => process.stderr.write(text),
          );
        } catch (error) {
          // A collector holds the embedded database: it runs the command (except one reading stdin).
          if (!(error instanceof DataDirLockedError) || argv.includes('--password-stdin')) throw error;
          const answer = await sendControl(error.dir, argv);
          if (!answer) throw error;
          process.stdout.write(answer.out);
          process.stderr.write(answer.err);
          return answer.code;
        }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(usage);
        return 0;
      default:
        process.stderr.write(`waymark-collector: unknown command "${command}"\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof DataDirLockedError || inputError(error)) {
      process.stderr.write(`waymark-collector: ${(error as Error).message}\n`);
      return error instanceof DataDirLockedError ? 3 : 2;
    }
    throw error;
  }
}
