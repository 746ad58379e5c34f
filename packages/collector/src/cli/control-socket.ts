import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { join, resolve } from 'node:path';

/** What a management command printed and its exit code. */
export interface ControlAnswer {
  code: number;
  out: string;
  err: string;
}

/** The socket a collector on the embedded database listens on, in its data directory. */
export function controlSocketPath(dataDir: string): string {
  return join(resolve(dataDir), 'control.sock');
}

const maxRequest = 64 * 1024;

/** Reads one newline-ended JSON line from `socket`. */
function readLine(socket: Socket): Promise<unknown> {
  return new Promise((done, fail) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > maxRequest) socket.destroy(new Error('request too large'));
      const end = text.indexOf('\n');
      if (end >= 0) {
        try {
          done(JSON.parse(text.slice(0, end)));
        } catch (error) {
          fail(error);
        }
      }
    });
    socket.once('error', fail);
    socket.once('end', () => fail(new Error('connection closed before a full line')));
  });
}

/**
 * Listens on the data directory's control socket, so that management commands (`apps`, `csm`)
 * started while this process holds the embedded database run here, with its open database. The
 * socket is the user's own (mode 0600, in a directory whose files already hold the database).
 * Returns the cleanup, which stops listening and removes the socket; undefined where it cannot
 * listen (Windows, a path too long for a socket).
 */
export async function serveControl(dataDir: string, run: (argv: string[]) => Promise<ControlAnswer>): Promise<(() => Promise<void>) | undefined> {
  if (process.platform === 'win32') return undefined;
  const path = controlSocketPath(dataDir);
  // This process holds the directory's lock: a socket file left there is from a process that died.
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    void readLine(socket)
      .then(async (request) => {
        const argv = (request as { argv?: unknown }).argv;
        if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) throw new Error('argv must be an array of strings');
        return run(argv);
      })
      .catch((error: Error): ControlAnswer => ({ code: 1, out: '', err: `waymark-collector: ${error.message}\n` }))
      .then((answer) => socket.end(`${JSON.stringify(answer)}\n`));
  });
  const listening = await new Promise<boolean>((done) => {
    server.once('error', () => done(false));
    server.listen(path, () => done(true));
  });
  if (!listening) return undefined;
  chmodSync(path, 0o600);
  return () =>
    new Promise<void>((done) => {
      server.close(() => done());
      rmSync(path, { force: true });
    });
}

/** Asks the collector holding `dataDir` to run `argv`; undefined when none listens there. */
export async function sendControl(dataDir: string, argv: string[]): Promise<ControlAnswer | undefined> {
  if (process.platform === 'win32') return undefined;
  const socket = createConnection(controlSocketPath(dataDir));
  const connected = await new Promise<boolean>((done) => {
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
  if (!connected) return undefined;
  socket.write(`${JSON.stringify({ argv })}\n`);
  try {
    return (await readLine(socket)) as ControlAnswer;
  } finally {
    socket.destroy();
  }
}
