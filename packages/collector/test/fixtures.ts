import { randomUUID } from 'node:crypto';

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
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions walk arbitrary JSON
export const readJson = async (res: Response): Promise<any> => res.json();
