import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error.js';

const batchTooLarge = (maxBytes: number) =>
  new ApiError(413, 'batch_too_large', `the request body is larger than ${Math.round(maxBytes / 1024)} KB; send fewer messages per batch`);

/**
 * Collects Node's request stream directly (much cheaper than the web-stream adapter). Past the
 * limit it stops keeping data but drains the rest, so the socket stays usable for the 413.
 */
function collectIncoming(incoming: IncomingMessage, maxBytes: number, tooLarge: (maxBytes: number) => ApiError): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        incoming.off('data', onData);
        incoming.resume();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(chunks));
    incoming.once('error', reject);
  });
}

async function collectWeb(request: Request, maxBytes: number, tooLarge: (maxBytes: number) => ApiError): Promise<Uint8Array[]> {
  if (!request.body) return [];
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
}

/**
 * Reads a request body as UTF-8 text, refusing more than `maxBytes` (from Content-Length when
 * given, else while streaming, so a huge chunked body is cut off early) and invalid UTF-8.
 * `incoming` is Node's request when served by @hono/node-server; `tooLarge` makes the 413.
 */
export async function readBody(
  request: Request,
  maxBytes: number,
  incoming?: IncomingMessage,
  tooLarge: (maxBytes: number) => ApiError = batchTooLarge,
): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks = incoming ? await collectIncoming(incoming, maxBytes, tooLarge) : await collectWeb(request, maxBytes, tooLarge);
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_utf8', 'the request body is not valid UTF-8');
  }
}
