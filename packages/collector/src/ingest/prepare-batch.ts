import { correctTimestamp, inspectJson, eventKey, limits, message, type Message, type TimestampSource } from '@waymark/core';
import { actorOf } from '../db/entity-keys.js';
import { zodProblem } from '../http/zod-problem.js';

/** The outcome of one message of a batch, as answered to the client. */
export type MessageResult =
  | { messageId: string | null; status: 'accepted' | 'duplicate' }
  | { messageId: string | null; status: 'rejected'; error: { field: string; reason: string } };

/** A valid message, ready for the database. */
export interface EventRow {
  message_id: string;
  type: Message['type'];
  event: string | null;
  event_key: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  actor: string;
  account_id: string | null;
  ts: string;
  sent_at: string | null;
  ts_source: TimestampSource;
  properties: Record<string, unknown> | null;
  traits: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
  /** Set on identify and group messages whose traits come from a trusted source (see `trust`). */
  trusted?: true;
}

/** A batch split into rows to store and per-message results (index-aligned with the input). */
export interface PreparedBatch {
  rows: EventRow[];
  /** For each input message: a final result (rejected, or duplicate within the batch), or the row index. */
  slots: Array<MessageResult | number>;
  /** Messages over the per-message size limit; the collector refuses the whole batch when any is. */
  oversized: Array<{ index: number; messageId: string | null; bytes: number }>;
}

/** The message's id as the sender wrote it, for the answer; an id too long to be valid is not echoed back. */
const idOf = (raw: unknown): string | null => {
  const id = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)['messageId'] : undefined;
  return typeof id === 'string' && id.length <= limits.maxIdLength ? id : null;
};

const time = (iso: string | undefined): number | undefined => (iso === undefined ? undefined : Date.parse(iso));

// The userHash is a credential for the user's state: it is checked, never stored.
function withoutUserHash(context: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!context) return null;
  if (!Object.hasOwn(context, 'userHash')) return context;
  const { userHash: _hash, ...rest } = context;
  return rest;
}

/**
 * Validates each message on its own, corrects timestamps with the request's clock offset, and
 * resolves each event's account (the message's groupId, its context.groupId, or an earlier
 * `group` of the same user in this batch; the collector fills the rest from stored users).
 */
export function prepareBatch(
  raw: readonly unknown[],
  request: {
    sentAt: string | undefined;
    receivedAtMs: number;
    /**
     * Identity verification (the app requires userHash and the public key was used): messages
     * with a userId need `context.userHash` to verify; anonymous messages cannot name an account.
     */
    verifyUser?: ((userId: string, userHash: unknown) => boolean) | undefined;
    /**
     * Whether a message's traits come from a trusted source: every message sent with the secret
     * key, or one whose userId carries a valid `context.userHash`. Without it, none is trusted.
     */
    trustUser?: ((userId: string | null | undefined, userHash: unknown) => boolean) | undefined;
  },
): PreparedBatch {
  const rows: EventRow[] = [];
  const slots: PreparedBatch['slots'] = [];
  const oversized: PreparedBatch['oversized'] = [];
  const seen = new Set<string>();
  const accountOfActor = new Map<string, string>();
  const take = (item: unknown, index: number): void => {
    const messageId = idOf(item);
    const reject = (field: string, reason: string): void => {
      slots.push({ messageId, status: 'rejected', error: { field: `batch[${index}]${field ? `.${field}` : ''}`, reason } });
    };
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      reject('', 'must be a JSON object');
      return;
    }
    const { problem, bytes } = inspectJson(item, '');
    if (problem) {
      reject(problem.path, problem.reason);
      return;
    }
    if (bytes > limits.maxMessageBytes) oversized.push({ index, messageId, bytes });
    const parsed = message.safeParse(item);
    if (!parsed.success) {
      const { field, message } = zodProblem(parsed.error);
      reject(field, message);
      return;
    }
    const m = parsed.data;
    const verify = request.verifyUser;
    const trusted = (userId: string | null | undefined) => request.trustUser?.(userId, m.context?.['userHash']) === true;
    if (verify && m.userId != null && !verify(m.userId, m.context?.['userHash'])) {
      reject(
        'context.userHash',
        m.context?.['userHash'] === undefined
          ? 'is required: this app verifies identities, so send the userHash your server computed for this userId'
          : 'does not match userId (it must be hex(HMAC-SHA256(secret key, userId)))',
      );
      return;
    }
    if (verify && m.userId == null && m.type === 'group') {
      reject('userId', 'is required on group calls: this app verifies identities, so identify the user first');
      return;
    }
    if (seen.has(m.messageId)) {
      slots.push({ messageId, status: 'duplicate' });
      return;
    }
    seen.add(m.messageId);
    const actor = actorOf(m);
    // With identity verification an anonymous visitor must not add to an account's counts.
    const contextGroup = verify && m.userId == null ? undefined : m.context?.['groupId'];
    let account: string | null = m.type === 'group' ? m.groupId : typeof contextGroup === 'string' && contextGroup !== '' ? contextGroup : null;
    if (m.type === 'group') accountOfActor.set(actor, m.groupId);
    account ??= accountOfActor.get(actor) ?? null;
    const corrected = correctTimestamp({
      timestampMs: time(m.timestamp),
      sentAtMs: time(m.sentAt ?? request.sentAt),
      receivedAtMs: request.receivedAtMs,
    });
    slots.push(rows.length);
    rows.push({
      message_id: m.messageId,
      type: m.type,
      event: m.type === 'track' ? m.event : m.type === 'page' ? (m.name ?? null) : null,
      event_key: eventKey(m) ?? null,
      user_id: m.userId ?? null,
      anonymous_id: m.anonymousId ?? null,
      actor,
      account_id: account,
      ts: new Date(corrected.timestampMs).toISOString(),
      sent_at: m.sentAt ?? request.sentAt ?? null,
      ts_source: corrected.source,
      properties: m.type === 'track' || m.type === 'page' ? (m.properties ?? null) : null,
      traits: m.type === 'identify' || m.type === 'group' ? (m.traits ?? null) : null,
      context: withoutUserHash(m.context),
      ...((m.type === 'identify' || m.type === 'group') && trusted(m.userId) ? { trusted: true as const } : {}),
    });
  };
  for (const [index, item] of raw.entries()) take(item, index);
  return { rows, slots, oversized };
}
