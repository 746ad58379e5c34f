import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Creates a database `waymark_bench_<random>` on the server of `adminUrl` and returns its URL;
 * `drop()` removes it (forcibly, so a crashed run leaves nothing behind on the next cleanup).
 */
export async function createScratchDatabase(adminUrl) {
  const name = `waymark_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
