/** Values injected into an HTML page template at request time. */
export interface PageValues {
  /** Collector base URL without a trailing slash, e.g. `http://localhost:8787`. */
  collector: string;
  /** The app's public key (`pk_...`). */
  publicKey: string;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
};

function escapeAttribute(value: string): string {
  return value.replace(/[&"'<>]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}

/** Fills `{{COLLECTOR}}` and `{{PUBLIC_KEY}}` in a page template; both only ever appear inside attributes. */
export function renderPage(template: string, values: PageValues): string {
  return template.replaceAll('{{COLLECTOR}}', escapeAttribute(values.collector)).replaceAll('{{PUBLIC_KEY}}', escapeAttribute(values.publicKey));
}
