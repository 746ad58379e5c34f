// The loader, kept as ES5 text so it can be pasted inline anywhere. It defines `window.waymark`
// as an array whose methods push `[method, ...args]`, then injects the async tracker script; the
// tracker replays the array in order (see replay-stub.ts, which lists the same methods).
const loader =
  '!function(w,d,k,s,a){var q=w.waymark=w.waymark||[];if(!Array.isArray(q)||q.l)return;q.l=1;' +
  '"identify group track page reset consent flush startGuide showChecklist debug ui quiet onGateChange preview".split(" ").forEach(function(m){q[m]=function(){q.push([m].concat([].slice.call(arguments)))}});' +
  'var e=d.createElement("script");e.async=!0;e.src=s;e.setAttribute("data-key",k);a&&e.setAttribute("data-api",a);' +
  '(d.head||d.documentElement).appendChild(e)}';

// JSON is valid JavaScript; escaping `<` keeps a value from closing the surrounding <script> element.
const literal = (value: string): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The copy-paste loader snippet (the analytics.js convention): calls made before the tracker loads
 * are queued and replayed. `src` is the tracker's URL; `api` the collector if not the script's origin.
 */
export function snippet(key: string, src: string, api?: string): string {
  return `${loader}(window,document,${literal(key)},${literal(src)}${api ? `,${literal(api)}` : ''});`;
}
