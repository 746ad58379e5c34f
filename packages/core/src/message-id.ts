/** A source of 16 random bytes (crypto.getRandomValues in browsers, node:crypto on servers). */
export type RandomBytes = (length: number) => Uint8Array;

const hex = (byte: number): string => (byte + 0x100).toString(16).slice(1);

/** Creates an RFC 4122 version 4 UUID from injected randomness; used as messageId and anonymousId. */
export function createMessageId(randomBytes: RandomBytes): string {
  const b = randomBytes(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += hex(b[i] ?? 0);
  }
  return out;
}
