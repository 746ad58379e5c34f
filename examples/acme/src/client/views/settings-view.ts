import { h } from '../h.js';
import { pageHeader } from '../page-header.js';
import type { View, ViewContext } from '../view.js';
import type { Settings } from '../workspace.js';

type Section = keyof Settings;

const TABS: readonly { id: Section; label: string }[] = [
  { id: 'profile', label: 'Profile' },
  { id: 'workspace', label: 'Workspace' },
  { id: 'notifications', label: 'Notifications' },
];

function sectionFromHash(hash: string): Section {
  return TABS.find((tab) => `#${tab.id}` === hash)?.id ?? 'profile';
}

/** `/app/settings`: three tabs chosen by `location.hash` (so switching tabs fires hashchange). */
export const settingsView: View = (context) => {
  const { win, outlet } = context;
  const tabLinks = TABS.map((tab) =>
    h('a', { href: `#${tab.id}`, class: 'tab', 'data-tab': tab.id, 'data-waymark-anchor': `settings-tab-${tab.id}` }, tab.label),
  );
  const panel = h('div', { class: 'tab-panel' });

  function show(): void {
    const section = sectionFromHash(win.location.hash);
    for (const link of tabLinks) {
      if (link.dataset.tab === section) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    panel.replaceChildren(sectionForm(section, context));
  }

  outlet.append(
    pageHeader('Settings', 'Your profile, your workspace and what we email you about.'),
    h('nav', { class: 'tabs', 'aria-label': 'Settings sections' }, ...tabLinks),
    panel,
  );
  show();
  win.addEventListener('hashchange', show);
  return () => win.removeEventListener('hashchange', show);
};

function sectionForm(section: Section, { store, analytics }: ViewContext): HTMLElement {
  const settings = store.get().settings;
  const status = h('span', { class: 'form-message success', role: 'status' });
  const fields = fieldsFor(section, settings);
  const form = h(
    'form',
    { class: 'card settings-form', 'data-section': section },
    ...fields.elements,
    h(
      'div',
      { class: 'form-actions' },
      h(
        'button',
        { type: 'submit', class: 'btn btn-primary', 'data-waymark-feature': 'settings.save', 'data-waymark-anchor': `settings-save-${section}` },
        'Save changes',
      ),
      status,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    store.update((workspace) => fields.apply(workspace.settings));
    analytics.track('Settings Saved', { section });
    status.textContent = 'Saved';
  });
  return form;
}

function textField(label: string, name: string, value: string): [HTMLElement, HTMLInputElement] {
  const input = h('input', { type: 'text', name, value, maxlength: 80, 'data-waymark-anchor': `settings-${name}` });
  return [h('label', { class: 'field' }, h('span', {}, label), input), input];
}

function checkField(label: string, name: string, checked: boolean): [HTMLElement, HTMLInputElement] {
  const input = h('input', { type: 'checkbox', name, checked, 'data-waymark-anchor': `settings-${name}` });
  return [h('label', { class: 'check' }, input, h('span', {}, label)), input];
}

function fieldsFor(section: Section, settings: Settings): { elements: HTMLElement[]; apply(target: Settings): void } {
  if (section === 'profile') {
    const [nameField, name] = textField('Display name', 'display-name', settings.profile.displayName);
    const [titleField, title] = textField('Job title', 'job-title', settings.profile.title);
    return {
      elements: [nameField, titleField],
      apply: (target) => {
        target.profile = { displayName: name.value.trim(), title: title.value.trim() };
      },
    };
  }
  if (section === 'workspace') {
    const [nameField, name] = textField('Workspace name', 'workspace-name', settings.workspace.name);
    const [zoneField, zone] = textField('Time zone', 'timezone', settings.workspace.timezone);
    return {
      elements: [nameField, zoneField],
      apply: (target) => {
        target.workspace = { name: name.value.trim(), timezone: zone.value.trim() || 'UTC' };
      },
    };
  }
  const [digestField, digest] = checkField('Weekly digest of project activity', 'weekly-digest', settings.notifications.weeklyDigest);
  const [mentionField, mentions] = checkField('Email me when someone mentions me', 'mentions', settings.notifications.mentions);
  return {
    elements: [digestField, mentionField],
    apply: (target) => {
      target.notifications = { weeklyDigest: digest.checked, mentions: mentions.checked };
    },
  };
}
