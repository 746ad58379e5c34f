import { startAcme } from './server.js';

/** CLI: `node dist/main.js` with ACME_PORT (default 3000), WAYMARK_URL and WAYMARK_KEY. */
async function main(): Promise<void> {
  const port = Number(process.env.ACME_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`ACME_PORT must be a port number, got ${process.env.ACME_PORT}`);
  }
  const collectorUrl = process.env.WAYMARK_URL ?? 'http://localhost:8787';
  const publicKey = process.env.WAYMARK_KEY ?? 'pk_demo';
  const acme = await startAcme({ port, collectorUrl, publicKey, host: process.env.ACME_HOST });
  console.log(`Acme Projects on ${acme.url}/login.html (Waymark at ${collectorUrl}, key ${publicKey})`);
  const stop = (): void => {
    acme.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
