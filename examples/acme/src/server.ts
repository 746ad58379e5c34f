import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from './server/create-request-handler.js';

/** Options for {@link startAcme}. */
export interface AcmeOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Base URL of the Waymark collector that serves `/sdk/waymark.js`. */
  collectorUrl: string;
  /** The Waymark app's public key, put on the script tag as `data-key`. */
  publicKey: string;
  /** Interface to bind; defaults to 127.0.0.1. */
  host?: string;
}

/** A running Acme server. */
export interface AcmeServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  close(): Promise<void>;
}

/** Starts the Acme Projects demo product (built front end from `dist/`) on node:http. */
export async function startAcme(options: AcmeOptions): Promise<AcmeServer> {
  const collector = parseCollectorUrl(options.collectorUrl);
  // src/server.ts and dist/server.js both sit one level below the package root.
  const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
  const pages = await readPages(distDir);
  const handler = createRequestHandler({
    assetsDir: `${distDir}assets`,
    pages,
    collectorOrigin: collector.origin,
    values: { collector: collector.href.replace(/\/+$/, ''), publicKey: options.publicKey },
  });
  const server = createServer(handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function parseCollectorUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`collectorUrl is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`collectorUrl must be http(s): ${JSON.stringify(value)}`);
  }
  return url;
}

async function readPages(distDir: string): Promise<{ login: string; app: string }> {
  try {
    const [login, app] = await Promise.all([readFile(`${distDir}login.html`, 'utf8'), readFile(`${distDir}app.html`, 'utf8')]);
    return { login, app };
  } catch (cause) {
    throw new Error(`Acme front end not built in ${distDir}: run \`pnpm --filter @waymark/example-acme build\``, { cause });
  }
}
