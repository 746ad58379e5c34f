import { byteLength } from './byte-length.js';
import { limits } from './limits.js';

/** Keys refused anywhere in a message: they would rewrite prototypes in naive consumers. */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as JSON text (NUL characters and lone surrogates are refused by PostgreSQL). */
function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (loneSurrogate.test(text)) return 'contains an unpaired UTF-16 surrogate (not valid Unicode)';
  return undefined;
}

/** A problem found in a JSON value: the dotted path to it and what is wrong. */
export interface ShapeProblem {
  path: string;
  reason: string;
}

/** What `inspectJson` found: the first problem, if any, and the value's size as JSON text. */
export interface JsonInspection {
  problem: ShapeProblem | undefined;
  /** UTF-8 bytes of the value serialised as JSON, not counting escape characters. */
  bytes: number;
}

interface Node {
  value: unknown;
  depth: number;
  parent: Node | undefined;
  /** Property name or array index within the parent. */
  step: string | number | undefined;
}

function pathOf(node: Node, basePath: string): string {
  const steps: Array<string | number> = [];
  for (let n: Node | undefined = node; n && n.step !== undefined; n = n.parent) steps.push(n.step);
  let path = basePath;
  for (const step of steps.reverse()) path = typeof step === 'number' ? `${path}[${step}]` : path === '' ? step : `${path}.${step}`;
  return path;
}

/**
 * Walks a parsed JSON value once: reports the first nesting deeper than `maxDepth`, forbidden
 * key, or string that cannot be stored, and measures its size as JSON. Iterative, so hostile
 * depth cannot overflow the stack; paths are built only for a problem.
 */
export function inspectJson(value: unknown, basePath: string, maxDepth: number = limits.maxDepth): JsonInspection {
  const stack: Node[] = [{ value, depth: 0, parent: undefined, step: undefined }];
  let bytes = 0;
  const fail = (node: Node, reason: string): JsonInspection => ({ problem: { path: pathOf(node, basePath), reason }, bytes });
  while (stack.length > 0) {
    const top = stack.pop()!;
    const v = top.value;
    if (typeof v === 'string') {
      const problem = stringProblem(v);
      if (problem) return fail(top, problem);
      bytes += byteLength(v) + 2;
      continue;
    }
    if (v === null || typeof v !== 'object') {
      bytes += String(v).length;
      continue;
    }
    if (top.depth >= maxDepth) return fail(top, `nested deeper than ${maxDepth} levels`);
    if (Array.isArray(v)) {
      bytes += 2 + Math.max(0, v.length - 1);
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: top.depth + 1, parent: top, step: i });
      continue;
    }
    const keys = Object.keys(v);
    bytes += 2 + Math.max(0, keys.length - 1);
    for (const key of keys) {
      const child: Node = { value: (v as Record<string, unknown>)[key], depth: top.depth + 1, parent: top, step: key };
      if (forbiddenKeys.has(key)) return fail(child, `key "${key}" is not allowed`);
      const keyProblem = stringProblem(key);
      if (keyProblem) return fail(child, `key ${keyProblem}`);
      bytes += byteLength(key) + 3;
      stack.push(child);
    }
  }
  return { problem: undefined, bytes };
}
