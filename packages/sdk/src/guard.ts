import { warn } from './debug.js';

/** Wraps a public method so it never throws into the host page; an error becomes a debug log. */
export function guard<A extends unknown[], R>(name: string, fn: (...args: A) => R, fallback: R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      if (typeof __DEBUG__ !== 'undefined' && __DEBUG__) warn(`${name}() failed`, error);
      return fallback;
    }
  };
}
