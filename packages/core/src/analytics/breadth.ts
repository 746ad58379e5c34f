/**
 * Breadth: the share of the core features (keys) that the account used at least once. Duplicate
 * keys count once; used keys that are not core features are ignored. Undefined when there are no
 * core features.
 */
export function breadth(usedFeatures: Iterable<string>, coreFeatures: readonly string[]): number | undefined {
  const core = new Set(coreFeatures);
  if (core.size === 0) return undefined;
  const used = new Set([...usedFeatures].filter((key) => core.has(key)));
  return used.size / core.size;
}
