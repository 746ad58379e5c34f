import { formatDate } from '../format.js';
import { h } from '../h.js';
import { pageHeader } from '../page-header.js';
import type { View } from '../view.js';
import type { Invite } from '../workspace.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `/app/team`: members, pending invites and the invite form. */
export const teamView: View = ({ outlet, user, store, analytics, now }) => {
  function render(message?: { kind: 'error' | 'success'; text: string }): void {
    const { invites } = store.get();
    const used = 1 + invites.length;

    const emailInput = h('input', {
      type: 'email',
      name: 'email',
      required: true,
      placeholder: 'teammate@company.com',
      autocomplete: 'off',
      'data-waymark-anchor': 'invite-email-input',
    });
    const roleSelect = h(
      'select',
      { name: 'role', 'data-waymark-anchor': 'invite-role-select' },
      h('option', { value: 'member' }, 'Member'),
      h('option', { value: 'admin' }, 'Admin'),
    );
    const form = h(
      'form',
      { class: 'inline-form', novalidate: true },
      h('label', { class: 'field grow' }, h('span', {}, 'Email address'), emailInput),
      h('label', { class: 'field' }, h('span', {}, 'Role'), roleSelect),
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-waymark-feature': 'team.invite', 'data-waymark-anchor': 'invite-button' }, 'Send invite'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const email = emailInput.value.trim().toLowerCase();
      const role: Invite['role'] = roleSelect.value === 'admin' ? 'admin' : 'member';
      if (!EMAIL.test(email)) return render({ kind: 'error', text: 'Enter a valid email address.' });
      if (email === user.email || invites.some((invite) => invite.email === email)) {
        return render({ kind: 'error', text: `${email} is already on the team.` });
      }
      if (used >= user.account.seats) return render({ kind: 'error', text: 'All seats are in use. Upgrade your plan to add more.' });
      const saved = store.update((workspace) => {
        workspace.invites.push({ email, role, invitedAt: new Date(now()).toISOString() });
      });
      analytics.track('Teammate Invited', { role, invitedCount: saved.invites.length });
      render({ kind: 'success', text: `Invitation sent to ${email}.` });
    });

    const rows = [
      h(
        'tr',
        {},
        h('td', {}, user.name, h('span', { class: 'tag' }, 'You')),
        h('td', {}, user.email),
        h('td', {}, user.role),
        h('td', {}, h('span', { class: 'status status-active' }, 'Active')),
      ),
      ...invites.map((invite) =>
        h(
          'tr',
          {},
          h('td', { class: 'muted' }, '—'),
          h('td', {}, invite.email),
          h('td', {}, invite.role),
          h('td', {}, h('span', { class: 'status status-pending' }, `Invited ${formatDate(invite.invitedAt)}`)),
        ),
      ),
    ];

    outlet.replaceChildren(
      pageHeader('Team', `${used} of ${user.account.seats} seats used on the ${user.account.plan} plan.`),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Invite teammates'),
        h('p', { class: 'muted' }, 'Projects go faster together. Invited people get an email with a link to join.'),
        form,
        message ? h('p', { class: `form-message ${message.kind}`, role: message.kind === 'error' ? 'alert' : 'status' }, message.text) : null,
      ),
      h(
        'table',
        { class: 'card table', 'data-waymark-anchor': 'team-table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Email'), h('th', {}, 'Role'), h('th', {}, 'Status'))),
        h('tbody', {}, ...rows),
      ),
    );
  }

  render();
  return () => {};
};
