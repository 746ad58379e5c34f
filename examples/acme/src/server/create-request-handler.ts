import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from './content-security-policy.js';
import { renderPage, type PageValues } from './render-page.js';
import { serveAsset } from './serve-asset.js';

/** Everything the request handler needs, already loaded and validated. */
export interface RequestHandlerOptions {
  /** Directory of the bundled front end (`dist/assets`). */
  assetsDir: string;
  /** Page templates, read once at start. */
  pages: { login: string; app: string };
  /** Origin allowed by the CSP to serve script and receive connections. */
  collectorOrigin: string;
  values: PageValues;
}

/** The node:http handler for the Acme demo: pages, assets, SPA fallback for `/app/*`. */
export function createRequestHandler(options: RequestHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const csp = contentSecurityPolicy(options.collectorOrigin);
  const login = renderPage(options.pages.login, options.values);
  const app = renderPage(options.pages.app, options.values);

  function sendPage(res: ServerResponse, html: string, headOnly: boolean): void {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(headOnly ? undefined : html);
  }

  function redirect(res: ServerResponse, location: string): void {
    res.writeHead(302, { Location: location, 'Content-Length': 0 });
    res.end();
  }

  return (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    const headOnly = method === 'HEAD';
    const { pathname } = new URL(req.url ?? '/', 'http://acme.invalid');
    if (pathname === '/') return redirect(res, '/login.html');
    if (pathname === '/login' || pathname === '/login.html') return sendPage(res, login, headOnly);
    if (pathname === '/app') return redirect(res, '/app/');
    if (pathname.startsWith('/app/')) return sendPage(res, app, headOnly);
    if (pathname.startsWith('/assets/')) {
      serveAsset(options.assetsDir, pathname.slice('/assets/'.length), res, headOnly).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  };
}
