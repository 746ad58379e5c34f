import { Hono } from 'hono';
import { batchEnvelope, limits } from '@waymark/core';
import { prepareBatch, type MessageResult } from './prepare-batch.js';
import type { AppLookup } from '../apps/app-lookup.js';
import { createBatchWriter } from './batch-writer.js';
import { userHashValid } from '../apps/user-hash.js';
import { ApiError } from '../http/api-error.js';
import { authenticateKey } from '../apps/authenticate-key.js';
import { parseJson } from '../http/parse-json.js';
import { zodProblem } from '../http/zod-problem.js';
import type { RouteDeps, CollectorEnv } from '../http/env.js';
import { readBody } from '../http/read-body.js';
import { keyFromAuthorization } from '../apps/write-key.js';

const acceptedTypes = ['application/json', 'text/plain'];

/**
 * `POST /v1/batch`: Segment's batch API. JSON or text/plain (beacons) bodies; the key from the
 * Authorization header or the body's writeKey. Answers after the database has committed; the
 * statement also queues the users with stored messages for the progress-settling job
 * (settle-pending-progress.ts).
 */
export function batchRoute(deps: RouteDeps, lookup: AppLookup): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  const writer = createBatchWriter(deps.sql, {
    concurrency: deps.writeConcurrency ?? (deps.sql.engine === 'pglite' ? 1 : 4),
    maxRows: 5000,
  });
  route.post('/', async (c) => {
    const receivedAtMs = deps.now();
    const type = (c.req.header('content-type') ?? 'application/json').split(';')[0]!.trim().toLowerCase();
    if (!acceptedTypes.includes(type)) {
      throw new ApiError(415, 'unsupported_content_type', `Content-Type ${type} is not accepted; send application/json (or text/plain from sendBeacon)`);
    }
    const origin = c.req.header('origin');
    const headerKey = keyFromAuthorization(c.req.header('authorization'));
    // With the key in a header, refuse a wrong key before reading the body.
    const early = headerKey === undefined ? undefined : await authenticateKey(lookup, headerKey, origin, ['public', 'secret']);
    const body = parseJson(await readBody(c.req.raw, limits.maxBatchBytes, c.env?.incoming));
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ApiError(400, 'invalid_body', 'the body must be a JSON object like {"batch": [...]}', 'batch');
    }
    const envelope = batchEnvelope.safeParse(body);
    if (!envelope.success) {
      const { field, message } = zodProblem(envelope.error);
      throw new ApiError(400, 'invalid_body', `${field || 'body'}: ${message}`, field || undefined);
    }
    const { app, kind, secretKey } = early ?? (await authenticateKey(lookup, envelope.data.writeKey, origin, ['public', 'secret']));
    // Identity verification applies to the browser's public key; the secret key is trusted.
    const verifyUser =
      kind === 'public' && app.requireUserHash ? (userId: string, hash: unknown) => secretKey !== null && userHashValid(secretKey, userId, hash) : undefined;
    // Traits are trusted from the secret key, or from a user whose hash checks out.
    const trustUser =
      kind === 'secret'
        ? () => true
        : secretKey === null
          ? undefined
          : (userId: string | null | undefined, hash: unknown) => userId != null && hash !== undefined && userHashValid(secretKey, userId, hash);
    const prepared = prepareBatch(envelope.data.batch, { sentAt: envelope.data.sentAt, receivedAtMs, verifyUser, trustUser });
    const big = prepared.oversized;
    if (big.length > 0) {
      throw new ApiError(
        413,
        'message_too_large',
        `${big.length} message(s) are larger than ${limits.maxMessageBytes / 1024} KB; nothing in this batch was stored`,
        `batch[${big[0]!.index}]`,
        { messages: big },
      );
    }
    const stored = await writer.write({
      appId: app.appId,
      rows: prepared.rows,
      receivedAt: new Date(receivedAtMs).toISOString(),
      ...(envelope.data.dropped ? { dropped: envelope.data.dropped } : {}),
    });
    const results: MessageResult[] = prepared.slots.map((slot) => {
      if (typeof slot !== 'number') return slot;
      const id = prepared.rows[slot]!.message_id;
      return { messageId: id, status: stored.has(id) ? 'accepted' : 'duplicate' };
    });
    const count = (s: MessageResult['status']) => results.filter((r) => r.status === s).length;
    const summary = { accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected') };
    deps.log.debug('batch', { appId: app.appId, ...summary });
    if (results.length > 0 && summary.rejected === results.length) {
      const first = results[0] as Extract<MessageResult, { status: 'rejected' }>;
      throw new ApiError(400, 'invalid_messages', `no message was valid; first problem: ${first.error.field}: ${first.error.reason}`, first.error.field, {
        results,
      });
    }
    return c.json({ ok: true, ...summary, results });
  });
  return route;
}
