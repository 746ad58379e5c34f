/** A shadow root Waymark renders into, and how to take it away again. */
export interface ShadowMount {
  host: HTMLElement;
  root: ShadowRoot;
  cleanup(): void;
}

/**
 * Appends a host element to `document.body` with an open shadow root styled by `css` as a
 * constructable stylesheet (allowed by a CSP without 'unsafe-inline'). `:host { all: initial }`
 * in the sheet keeps the page's inherited styles out; the shadow boundary keeps ours in. The one
 * place the UI touches the page's DOM tree.
 */
export function mountShadow(doc: Document, css: string): ShadowMount {
  const host = doc.createElement('div');
  host.setAttribute('data-waymark-ui', '');
  const root = host.attachShadow({ mode: 'open' });
  // Constructable stylesheets (Chrome 73, Firefox 101, Safari 16.4) are required; where they are
  // missing this throws and the tracker carries on without the UI.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  doc.body.append(host);
  return { host, root, cleanup: () => host.remove() };
}
