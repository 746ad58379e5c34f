import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, migrate, openPgliteSql, silentLogger, startCollector, type AppKeys, type RunningCollector } from '@waymark/collector';

// The built command, run as a real process (the root test command builds first).
const bin = fileURLToPath(new URL('../bin/waymark.js', import.meta.url));

/** Runs `waymark` without blocking this process (the collector under test lives in it). */
function waymark(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, WAYMARK_URL: '', WAYMARK_SECRET_KEY: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const config = {
  version: 1,
  checklists: [
    {
      key: 'getting-started',
      title: 'Getting started',
      items: [
        { key: 'create-project', title: 'Create a project', done: { event: 'Project Created' }, guide: 'create-project' },
        { key: 'add-task', title: 'Add a task', done: { event: 'Task Added' } },
        { key: 'invite', title: 'Invite a teammate', done: { event: 'Teammate Invited' }, guide: 'invite' },
      ],
    },
  ],
  guides: [
    { key: 'create-project', title: 'Create', steps: [{ key: 'new', title: 'New', body: 'Click.', target: { anchor: 'new-project-button' } }] },
    { key: 'invite', title: 'Invite', steps: [{ key: 'email', title: 'Email', body: 'Type.' }] },
  ],
};

describe('waymark (the author CLI)', () => {
  let dir: string;
  let collector: RunningCollector;
  let keys: AppKeys;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waymark-author-'));
    const sql = await openPgliteSql();
    await migrate(sql);
    keys = await createApp(sql, { name: 'Acme', origins: ['*'] });
    collector = await startCollector({ sql, log: silentLogger, port: 0, host: '127.0.0.1' });
    env = { WAYMARK_URL: collector.url, WAYMARK_SECRET_KEY: keys.secretKey };
    writeFileSync(join(dir, 'good.json'), JSON.stringify(config, null, 2));
    const bad = structuredClone(config);
    bad.checklists[0]!.items[2]!.guide = 'invite-teammate';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'config.mjs'), `export default ${JSON.stringify({ ...config, features: [{ key: 'x', name: 'X', tier: 'basic' }] })};\n`);
  });
  afterAll(async () => {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('validates a good file (JSON or an ES module) and explains a bad one with the exact path', async () => {
    const good = await waymark(['validate', join(dir, 'good.json')]);
    expect(good).toMatchObject({ code: 0, stdout: expect.stringContaining('valid (0 features, 0 milestones, 1 checklists, 2 guides, 0 announcements)') });
    expect((await waymark(['validate', join(dir, 'config.mjs')])).stdout).toContain('valid (1 features');
    const bad = await waymark(['validate', join(dir, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('checklists[0].items[2].guide: guide "invite-teammate" is not defined in guides');
  });

  it('loads a TypeScript config as it is, types, imports and all', async () => {
    const file = join(dir, 'typed.config.ts');
    writeFileSync(
      file,
      [
        "import { defineConfig, type WaymarkConfigInput } from '@waymark/core';",
        "const features: WaymarkConfigInput['features'] = [{ key: 'reports.export', name: 'Export', tier: 'advanced' }];",
        'export default defineConfig({ version: 1, features } satisfies WaymarkConfigInput);',
        '',
      ].join('\n'),
    );
    // The file sits outside any package: @waymark/core resolves through the CLI's own dependencies.
    expect(await waymark(['validate', file])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid (1 features') });
    const acme = fileURLToPath(new URL('../../../examples/acme/waymark.config.ts', import.meta.url));
    expect(await waymark(['validate', acme])).toMatchObject({ code: 0, stdout: expect.stringContaining('1 checklists, 6 guides, 2 announcements') });
  });

  it("accepts Acme's onboarding (examples/acme/waymark.config.ts, built to JSON)", async () => {
    const acme = fileURLToPath(new URL('../../../examples/acme/dist/waymark.config.json', import.meta.url));
    expect(await waymark(['validate', acme])).toMatchObject({ code: 0, stdout: expect.stringContaining('1 checklists, 6 guides, 2 announcements') });
  });

  it('explains files it cannot read', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"version": 1,');
    expect((await waymark(['validate', join(dir, 'broken.json')])).stderr).toContain('is not valid JSON');
    expect((await waymark(['validate', join(dir, 'missing.json')])).stderr).toContain('no such file');
    writeFileSync(join(dir, 'empty.ts'), 'export const notDefault: number = 1;\n');
    expect((await waymark(['validate', join(dir, 'empty.ts')])).stderr).toContain('has no default export');
    writeFileSync(join(dir, 'syntax.ts'), 'export default {\n');
    expect((await waymark(['validate', join(dir, 'syntax.ts')])).stderr).toContain('cannot load');
    expect((await waymark(['validate'])).code).toBe(2);
  });

  it('pushes, lists, pulls and restores versions', async () => {
    const push = await waymark(['push', join(dir, 'good.json'), '--note', 'first checklist'], env);
    expect(push).toMatchObject({ code: 0, stdout: 'pushed version 1\n' });
    expect((await waymark(['push', join(dir, 'good.json')], env)).stdout).toContain('unchanged: version 1');
    expect((await waymark(['push', join(dir, 'config.mjs'), '--note', 'with features'], env)).stdout).toBe('pushed version 2\n');

    const versions = await waymark(['versions'], env);
    expect(versions.code).toBe(0);
    expect(versions.stdout).toMatch(/^\*\s+2\s+\S+\s+with features\n\s+1\s+\S+\s+first checklist\n$/);

    const pulled = await waymark(['pull', '--version', '1'], env);
    expect(JSON.parse(pulled.stdout)).toEqual(config);
    const out = join(dir, 'pulled.json');
    const toFile = await waymark(['pull', '--out', out], env);
    expect(toFile.stderr).toContain('wrote version 2');
    expect(JSON.parse(readFileSync(out, 'utf8')).features).toHaveLength(1);

    const restore = await waymark(['restore', '1'], env);
    expect(restore).toMatchObject({ code: 0, stdout: 'restored version 1 as version 3 (now current)\n' });
    const list = JSON.parse((await waymark(['versions', '--json'], env)).stdout);
    expect(list.map((v: { version: number; restoredFrom: number | null }) => [v.version, v.restoredFrom])).toEqual([
      [3, 1],
      [2, null],
      [1, null],
    ]);
    expect((await waymark(['restore', '9'], env)).stderr).toContain('404 version_not_found');
  });

  it('refuses to push a bad config and prints each problem', async () => {
    const res = await waymark(['push', join(dir, 'bad.json')], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('checklists[0].items[2].guide: guide "invite-teammate" is not defined in guides');
  });

  it('says clearly what is wrong with the key, the URL or the network', async () => {
    const noKey = await waymark(['versions'], { WAYMARK_URL: collector.url });
    expect(noKey).toMatchObject({ code: 2, stderr: expect.stringContaining('set WAYMARK_SECRET_KEY or pass --key') });
    const wrongKey = await waymark(['versions', '--url', collector.url, '--key', 'sk_wrong']);
    expect(wrongKey).toMatchObject({ code: 1, stderr: expect.stringContaining('401 invalid_key') });
    expect((await waymark(['versions', '--key', keys.publicKey, '--url', collector.url])).stderr).toContain("app's secret key");
    const down = await waymark(['versions', '--url', 'http://127.0.0.1:9', '--key', keys.secretKey]);
    expect(down).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot reach the collector at http://127.0.0.1:9') });
    expect((await waymark(['frobnicate'])).code).toBe(2);
  });

  it('prints the JSON Schema', async () => {
    const res = await waymark(['schema']);
    const schema = JSON.parse(res.stdout);
    expect(schema.title).toBe('Waymark config');
    expect(schema.$defs.Condition).toBeDefined();
  });
});
