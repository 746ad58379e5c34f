import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCollectorApp } from '../src/create-collector-app.js';
import { openApiDocument } from '../src/http/openapi.js';
import { silentLogger } from '../src/log.js';
import { openPgliteSql } from '../src/db/pglite-sql.js';

const document = openApiDocument() as { paths: Record<string, Record<string, unknown>> };

describe('the OpenAPI document', () => {
  it('is checked in as docs/openapi.json, up to date', () => {
    const checkedIn = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
    // When this fails, run: pnpm --filter @waymark/collector openapi
    expect(checkedIn).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('describes every route the collector serves, and nothing it does not', async () => {
    const sql = await openPgliteSql();
    const app = createCollectorApp({ sql, log: silentLogger });
    const served = new Set(
      app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
    );
    const documented = new Set(Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)));
    expect([...served].sort()).toEqual([...documented].sort());
    const res = await app.request('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toBe('3.1.0');
    await sql.close();
  });
});

describe('docs/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    const doc = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
  });
});
