import type { SimMessage } from './simulation-types.js';

/** A message as the JSON text sent in a batch, with its `timestamp` (added here, not kept on 300,000 objects). */
export function messageJson(message: SimMessage): string {
  const json = JSON.stringify(message.body);
  return `${json.slice(0, -1)},"timestamp":"${new Date(message.at).toISOString()}"}`;
}
