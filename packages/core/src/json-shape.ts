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

/**
 * Walks a parsed JSON value and reports the first nesting deeper than `maxDepth`, forbidden
 * key, or string that cannot be stored. Iterative, so hostile depth cannot overflow the stack.
 */
export function checkJsonShape(value: unknown, basePath: string, maxDepth: number = limits.maxDepth): ShapeProblem | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: basePath, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (typeof top.value === 'string') {
      const problem = stringProblem(top.value);
      if (problem) return { path: top.path, reason: problem };
      continue;
    }
    if (top.value === null || typeof top.value !== 'object') continue;
    if (top.depth >= maxDepth) return { path: top.path, reason: `nested deeper than ${maxDepth} levels` };
    if (Array.isArray(top.value)) {
      top.value.forEach((item, i) => stack.push({ value: item, path: `${top.path}[${i}]`, depth: top.depth + 1 }));
      continue;
    }
    for (const key of Object.keys(top.value)) {
      const path = top.path === '' ? key : `${top.path}.${key}`;
      if (forbiddenKeys.has(key)) return { path, reason: `key "${key}" is not allowed` };
      const keyProblem = stringProblem(key);
      if (keyProblem) return { path, reason: `key ${keyProblem}` };
      stack.push({ value: (top.value as Record<string, unknown>)[key], path, depth: top.depth + 1 });
    }
  }
  return undefined;
}
