import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Sends one file from `assetsDir` for a request path below `/assets/`; answers 404 for anything
 * missing, of an unknown type, or resolving outside the directory. Returns the status sent.
 */
export async function serveAsset(assetsDir: string, relativePath: string, res: ServerResponse, headOnly: boolean): Promise<number> {
  const root = resolve(assetsDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return notFound(res);
  }
  const filePath = resolve(root, `.${sep}${decoded}`);
  const contentType = CONTENT_TYPES[extname(filePath)];
  if (!filePath.startsWith(root + sep) || contentType === undefined) return notFound(res);
  let body: Buffer;
  try {
    body = await readFile(filePath);
  } catch {
    return notFound(res);
  }
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(headOnly ? undefined : body);
  return 200;
}

function notFound(res: ServerResponse): number {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
  return 404;
}
