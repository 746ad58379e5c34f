import { createHmac } from 'node:crypto';

/**
 * The `Waymark-Signature` header of a webhook body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" keyed with the subscription's secret>`. Signing the time too lets receivers refuse
 * replays of old deliveries.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
