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

/** Characters that need a closer look: NUL, anything outside ASCII (multi-byte, surrogates). */
const notPlainAscii = /[^\u0001-\u007f]/;

/** UTF-8 bytes of a storable string, or why it cannot be stored. Plain ASCII (the usual case) costs one native regex test. */
function stringBytes(text: string): number | string {
  if (!notPlainAscii.test(text)) return text.length;
  return stringProblem(text) ?? byteLength(text);
}

const pathOf = (steps: ReadonlyArray<string | number>, basePath: string): string => {
  let path = basePath;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    path = typeof step === 'number' ? `${path}[${step}]` : path === '' ? step : `${path}.${step}`;
  }
  return path;
};

/** A problem on the way back up: the reason and the steps from the problem up to the value walked. */
interface Found {
  reason: string;
  steps: Array<string | number>;
}

/**
 * Walks a parsed JSON value once: reports the first nesting deeper than `maxDepth`, forbidden
 * key, or string that cannot be stored, and measures its size as JSON. Recursion stops at
 * `maxDepth`, so hostile depth cannot overflow the stack; paths are built only for a problem.
 */
export function inspectJson(value: unknown, basePath: string, maxDepth: number = limits.maxDepth): JsonInspection {
  let bytes = 0;
  function walk(v: unknown, depth: number): Found | undefined {
    if (typeof v === 'string') {
      const size = stringBytes(v);
      if (typeof size === 'string') return { reason: size, steps: [] };
      bytes += size + 2;
      return undefined;
    }
    if (v === null || typeof v !== 'object') {
      bytes += String(v).length;
      return undefined;
    }
    if (depth >= maxDepth) return { reason: `nested deeper than ${maxDepth} levels`, steps: [] };
    if (Array.isArray(v)) {
      bytes += v.length > 0 ? v.length + 1 : 2;
      for (let i = 0; i < v.length; i++) {
        const found = walk(v[i], depth + 1);
        if (found) return (found.steps.push(i), found);
      }
      return undefined;
    }
    const keys = Object.keys(v);
    bytes += keys.length > 0 ? keys.length + 1 : 2;
    for (const key of keys) {
      if (forbiddenKeys.has(key)) return { reason: `key "${key}" is not allowed`, steps: [key] };
      const keySize = stringBytes(key);
      if (typeof keySize === 'string') return { reason: `key ${keySize}`, steps: [key] };
      bytes += keySize + 3;
      const found = walk((v as Record<string, unknown>)[key], depth + 1);
      if (found) return (found.steps.push(key), found);
    }
    return undefined;
  }
  const found = walk(value, 0);
  return { problem: found ? { path: pathOf(found.steps, basePath), reason: found.reason } : undefined, bytes };
}
