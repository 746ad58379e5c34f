import type { Guide } from '../config/guide.js';

// Words that say how a question is asked, not what it is about ("How do I invite a teammate?").
const stopWords = new Set(
  'a an and are can do does for from get how i in is it me my of on or the to use using we what where which who why with you your'.split(' '),
);

/** The words of `text` that carry meaning: lower case, split at anything but letters and digits, stop words left out. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !stopWords.has(w));
}

/**
 * How well the query word `q` matches the guide's word `w`: the same word 1, the start of it
 * (typing "inv") 0.7, or a longer form of it ("invites" for "invite", words of four letters or
 * more) 0.6; else 0.
 */
function wordMatch(q: string, w: string): number {
  if (q === w) return 1;
  if (w.startsWith(q)) return 0.7;
  return w.length >= 4 && q.startsWith(w) ? 0.6 : 0;
}

const best = (q: string, ws: string[]): number => Math.max(0, ...ws.map((w) => wordMatch(q, w)));

/**
 * The guides a user's question finds, best first: each meaningful word of `query` scores its best
 * match in the guide's title (weight 3) or its `keywords` (weight 2); guides with no match are
 * left out, ties keep the config's order. A query of stop words only finds nothing. Pure: the
 * assistant searches the config it already has, with no request.
 */
export function searchGuides(config: { guides: readonly Guide[] }, query: string): Guide[] {
  const asked = [...new Set(words(query))];
  if (!asked.length) return [];
  return config.guides
    .map((guide, i) => {
      const title = words(guide.title);
      const keywords = (guide.keywords ?? []).flatMap(words);
      const score = asked.reduce((sum, q) => sum + Math.max(3 * best(q, title), 2 * best(q, keywords)), 0);
      return { guide, score, i };
    })
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .map((x) => x.guide);
}
