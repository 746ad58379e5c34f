import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP proxy in front of a server whose paths can be made unreachable at will. */
export interface SwitchableProxy {
  url: string;
  /** While set, requests to paths starting with one of these prefixes get their connection cut. */
  cut(prefixes: string[]): void;
  /** How many requests were cut so far. */
  readonly cutCount: number;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `target`. Cutting the connection is what a network loss looks like to a
 * browser (fetch and beacons alike fail), unlike request interception in the browser, which
 * beacons sent while a page unloads escape.
 */
export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const to = new URL(target);
  let prefixes: string[] = [];
  let cutCount = 0;
  const server: Server = createServer((req, res) => {
    if (prefixes.some((p) => req.url?.startsWith(p))) {
      cutCount++;
      req.socket.destroy();
      return;
    }
    const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut(p) {
      prefixes = p;
    },
    get cutCount() {
      return cutCount;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
