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
import type { CurrentConfigReader } from '../config/current-config.js';
import { settleUserProgress } from '../user-state/settle-user-progress.js';

const acceptedTypes = ['application/json', 'text/plain'];

/**
 * `POST /v1/batch`: Segment's batch API. JSON or text/plain (beacons) bodies; the key from the
 * Authorization header or the body's writeKey. Answers after the database has committed and the
 * progress of the users with accepted messages is settled (settleUserProgress), so a milestone or
 * checklist item reached by these events is recorded even if its window closes before any read.
 */
export function batchRoute(deps: RouteDeps, lookup: AppLookup, currentConfig: CurrentConfigReader): Hono<CollectorEnv> {
  const route = new Hono<CollectorEnv>();
  const writer = createBatchWriter(deps.sql, {
    concurrency: deps.writeConcurrency ?? (deps.sql.engine === 'pglite' ? 1 : 4),
    maxRows: 5000,
  });
  const settleActors = async (appId: string, actors: Set<string>, now: number) => {
    const config = actors.size === 0 ? undefined : await currentConfig(appId);
    if (!config) return;
    try {
      for (const actor of actors) await settleUserProgress(deps.sql, appId, actor, config.config, now);
    } catch (error) {
      // The events are stored: the summariser and the stuck-user sweep settle this progress later.
      deps.log.warn('progress not settled after a batch', { appId, error: error instanceof Error ? error.message : String(error) });
    }
  };
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
    await settleActors(app.appId, new Set(prepared.rows.filter((r) => stored.has(r.message_id)).map((r) => r.actor)), receivedAtMs);
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
