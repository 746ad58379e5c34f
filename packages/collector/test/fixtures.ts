import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { ContractRecorder, ContractViolation } from '../src/http/check-responses.js';
import { createCollectorApp } from '../src/create-collector-app.js';
import type { CollectorDeps, CollectorEnv } from '../src/http/env.js';

/** A valid track message with a fresh id. */
export function track(event: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'track', messageId: randomUUID(), userId: 'u1', event, timestamp: new Date().toISOString(), ...extra };
}

/** JSON POST options for app.request(). */
export function post(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** A Basic authorization header with the key as the user name (Segment's convention). */
export const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

/** A response's JSON body, loosely typed for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON
export const readJson = async (res: Response): Promise<any> => res.json();

/**
 * What the contract check saw in this test file: each contract route answered, with its
 * statuses, and each answer that did not match its schema. test/contract-setup.ts fails the
 * file on a violation and reports the routes for the coverage check.
 */
export const contract: Required<ContractRecorder> & { seen: Map<string, Set<number>>; violations: ContractViolation[] } = {
  seen: new Map(),
  violations: [],
  checked(route, status) {
    const statuses = this.seen.get(route) ?? new Set();
    this.seen.set(route, statuses.add(status));
  },
  violation(v) {
    this.violations.push(v);
  },
};

/** The collector app, every answer checked against the contract. */
export function collectorApp(deps: CollectorDeps): Hono<CollectorEnv> {
  return createCollectorApp({ ...deps, checkResponses: contract });
}
