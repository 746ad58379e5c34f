/** A shadow root Waymark renders into, and how to take it away again. */
export interface ShadowMount {
  host: HTMLElement;
  root: ShadowRoot;
  cleanup(): void;
}

/**
 * Appends a host element to `document.body` with an open shadow root styled by `css` as a
 * constructable stylesheet (allowed by a CSP without 'unsafe-inline'). `all: initial` on the host
 * keeps the page's styles off it and out; the shadow boundary keeps ours in. The one
 * place the UI touches the page's DOM tree.
 */
export function mountShadow(doc: Document, css: string): ShadowMount {
  const host = doc.createElement('div');
  host.setAttribute('data-waymark-ui', '');
  // The page's own rules never reach the host (a global :focus outline, a div rule): an inline
  // declaration marked important beats them all, and the CSSOM is allowed by a strict CSP.
  host.style.setProperty('all', 'initial', 'important');
  const root = host.attachShadow({ mode: 'open' });
  // Constructable stylesheets (Chrome 73, Firefox 101, Safari 16.4) are required; where they are
  // missing this throws and the tracker carries on without the UI.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  doc.body.append(host);
  return { host, root, cleanup: () => host.remove() };
}
