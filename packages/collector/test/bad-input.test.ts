import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.js';
import { createApp, type AppKeys } from '../src/apps/apps.js';
import { backends, type TestDatabase } from './backends.js';
import { post, readJson, track, collectorApp } from './fixtures.js';

describe.each(backends)('bad input to POST /v1/batch on $name', (backend) => {
  let db: TestDatabase;
  let keys: AppKeys;
  let app: ReturnType<typeof collectorApp>;
  const accepted: string[] = [];

  beforeAll(async () => {
    db = await backend.open();
    keys = await createApp(db.sql, { name: 'Acme', origins: ['https://app.acme.test'] });
    app = collectorApp({ sql: db.sql, log: silentLogger });
    // Events accepted before the attack; they must all still be there afterwards.
    const batch = Array.from({ length: 5 }, (_, i) => track(`Before ${i}`));
    const res = await app.request('/v1/batch', post({ writeKey: keys.secretKey, batch }));
    expect(res.status).toBe(200);
    accepted.push(...batch.map((m) => m['messageId'] as string));
  });
  afterAll(() => db.drop());

  const send = (body: RequestInit['body'], headers: Record<string, string> = {}) =>
    app.request('/v1/batch', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${keys.secretKey}`, ...headers }, body });

  /** Every case: a 4xx with a JSON error whose message names the problem. */
  async function expectError(res: Response, status: number, code: string, mention?: RegExp) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = await readJson(res);
    expect(body.error.code).toBe(code);
    if (mention) expect(`${body.error.field ?? ''} ${body.error.message}`).toMatch(mention);
    return body;
  }

  it('malformed JSON', async () => {
    await expectError(await send('{"batch": [ {"type": '), 400, 'invalid_json', /not valid JSON/);
    await expectError(await send(''), 400, 'invalid_json');
  });

  it('a body that is not an object, or a batch that is not an array', async () => {
    await expectError(await send('[1,2]'), 400, 'invalid_body', /JSON object/);
    await expectError(await send('"text"'), 400, 'invalid_body');
    await expectError(await send(JSON.stringify({ batch: 'nope' })), 400, 'invalid_body', /batch/);
    await expectError(await send(JSON.stringify({ batch: [], sentAt: 12 })), 400, 'invalid_body', /sentAt/);
  });

  it('wrong types inside messages name the field', async () => {
    const body = await expectError(await send(JSON.stringify({ batch: [{ ...track('x'), event: 42 }] })), 400, 'invalid_messages', /batch\[0\]\.event/);
    expect(body.error.results[0].status).toBe('rejected');
    await expectError(await send(JSON.stringify({ batch: [{ ...track('x'), properties: [1, 2] }] })), 400, 'invalid_messages', /properties/);
    await expectError(await send(JSON.stringify({ batch: [{ ...track('x'), type: 'screen' }] })), 400, 'invalid_messages', /type/);
    await expectError(await send(JSON.stringify({ batch: [{ ...track('x'), timestamp: 'yesterday' }] })), 400, 'invalid_messages', /timestamp/);
    await expectError(await send(JSON.stringify({ batch: ['a string'] })), 400, 'invalid_messages', /JSON object/);
  });

  it('missing ids: messageId, and both userId and anonymousId', async () => {
    const { messageId: _, ...noId } = track('x');
    await expectError(await send(JSON.stringify({ batch: [noId] })), 400, 'invalid_messages', /messageId/);
    const { userId: __, ...noUser } = track('x');
    await expectError(await send(JSON.stringify({ batch: [noUser] })), 400, 'invalid_messages', /userId or anonymousId/);
  });

  it('a bad message among good ones: the good ones are stored, the bad one is named', async () => {
    const good = track('Good');
    const res = await send(JSON.stringify({ batch: [good, { ...track('x'), messageId: '' }] }));
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.results[0]).toMatchObject({ status: 'accepted' });
    expect(body.results[1]).toMatchObject({ status: 'rejected', error: { field: 'batch[1].messageId' } });
  });

  it('huge bodies and huge messages: 413 with JSON', async () => {
    const big = 'x'.repeat(600 * 1024);
    await expectError(await send(JSON.stringify({ batch: [{ ...track('x'), properties: { big } }] })), 413, 'batch_too_large', /500 KB/);
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
        controller.close();
      },
    });
    await expectError(
      await app.request('/v1/batch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: chunked, duplex: 'half' } as RequestInit),
      413,
      'batch_too_large',
    );
    const oneBig = { ...track('x'), properties: { blob: 'y'.repeat(40 * 1024) } };
    const body = await expectError(await send(JSON.stringify({ batch: [track('ok'), oneBig] })), 413, 'message_too_large', /batch\[1\]/);
    expect(body.error.messages[0]).toMatchObject({ index: 1 });
  });

  it('a 413 names the oversized messages by index without echoing their ids back', async () => {
    const hugeId = 'i'.repeat(480 * 1024);
    const res = await send(JSON.stringify({ batch: [track('ok'), { ...track('x'), messageId: hugeId }] }));
    const text = await res.clone().text();
    expect(text.length).toBeLessThan(1024);
    const body = await expectError(res, 413, 'message_too_large', /batch\[1\]/);
    expect(body.error.messages).toEqual([{ index: 1, messageId: null, bytes: expect.any(Number) }]);
  });

  it('a rejected message with an over-long id is answered without the id', async () => {
    const longId = 'i'.repeat(5000);
    const res = await send(JSON.stringify({ batch: [track('fine'), { ...track('x'), messageId: longId }] }));
    const body = await readJson(res);
    expect(JSON.stringify(body).length).toBeLessThan(1024);
    expect(body.results[1]).toMatchObject({
      messageId: null,
      status: 'rejected',
      error: { field: 'batch[1].messageId', reason: 'must be at most 200 characters' },
    });
  });

  it('deep nesting is refused without a stack overflow', async () => {
    let deep = '1';
    for (let i = 0; i < 5000; i++) deep = `{"a":${deep}}`;
    const text = `{"batch":[{"type":"track","messageId":"deep","userId":"u","event":"e","properties":${deep}}]}`;
    await expectError(await send(text), 400, 'invalid_messages', /nested deeper than 16/);
  });

  it('__proto__ and constructor keys are refused and pollute nothing', async () => {
    const text = `{"batch":[{"type":"track","messageId":"p1","userId":"u","event":"e","properties":{"__proto__":{"polluted":true}}}]}`;
    await expectError(await send(text), 400, 'invalid_messages', /__proto__/);
    await expectError(
      await send(`{"__proto__":{"x":1},"batch":[{"type":"track","messageId":"p2","userId":"u","event":"e","context":{"constructor":{"prototype":{"y":1}}}}]}`),
      400,
      'invalid_messages',
      /constructor/,
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('invalid UTF-8 and strings PostgreSQL cannot store', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"batch":[{"type":"track","messageId":"u8","userId":"u","event":"'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('"}]}'),
    ]);
    await expectError(await send(bytes), 400, 'invalid_utf8', /UTF-8/);
    await expectError(await send(JSON.stringify({ batch: [{ ...track('x'), properties: { a: 'nul\u0000here' } }] })), 400, 'invalid_messages', /NUL/);
    await expectError(await send('{"batch":[{"type":"track","messageId":"s1","userId":"u","event":"\\ud800"}]}'), 400, 'invalid_messages', /surrogate/);
  });

  it('wrong content types', async () => {
    await expectError(await send('a=1', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_content_type', /application\/json/);
    await expectError(await send('--x', { 'Content-Type': 'multipart/form-data; boundary=x' }), 415, 'unsupported_content_type');
  });

  it('a public key from another origin', async () => {
    await expectError(
      await send(JSON.stringify({ writeKey: keys.publicKey, batch: [track('x')] }), { Authorization: '', Origin: 'https://evil.test' }),
      403,
      'origin_not_allowed',
      /evil\.test/,
    );
  });

  it('a malformed Authorization header', async () => {
    await expectError(await send(JSON.stringify({ batch: [track('x')] }), { Authorization: 'Token abc' }), 401, 'invalid_authorization');
  });

  it('an unknown path is a JSON 404', async () => {
    const res = await app.request('/v1/nope');
    await expectError(res, 404, 'not_found');
  });

  it('nothing accepted before is lost', async () => {
    const { rows } = await db.sql.query<{ message_id: string }>('select message_id from events where app_id = $1 and message_id = any($2)', [
      keys.appId,
      accepted,
    ]);
    expect(rows.map((r) => r.message_id).sort()).toEqual([...accepted].sort());
  });
});
