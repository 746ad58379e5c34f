import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiRoutes } from '@waymark/core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where each collector test file reports the contract routes it exercised. */
    contractDir: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** The collector project's test files, relative to the package. */
function testFiles(): string[] {
  return ['src', 'test'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join(dir, f)),
  );
}

/**
 * Global setup of the collector tests: after a run of every collector test file, each route of
 * the contract must have been answered at least once (a route no test calls is a contract no
 * test checks). A run of some files or tests only checks nothing here. vitest ignores errors
 * thrown by a global teardown, so a miss is printed and sets the exit code.
 */
export default function contractCoverage(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-contract-'));
  project.provide('contractDir', dir);
  return () => {
    const reports = readdirSync(dir).map(
      (f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { file: string; complete: boolean; seen: Record<string, number[]> },
    );
    rmSync(dir, { recursive: true, force: true });
    const ran = new Set(reports.filter((r) => r.complete).map((r) => relative(root, r.file)));
    if (!testFiles().every((f) => ran.has(f))) return;
    const seen = new Set(reports.flatMap((r) => Object.keys(r.seen)));
    const missing = apiRoutes.map((r) => `${r.method.toUpperCase()} ${r.path}`).filter((key) => !seen.has(key));
    if (missing.length === 0) return;
    process.stderr.write(`\nRoutes of the API contract that no collector test calls (core api/; add a test that calls each):\n  ${missing.join('\n  ')}\n\n`);
    process.exitCode = 1;
  };
}
