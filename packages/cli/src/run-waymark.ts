import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  configJsonSchema,
  validateConfig,
  type ConfigError,
  type ConfigPushed,
  type ConfigRestored,
  type ConfigVersionList,
  type StoredConfig,
} from '@waymark/core';
import { CliError } from './cli-error.js';
import { collectorClient, CollectorRefused, type CollectorClient } from './collector-client.js';
import { loadConfigFile } from './load-config-file.js';
import { usage } from './usage.js';

type Env = Record<string, string | undefined>;

/** Where the CLI writes; tests and the entry point pass process streams. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

const printErrors = (io: Output, errors: readonly ConfigError[]) => {
  for (const e of errors) io.err(`${e.path || '(document)'}: ${e.message}`);
};

function positiveInt(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 1) throw new CliError(`${what} must be a version number (1, 2, ...), got "${value ?? ''}"`, 2);
  return n;
}

async function validateFile(file: string | undefined, io: Output, reportValid = true): Promise<{ document: unknown; ok: boolean }> {
  if (!file) throw new CliError('give the config file: waymark validate waymark.config.json', 2);
  const document = await loadConfigFile(file);
  const result = validateConfig(document);
  if (result.ok) {
    const c = result.config;
    if (reportValid)
      io.out(
        `${file}: valid (${c.features.length} features, ${c.milestones.length} milestones, ${c.checklists.length} checklists, ${c.guides.length} guides, ${c.announcements.length} announcements)`,
      );
    return { document, ok: true };
  }
  io.err(`${file}: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}`);
  printErrors(io, result.errors);
  return { document, ok: false };
}

async function remote(client: CollectorClient, io: Output, command: string, positionals: string[], values: Record<string, unknown>): Promise<number> {
  switch (command) {
    case 'push': {
      const { document, ok } = await validateFile(positionals[0], io, false);
      if (!ok) return 1;
      const note = typeof values['note'] === 'string' ? `?note=${encodeURIComponent(values['note'])}` : '';
      const res = await client.request('PUT', `/v1/admin/config${note}`, JSON.stringify(document));
      const body = res.body as ConfigPushed;
      io.out(body.created ? `pushed version ${body.version}` : `unchanged: version ${body.version} is already this config`);
      return 0;
    }
    case 'pull': {
      const version = values['version'] === undefined ? undefined : positiveInt(values['version'] as string, '--version');
      const res = await client.request('GET', `/v1/admin/config${version === undefined ? '' : `?version=${version}`}`);
      const body = res.body as StoredConfig;
      const json = `${JSON.stringify(body.config, null, 2)}\n`;
      if (typeof values['out'] === 'string') {
        await writeFile(values['out'], json);
        io.err(`wrote version ${body.version} to ${values['out']}`);
      } else io.out(json);
      return 0;
    }
    case 'versions': {
      const { versions } = (await client.request('GET', '/v1/admin/config/versions')).body as ConfigVersionList;
      if (values['json']) io.out(JSON.stringify(versions));
      else if (versions.length === 0) io.out('no config pushed yet');
      else {
        const current = versions[0]!.version;
        for (const v of versions) {
          const extra = [v.restoredFrom === null ? '' : `restored from ${v.restoredFrom}`, v.note ?? ''].filter(
            (s) => s !== '' && s !== `restored from version ${v.restoredFrom}`,
          );
          io.out(`${v.version === current ? '*' : ' '} ${String(v.version).padStart(4)}  ${v.createdAt}  ${extra.join(' · ')}`.trimEnd());
        }
      }
      return 0;
    }
    case 'restore': {
      const version = positiveInt(positionals[0], 'the version to restore');
      const body = (
        await client.request('POST', '/v1/admin/config/restore', { version, ...(typeof values['note'] === 'string' ? { note: values['note'] } : {}) })
      ).body as ConfigRestored;
      io.out(`restored version ${version} as version ${body.version} (now current)`);
      return 0;
    }
    default:
      throw new CliError(`unknown command "${command}"\n\n${usage}`, 2);
  }
}

/** Runs the `waymark` command; returns the exit code (0 done, 1 failed or invalid, 2 bad usage). */
export async function runWaymark(argv: string[], env: Env, io: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        key: { type: 'string' },
        note: { type: 'string' },
        version: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(usage);
        return 0;
      case 'validate':
        return (await validateFile(positionals[0], io)).ok ? 0 : 1;
      case 'schema':
        io.out(JSON.stringify(configJsonSchema(), null, 2));
        return 0;
      case 'push':
      case 'pull':
      case 'versions':
      case 'restore': {
        const client = collectorClient(values.url ?? env['WAYMARK_URL'] ?? 'http://localhost:8787', values.key ?? env['WAYMARK_SECRET_KEY']);
        return await remote(client, io, command, positionals, values);
      }
      default:
        throw new CliError(`unknown command "${command}"\n\n${usage}`, 2);
    }
  } catch (error) {
    if (error instanceof CollectorRefused && error.body.error?.errors) {
      io.err(`waymark: the collector refused the config (${error.status} ${error.body.error.code}):`);
      printErrors(io, error.body.error.errors);
      return 1;
    }
    if (error instanceof CliError) {
      io.err(`waymark: ${error.message}`);
      return error.code;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`waymark: ${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}
