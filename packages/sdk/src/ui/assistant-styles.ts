/**
 * The assistant panel's stylesheet, adopted next to the UI's (whose custom properties and classes
 * it uses) while the panel shows: it ships in the assistant chunk, not the UI chunk.
 */
export const assistantCss = `.ah{display:flex;align-items:flex-end;gap:4px;border-bottom:1px solid var(--l);margin:-6px -4px 10px}
.tabs{display:flex;flex:1;min-width:0;overflow-x:auto}
[role=tab]{flex:none;border:0;border-bottom:2px solid transparent;border-radius:0;background:none;padding:.45em .6em;color:var(--m);white-space:nowrap}
[role=tab][aria-selected=true]{color:var(--f);border-bottom-color:var(--a);font-weight:600}
.ah .x{margin-bottom:.35em}
.tabs .n{position:static;display:inline-block;margin-inline-start:4px;vertical-align:.1em}
.tp:focus-visible{outline-offset:4px}
.list{list-style:none;margin:0;padding:0}.list>:first-child,.list>:first-child .g{border-top:0}
h3{font-size:1em;margin:0 0 .3em;display:flex;flex-wrap:wrap;align-items:center;gap:6px}
.item img{display:block;max-width:100%;border-radius:6px;margin-bottom:.4em}
.nb p{margin:0 0 .4em}.cta{margin-top:.3em}
label{display:block;font-weight:600}
input{font:inherit;width:100%;margin:.35em 0 .6em;padding:.45em .6em;border:1px solid var(--l);border-radius:6px;background:var(--b);color:var(--f)}
.g{display:block;width:100%;text-align:start;border:0;border-top:1px solid var(--l);border-radius:0;padding:.6em .25em}
.g{color:var(--a)}.g:hover{text-decoration:underline}`;
