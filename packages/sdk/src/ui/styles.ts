/**
 * The UI's stylesheet, adopted by its shadow root. Themed by custom properties the host page can
 * set anywhere above the UI (they inherit through the shadow boundary), e.g. on `:root`:
 * --waymark-accent, --waymark-accent-text, --waymark-background, --waymark-text, --waymark-muted,
 * --waymark-border, --waymark-radius, --waymark-backdrop, --waymark-font, --waymark-z-index.
 */
export const css = `.w{--a:var(--waymark-accent,#4f46e5);--af:var(--waymark-accent-text,#fff);--b:var(--waymark-background,#fff);--f:var(--waymark-text,#1f2937);--m:var(--waymark-muted,#6b7280);--l:var(--waymark-border,#e5e7eb);--r:var(--waymark-radius,10px);font:var(--waymark-font,14px/1.45 system-ui,sans-serif);color:var(--f);position:relative;z-index:var(--waymark-z-index,2147483000)}
*{box-sizing:border-box}p,h2{margin:0 0 .4em}h2{font-size:1.1em}a{color:var(--a)}
button{font:inherit;cursor:pointer;border-radius:6px;border:1px solid var(--l);background:var(--b);color:var(--f);padding:.3em .8em}
.p,.launcher{background:var(--a);border-color:var(--a);color:var(--af)}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
.x,.link{border:0;background:none;padding:0 .3em;color:var(--m)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.launcher,.panel,.pop{position:fixed;bottom:20px;inset-inline-end:20px;z-index:4;box-shadow:0 6px 20px #0003}
.launcher{border-radius:99px;padding:.6em 1em}
.n{position:fixed;bottom:48px;inset-inline-end:14px;z-index:5;padding:0 .45em;border-radius:99px;background:#dc2626;color:#fff;font-size:.75em;pointer-events:none}
.panel{bottom:70px;width:min(360px,90vw);max-height:70vh;overflow:auto}
.panel,.pop{background:var(--b);border:1px solid var(--l);border-radius:var(--r);padding:14px}
.head,.row{display:flex;justify-content:space-between;align-items:center;gap:8px}
.head h2{min-width:0;overflow-wrap:anywhere;margin-right:auto}.x{flex:none}.row{flex-wrap:wrap}
.btns{display:flex;gap:6px;margin-inline-start:auto}
.tag{flex:none;font-size:.75em;font-weight:600;text-transform:uppercase;letter-spacing:.04em;padding:.1em .5em;border-radius:99px;border:1px dashed var(--a);color:var(--a)}
.bar{height:6px;background:var(--l);margin:.5em 0}.bar i{display:block;height:100%;background:var(--a)}
ol{list-style:none;margin:0;padding:0}
.item{display:flex;gap:8px;padding:.5em 0;border-top:1px solid var(--l)}
.mark{flex:none;width:1.3em;height:1.3em;border-radius:50%;border:2px solid var(--l);text-align:center;font-size:.8em}
.done .mark{background:var(--a);color:var(--af)}.done .t{text-decoration:line-through}
.d,.count,.done .t{color:var(--m)}.link{text-decoration:underline}
.spot,.backdrop{position:fixed;z-index:3;pointer-events:none;border-radius:6px;box-shadow:0 0 0 100vmax var(--waymark-backdrop,#1118278c)}
.backdrop{inset:50%}
.pop{top:0;left:0;bottom:auto;right:auto;width:max-content;max-width:min(340px,90vw);animation:in .2s}
.c{top:50%;left:50%;transform:translate(-50%,-50%)}.wait{visibility:hidden}
.arrow{position:absolute;width:10px;height:10px;background:inherit;transform:rotate(45deg)}
.row{margin-top:.6em}
.toast{position:fixed;top:16px;left:50%;transform:translateX(-50%);z-index:5;background:var(--f);color:var(--b);padding:.6em 1em;border-radius:var(--r);animation:in .3s}
.bub{max-width:min(320px,90vw)}.bub ul{margin:.4em 0;padding-inline-start:1.2em}
.c2{top:auto;left:auto;bottom:20px;inset-inline-start:20px;width:min(420px,calc(100vw - 40px));max-width:none}
.bub img{display:block;max-width:100%;border-radius:6px;margin-bottom:.5em}.c.bub{max-width:min(460px,90vw)}
.bn{left:0;right:0;width:auto;max-width:none;border-radius:0;display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;padding:10px 16px}.bn.bottom{top:auto;bottom:0}
.bn .head{display:contents}.bn h2{margin:0}.bn .x{order:9}.bn .nb{flex:1}.bn .row{margin:0}.bn p{margin:0}.row:empty{display:none}.bn img{max-height:32px;width:auto;margin:0}.c2{animation:sl .3s}
.hot{position:fixed;z-index:4;width:16px;height:16px;padding:0;border-radius:50%;background:var(--a);border:2px solid var(--b);animation:pulse 1.5s infinite}
@keyframes pulse{50%{box-shadow:0 0 0 8px #4f46e533}}
@keyframes in{from{opacity:.5}}@keyframes sl{from{transform:translateY(24px)}}
@media (max-width:500px){.c2{bottom:70px}}
@media (prefers-reduced-motion:reduce){*{animation:none!important}}`;
