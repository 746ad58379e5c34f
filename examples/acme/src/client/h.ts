/** A child accepted by {@link h}; falsy values are skipped. */
export type Child = Node | string | number | false | null | undefined;

/** Attribute values; `true` sets an empty attribute, `false`/undefined leave it out. */
export type Attributes = Record<string, string | number | boolean | undefined>;

/** Creates an element with attributes and children (no inline styles: the CSP forbids them). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}
