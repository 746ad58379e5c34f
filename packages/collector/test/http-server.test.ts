import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'node:http';
import { startCollector, type RunningCollector } from '../src/start-collector.js';
import { silentLogger } from '../src/log.js';
import { backends, type TestDatabase } from './backends.js';
import { closeServedApp, serveTestApp, type ServedApp } from './test-app.js';
import { track, contract } from './fixtures.js';

/** A raw HTTP POST that can stream its body in chunks, without Content-Length. */
function rawPost(url: string, headers: Record<string, string>, chunks: Array<string | Uint8Array>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/batch`, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe.each(backends)('the collector over real HTTP on $name', (backend) => {
  let { db, keys, collector } = {} as ServedApp;
  beforeAll(async () => {
    ({ db, keys, collector } = await serveTestApp(backend));
  });
  afterAll(() => closeServedApp({ db, collector }));

  const headers = () => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${keys.secretKey}` });

  it('stores a streamed (chunked) body', async () => {
    const text = JSON.stringify({ batch: [track('Chunked'), track('Chunked')] });
    const res = await rawPost(collector.url, headers(), [text.slice(0, 10), text.slice(10, 50), text.slice(50)]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ accepted: 2 });
  });

  it('answers 413 JSON to a huge chunked body, and to a huge declared one', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const res = await rawPost(collector.url, headers(), ['{"batch":["', ...Array.from({ length: 12 }, () => chunk), '"]}']);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('batch_too_large');
    const declared = await fetch(`${collector.url}/v1/batch`, { method: 'POST', headers: headers(), body: 'y'.repeat(600 * 1024) });
    expect(declared.status).toBe(413);
  });

  it('answers 400 JSON to invalid UTF-8 split across chunks', async () => {
    const res = await rawPost(collector.url, headers(), ['{"batch":[{"type":"track","event":"', new Uint8Array([0xe2, 0x82]), '"}]}']);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('invalid_utf8');
  });
});

/** GET through `agent`; says whether the request went out on a connection the agent already had. */
function get(url: string, agent: Agent): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('keep-alive connections', () => {
  let db: TestDatabase;
  let collector: RunningCollector;
  beforeAll(async () => {
    db = await backends[0]!.open();
    collector = await startCollector({ sql: db.sql, log: silentLogger, port: 0, host: '127.0.0.1', checkResponses: contract });
  });
  afterAll(async () => {
    await collector.close();
    await db.drop().catch(() => {});
  });

  it('stay open past 6 seconds idle (Node closes them after 5 by default)', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await get(`${collector.url}/healthz`, agent)).toEqual({ status: 200, reused: false });
      await new Promise((r) => setTimeout(r, 6000));
      expect(await get(`${collector.url}/healthz`, agent)).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 15_000);
});
