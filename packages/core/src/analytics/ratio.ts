/** `count / of`, or undefined when `of` is 0 (a rate with nothing to measure it against). */
export const ratio = (count: number, of: number): number | undefined => (of > 0 ? count / of : undefined);
