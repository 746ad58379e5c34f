import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { bin, cli, embeddedDataEnv, serveProcess } from './run-collector.js';

describe('waymark-collector csm on the embedded database', () => {
  const env = embeddedDataEnv('waymark-csm-cli-');

  it('creates the first admin with a generated password, shown once, and that password logs in', async () => {
    const created = cli(['csm', 'create', '--email', 'Ada@Waymark.test', '--name', 'Ada', '--role', 'admin', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    const { user, password } = JSON.parse(created.stdout);
    expect(user).toMatchObject({ email: 'ada@waymark.test', name: 'Ada', role: 'admin', apps: [], disabledAt: null });
    expect(password).toMatch(/^\w{24}$/);
    const human = cli(['csm', 'create', '--email', 'bo@waymark.test', '--name', 'Bo', '--role', 'csm'], env);
    expect(human.stdout).toMatch(/password:\s+\w{24}\s+\(shown only now/);

    const server = await serveProcess(env);
    const res = await fetch(`${server.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ada@waymark.test', password }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    for (const part of [/waymark_session=\w/, /HttpOnly/, /SameSite=Strict/, /Path=\//]) expect(cookie).toMatch(part);
    // While the collector holds the data directory, csm commands run in it (as the apps commands do)...
    const listed = cli(['csm', 'list', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).map((u: { email: string }) => u.email)).toEqual(['ada@waymark.test', 'bo@waymark.test']);
    // ...except one that reads a password from stdin, which the collector cannot read.
    const locked = spawnSync(process.execPath, [bin, 'csm', 'create', '--email', 'cy@waymark.test', '--name', 'Cy', '--role', 'csm', '--password-stdin'], {
      env: { ...process.env, ...env },
      input: 'a password long enough\n',
      encoding: 'utf8',
    });
    expect(locked.status).toBe(3);
    expect(locked.stderr).toContain('in use by another Waymark process');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('reads the password from stdin, grants and revokes apps, lists and disables', () => {
    const app = JSON.parse(cli(['apps', 'create', '--name', 'Acme', '--origin', '*', '--json'], env).stdout);
    const r = spawnSync(
      process.execPath,
      [bin, 'csm', 'create', '--email', 'cy@waymark.test', '--name', 'Cy', '--role', 'csm', '--app', app.appId, '--password-stdin', '--json'],
      {
        env: { ...process.env, ...env },
        input: 'a password from stdin\n',
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const created = JSON.parse(r.stdout);
    expect(created.password).toBeUndefined();
    expect(created.user.apps).toEqual([app.appId]);

    expect(JSON.parse(cli(['csm', 'revoke', '--email', 'cy@waymark.test', '--app', app.appId, '--json'], env).stdout).apps).toEqual([]);
    expect(JSON.parse(cli(['csm', 'grant', '--email', 'CY@waymark.test', '--app', app.appId, '--json'], env).stdout).apps).toEqual([app.appId]);
    const list = JSON.parse(cli(['csm', 'list', '--json'], env).stdout);
    expect(list.map((u: { email: string }) => u.email)).toEqual(['ada@waymark.test', 'bo@waymark.test', 'cy@waymark.test']);
    expect(cli(['csm', 'list'], env).stdout).toContain(`cy@waymark.test  csm  Cy  apps: ${app.appId}`);
    const disabled = JSON.parse(cli(['csm', 'disable', '--email', 'bo@waymark.test', '--json'], env).stdout);
    expect(disabled.disabledAt).not.toBeNull();
  });

  it('explains bad arguments, naming them', () => {
    const cases: Array<[string[], string]> = [
      [['csm', 'create', '--name', 'X', '--role', 'csm'], '--email: is required'],
      [['csm', 'create', '--email', 'nope', '--name', 'X', '--role', 'csm'], '--email: "nope" is not an email address'],
      [['csm', 'create', '--email', 'x@waymark.test', '--name', 'X', '--role', 'boss'], '--role: must be "admin" or "csm", got "boss"'],
      [['csm', 'create', '--email', 'x@waymark.test', '--name', 'X', '--role', 'csm', '--app', 'app_nope'], '--app: no app with id "app_nope"'],
      [['csm', 'create', '--email', 'ADA@waymark.test', '--name', 'X', '--role', 'csm'], '--email: a CSM user with email ada@waymark.test already exists'],
      [['csm', 'grant', '--email', 'nobody@waymark.test', '--app', 'app_x'], '--email: no CSM user with email nobody@waymark.test'],
      [['csm', 'grant', '--email', 'ada@waymark.test'], '--app: is required'],
      [['csm', 'frobnicate'], 'unknown csm command "frobnicate"'],
    ];
    for (const [args, message] of cases) {
      const r = cli(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
  });
});
