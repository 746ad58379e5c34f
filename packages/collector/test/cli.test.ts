import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { cli, embeddedDataEnv, serveProcess } from './run-collector.js';

const batch = (n: number) => ({
  batch: Array.from({ length: n }, (_, i) => ({ type: 'track', messageId: randomUUID(), userId: `u${i}`, event: 'CLI Test', properties: { i } })),
});

describe('waymark-collector on the embedded database', () => {
  const env = embeddedDataEnv('waymark-cli-');

  it('creates the default app on a first start and prints its keys', async () => {
    const server = await serveProcess(env);
    await expect.poll(() => server.stderr(), { timeout: 5000 }).toContain('/sdk/waymark.js');
    expect(server.stderr()).toMatch(/No app existed[\s\S]*public key:\s+pk_\w+[\s\S]*secret key:\s+sk_\w+/);
    expect(server.stderr()).toContain('/sdk/waymark.js');
    // The new app runs without identity verification: the log says so, with how to turn it on.
    expect(`${server.stdout()}${server.stderr()}`).toMatch(
      /"level":"warn","msg":"identity verification is off[^"]*apps identity <appId> --require","appId":"app_/,
    );
    server.child.kill('SIGTERM');
    expect(await server.exited, `${server.stdout()}\n${server.stderr()}`).toBe(0);
  });

  it('creates, lists and rotates apps', () => {
    const created = cli(['apps', 'create', '--name', 'Acme', '--origin', 'http://localhost:3000', '--origin', 'https://*.acme.test', '--json'], env);
    expect(created.code).toBe(0);
    const keys = JSON.parse(created.stdout);
    expect(keys).toEqual({ appId: expect.stringMatching(/^app_/), publicKey: expect.stringMatching(/^pk_/), secretKey: expect.stringMatching(/^sk_/) });
    const list = JSON.parse(cli(['apps', 'list', '--json'], env).stdout);
    expect(list.map((a: { name: string }) => a.name)).toEqual(['Default app', 'Acme']);
    expect(list[1].origins).toEqual(['http://localhost:3000', 'https://*.acme.test']);
    const rotated = JSON.parse(cli(['apps', 'rotate-keys', keys.appId, '--secret', '--json'], env).stdout);
    expect(rotated.publicKey).toBe(keys.publicKey);
    expect(rotated.secretKey).not.toBe(keys.secretKey);
  });

  it('turns identity verification on and off', () => {
    const keys = JSON.parse(cli(['apps', 'create', '--name', 'Verified', '--origin', '*', '--json'], env).stdout);
    const on = cli(['apps', 'identity', keys.appId, '--require', '--json'], env);
    expect(on.code).toBe(0);
    expect(JSON.parse(on.stdout)).toEqual({ appId: keys.appId, requireUserHash: true });
    expect(cli(['apps', 'identity', keys.appId, '--optional'], env).stdout).toContain('optional');
    const neither = cli(['apps', 'identity', keys.appId], env);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--require or --optional');
  });

  it('explains bad arguments', () => {
    const bad = cli(['apps', 'create', '--name', 'X', '--origin', 'not a url'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not an origin');
    expect(cli(['apps', 'create'], env).stderr).toContain('--name is required');
    expect(cli(['frobnicate'], env).code).toBe(2);
  });

  it('refuses a second process on the data directory, with what to do instead, and corrupts nothing', async () => {
    const keys = JSON.parse(cli(['apps', 'create', '--name', 'Locked', '--origin', '*', '--json'], env).stdout);
    const server = await serveProcess(env);
    const sent = batch(20);
    const res = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${keys.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(sent),
    });
    expect(res.status).toBe(200);
    // A second collector on the same directory is refused, with what to do instead.
    const second = await serveProcess(env).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(second).toContain('collector exited with 3');
    expect(second).toContain(`in use by another Waymark process (pid ${server.child.pid}`);
    expect(second).toMatch(/stop the running collector[\s\S]*DATABASE_URL/);
    // Management commands run in the collector that holds the directory, through its control socket.
    const created = cli(['apps', 'create', '--name', 'While Serving', '--origin', '*', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    const servingKeys = JSON.parse(created.stdout) as { publicKey: string; secretKey: string };
    expect(JSON.parse(cli(['apps', 'list', '--json'], env).stdout).map((a: { name: string }) => a.name)).toContain('While Serving');
    // The new app's key works at once on the running collector.
    const state = await fetch(`${server.url}/v1/admin/events?limit=1`, { headers: { Authorization: `Bearer ${servingKeys.secretKey}` } });
    expect(state.status).toBe(200);
    const bad = cli(['apps', 'create', '--name', 'X', '--origin', 'not a url'], env);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('is not an origin') });
    const stdin = cli(['csm', 'create', '--email', 'a@b.test', '--name', 'A', '--role', 'admin', '--password-stdin'], env);
    expect(stdin.code).toBe(3);
    expect(stdin.stderr).toContain('in use by another Waymark process');
    // The running server is unaffected.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited, `${server.stdout()}\n${server.stderr()}`).toBe(0);
    // After a clean stop everything is there.
    const again = await serveProcess(env);
    const events = await (await fetch(`${again.url}/v1/admin/events?limit=1000`, { headers: { Authorization: `Bearer ${keys.secretKey}` } })).json();
    expect((events as { events: unknown[] }).events).toHaveLength(20);
    // A SIGKILLed server leaves a stale lock that the next process takes over.
    again.child.kill('SIGKILL');
    await again.exited;
    const after = cli(['apps', 'list', '--json'], env);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).map((a: { name: string }) => a.name)).toEqual(['Default app', 'Acme', 'Verified', 'Locked', 'While Serving']);
  });

  it('finishes in-flight batches on SIGTERM before exiting', async () => {
    // 10 × 90 events stays under the events endpoint's page of 1000, so a full count is readable.
    const size = 90;
    const keys = JSON.parse(cli(['apps', 'create', '--name', 'Graceful', '--origin', '*', '--json'], env).stdout);
    const server = await serveProcess(env);
    const requests = Array.from({ length: 10 }, () =>
      fetch(`${server.url}/v1/batch`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${keys.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(batch(size)),
      }),
    );
    await new Promise((r) => setTimeout(r, 30));
    server.child.kill('SIGTERM');
    const statuses = await Promise.all(
      requests.map((p) =>
        p.then(
          (r) => r.status,
          () => 'refused',
        ),
      ),
    );
    expect(await server.exited, `${server.stdout()}\n${server.stderr()}`).toBe(0);
    expect(server.stdout()).toContain('shutting down: finishing in-flight requests');
    const accepted = statuses.filter((s) => s === 200).length;
    expect(accepted).toBeGreaterThan(0);
    const check = await serveProcess(env);
    const events = (await (await fetch(`${check.url}/v1/admin/events?limit=1000`, { headers: { Authorization: `Bearer ${keys.secretKey}` } })).json()) as {
      events: unknown[];
    };
    // Every acknowledged batch was stored in full.
    expect(events.events.length).toBe(accepted * size);
    check.child.kill('SIGTERM');
    await check.exited;
  });
});
