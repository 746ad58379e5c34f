import { connect } from 'node:net';

/**
 * One keep-alive HTTP/1.1 connection that sends one request at a time and reads its answer.
 * A load generator shares the machine's cores with the collector it measures, so it is kept to
 * what a benchmark needs: it writes a request as a single string and reads the status and a
 * Content-Length or chunked body. It is not a general HTTP client (no redirects, no pipelining).
 */
export async function openHttpConnection(url) {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port), noDelay: true });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffer = Buffer.alloc(0);
  let waiting = null;
  let failure = null;

  const fail = (error) => {
    failure ??= error;
    const w = waiting;
    waiting = null;
    w?.reject(failure);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the server closed the connection')));
  socket.on('data', (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    if (!waiting) return;
    let answer;
    try {
      answer = parseResponse(buffer);
    } catch (error) {
      return fail(error);
    }
    if (!answer) return;
    buffer = buffer.subarray(answer.consumed);
    const w = waiting;
    waiting = null;
    w.resolve({ status: answer.status, body: answer.body });
  });

  return {
    /** Sends one request; resolves with the status and the body as text. */
    request(method, path, headers, body) {
      if (failure) return Promise.reject(failure);
      const head = [
        `${method} ${path} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
        `Content-Length: ${Buffer.byteLength(body)}`,
      ];
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
      });
    },
    close() {
      socket.removeAllListeners('close');
      socket.end();
    },
  };
}

/** The first complete response in `buffer`, or null when more bytes are needed. */
function parseResponse(buffer) {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const head = buffer.toString('latin1', 0, headEnd).split('\r\n');
  const status = Number(head[0].split(' ')[1]);
  if (!Number.isInteger(status)) throw new Error(`not an HTTP response: ${JSON.stringify(head[0])}`);
  const header = (name) =>
    head
      .find((l) => l.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  const start = headEnd + 4;
  const length = header('content-length');
  if (length !== undefined) {
    const end = start + Number(length);
    return buffer.length < end ? null : { status, body: buffer.toString('utf8', start, end), consumed: end };
  }
  if (header('transfer-encoding')?.toLowerCase() !== 'chunked') throw new Error('a response without Content-Length must be chunked');
  const parts = [];
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(buffer.toString('latin1', at, lineEnd), 16);
    if (!Number.isInteger(size)) throw new Error('a malformed chunk size');
    const dataEnd = lineEnd + 2 + size;
    if (buffer.length < dataEnd + 2) return null;
    if (size === 0) return { status, body: Buffer.concat(parts).toString('utf8'), consumed: dataEnd + 2 };
    parts.push(buffer.subarray(lineEnd + 2, dataEnd));
    at = dataEnd + 2;
  }
}
