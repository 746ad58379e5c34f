import { ApiError } from './api-error.js';

/**
 * Reads a request body as UTF-8 text, refusing more than `maxBytes` (from Content-Length when
 * given, else while streaming, so a huge chunked body is cut off early) and invalid UTF-8.
 */
export async function readBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new ApiError(413, 'batch_too_large', `the request body is larger than ${Math.round(maxBytes / 1024)} KB; send fewer messages per batch`);
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_utf8', 'the request body is not valid UTF-8');
  }
}
