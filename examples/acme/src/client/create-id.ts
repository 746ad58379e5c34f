/** A short unique-enough id with a prefix, e.g. `prj_lq3k9a2f`; works outside secure contexts too. */
export function createId(prefix: string, now: number, random: () => number): string {
  return `${prefix}_${now.toString(36)}${Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}
