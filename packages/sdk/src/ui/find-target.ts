/** Where a guide step points: a CSS selector, a `data-waymark-anchor` value, or both (selector first). */
export interface TargetSpec {
  selector?: string;
  anchor?: string;
}

function visible(el: Element): boolean {
  return el.getClientRects().length > 0;
}

function query(root: Document | ShadowRoot, selector: string): Element | undefined {
  try {
    return [...root.querySelectorAll(selector)].find(visible);
  } catch {
    return undefined; // an invalid selector in the config finds nothing
  }
}

/**
 * The first visible element the spec points at, searching the document and then, depth first,
 * every open shadow root inside it. Hidden elements (no layout box) count as not there yet.
 */
export function findTarget(spec: TargetSpec, root: Document | ShadowRoot = document): Element | undefined {
  const selectors = [spec.selector, spec.anchor === undefined ? undefined : `[data-waymark-anchor="${CSS.escape(spec.anchor)}"]`];
  for (const selector of selectors) {
    if (selector === undefined) continue;
    const found = query(root, selector);
    if (found) return found;
  }
  for (const el of root.querySelectorAll('*')) {
    // Waymark's own shadow root is never a target.
    if (el.shadowRoot && !el.hasAttribute('data-waymark-ui')) {
      const found = findTarget(spec, el.shadowRoot);
      if (found) return found;
    }
  }
  return undefined;
}
