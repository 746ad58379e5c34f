import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';

const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };

/**
 * The test page: a small app screen with five targets (#t1 to #t5), all inside an 1280×800
 * viewport so no library has to scroll. `head` is the library's own tags (scripts, styles).
 */
export function tourPage(title, head) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
  body { margin: 0; font: 14px/1.5 system-ui, sans-serif; color: #1f2937; background: #f9fafb; }
  header { display: flex; align-items: center; gap: 16px; padding: 12px 24px; background: #fff; border-bottom: 1px solid #e5e7eb; }
  header h1 { font-size: 18px; margin: 0 24px 0 0; }
  header input { width: 320px; padding: 6px 10px; border: 1px solid #d1d5db; border-radius: 6px; }
  header .spacer { flex: 1; }
  button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid #d1d5db; background: #fff; }
  main { display: grid; grid-template-columns: 220px 1fr; gap: 24px; padding: 24px; }
  nav a { display: block; padding: 6px 10px; color: inherit; text-decoration: none; }
  .card { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 16px; }
  .bars { display: flex; align-items: end; gap: 8px; height: 120px; }
  .bars i { flex: 1; background: #c7d2fe; }
  .actions { display: flex; justify-content: flex-end; margin-top: 16px; }
  table { width: 100%; border-collapse: collapse; } td { padding: 6px 0; border-top: 1px solid #f3f4f6; }
</style>
${head}
</head>
<body>
<header>
  <h1>Acme Reports</h1>
  <button id="t1">New project</button>
  <input id="t2" type="search" placeholder="Search projects, people and reports" aria-label="Search">
  <span class="spacer"></span>
  <button id="t3">Invite</button>
</header>
<main>
  <nav><a href="#">Projects</a><a href="#">Reports</a><a href="#">Team</a><a href="#">Settings</a></nav>
  <section>
    <div class="card" id="t4" style="width: 420px">
      <h2 style="margin-top: 0">This week</h2>
      <div class="bars"><i style="height: 40%"></i><i style="height: 65%"></i><i style="height: 55%"></i><i style="height: 80%"></i><i style="height: 70%"></i><i style="height: 30%"></i><i style="height: 20%"></i></div>
    </div>
    <div class="card" style="margin-top: 24px">
      <table>
        <tr><td>Onboarding funnel</td><td>12 Mar</td></tr>
        <tr><td>Weekly active accounts</td><td>10 Mar</td></tr>
        <tr><td>Feature adoption</td><td>7 Mar</td></tr>
      </table>
      <div class="actions"><button id="t5">Export CSV</button></div>
    </div>
  </section>
</main>
</body>
</html>
`;
}

/**
 * Serves the test pages and the peers' files on 127.0.0.1 (a free port): `pages` maps a path to
 * HTML, `files` a path to a file on disk. Anything else is a 404. `close()` stops it.
 */
export async function startTourServer({ pages, files }) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      if (pages.has(path)) {
        res.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-store' });
        res.end(pages.get(path));
      } else if (files.has(path)) {
        const file = files.get(path);
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
        res.end(await readFile(file));
      } else {
        // favicon.ico among others: an empty answer, so the browser logs no error.
        res.writeHead(path === '/favicon.ico' ? 204 : 404);
        res.end();
      }
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
