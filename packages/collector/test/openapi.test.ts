import { readFileSync } from 'node:fs';
import { apiRoutes } from '@waymark/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.js';
import { openPgliteSql } from '../src/db/pglite-sql.js';
import type { Sql } from '../src/db/sql.js';
import { collectorApp } from './fixtures.js';

type Document = { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>> };

const checkedIn = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8')) as Document;
let sql: Sql;
let app: ReturnType<typeof collectorApp>;

beforeAll(async () => {
  sql = await openPgliteSql();
  app = collectorApp({ sql, log: silentLogger });
});
afterAll(() => sql.close());

describe('the OpenAPI document', () => {
  it('is served at /v1/openapi.json exactly as checked in as docs/openapi.json', async () => {
    const res = await app.request('/v1/openapi.json');
    expect(res.status).toBe(200);
    // When this fails, run: pnpm --filter @waymark/collector openapi
    expect(await res.json()).toEqual(checkedIn);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    await expect(SwaggerParser.validate(structuredClone(checkedIn) as never)).resolves.toBeTruthy();
  });

  it('describes every route the collector serves (path and method), and nothing it does not', () => {
    const served = new Set(
      app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
    );
    const documented = new Set(Object.entries(checkedIn.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)));
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('has every route of the contract with its parameters and statuses', () => {
    for (const route of apiRoutes) {
      const op = checkedIn.paths[route.path]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      const params = (op!.parameters ?? []).map((p) => `${p.in} ${p.name}`).sort();
      const expected = [
        ...Object.keys(route.params?.shape ?? {}).map((n) => `path ${n}`),
        ...Object.keys(route.query?.shape ?? {}).map((n) => `query ${n}`),
        ...Object.keys(route.headers?.shape ?? {}).map((n) => `header ${n}`),
      ].sort();
      expect(params, `${route.method} ${route.path}`).toEqual(expected);
      expect(Object.keys(op!.responses).sort(), `${route.method} ${route.path}`).toEqual(Object.keys(route.responses).sort());
    }
  });
});
