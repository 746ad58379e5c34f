import type { DemoUser } from './demo-users.js';

function setText(doc: Document, id: string, text: string): void {
  const element = doc.getElementById(id);
  if (element) element.textContent = text;
}

/** Puts the signed-in user and account into the static header of `app.html`. */
export function fillShell(doc: Document, user: DemoUser): void {
  setText(doc, 'account-name', user.account.name);
  setText(doc, 'account-plan', user.account.plan);
  setText(doc, 'user-name', user.name);
  setText(
    doc,
    'user-avatar',
    user.name
      .split(' ')
      .map((part) => part[0] ?? '')
      .join(''),
  );
  doc.body.classList.add('ready');
}

/** Marks the sidebar link for `nav` as the current page. */
export function highlightNav(doc: Document, nav: string): void {
  for (const link of doc.querySelectorAll<HTMLElement>('[data-nav]')) {
    if (link.dataset.nav === nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
