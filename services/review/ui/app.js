/* global HTMLElement, URLSearchParams, document, location, window */
/**
 * The review UI: a hash-routed single page. Each view renders into <main> with DOM calls only and
 * may register keyboard shortcuts (shown in the footer); shortcuts are off while typing in a field.
 */
import { api, whenSignedOut } from './api.js';
import { h, replace } from './dom.js';
import { loginView } from './views/login.js';
import { queueView } from './views/queue.js';
import { messageView } from './views/message.js';
import { channelView } from './views/channel.js';
import { auditView } from './views/audit.js';
import { samplesView, sampleView, sampleItemView } from './views/samples.js';
import { exportView } from './views/export.js';
import { usersView } from './views/users.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const status = document.getElementById('status');
const keysBar = document.getElementById('keys');

let leaving = null;
// Closing the tab or reloading: let the view give back what it holds (e.g. its lease).
window.addEventListener('pagehide', () => leaving?.());

/** What views share: the signed-in reviewer, review settings, the last queue worked, helpers. */
export const app = {
  /** Sets what to do when the reviewer leaves the current view (null: nothing). */
  onLeave(handler) {
    leaving = handler;
  },
  reviewer: null,
  meta: null,
  /** The queue the reviewer came from: its items and filters, so "next" continues it. */
  queue: null,
  can(capability) {
    return Boolean(this.reviewer?.capabilities.includes(capability));
  },
  go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  say(text, kind = 'info') {
    status.className = `status ${kind}`;
    status.textContent = text;
  },
};

// Shortcuts belong to a view element, so a view still loading for a page already left cannot
// take over the keyboard of the page shown.
const viewKeys = new WeakMap();

function paintKeys(keys) {
  replace(
    keysBar,
    Object.entries(keys).map(([key, [label]]) => h('span', { class: 'key' }, h('kbd', {}, key), ' ', label)),
  );
}

/** Registers the shortcuts of `view` (the element a view renders into): { key: [description, handler] }. */
export function setKeys(view, keys) {
  viewKeys.set(view, keys);
  if (main.firstElementChild === view) paintKeys(keys);
}

document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable]')) {
    if (event.key === 'Escape') target.blur();
    return;
  }
  const binding = (viewKeys.get(main.firstElementChild) ?? {})[event.key];
  if (binding) {
    event.preventDefault();
    binding[1]();
  }
});

function renderNav() {
  const links = [
    ['read', '#/queue/messages', 'Messages'],
    ['read', '#/queue/channels', 'Channels'],
    ['audit_log', '#/audit', 'Audit log'],
    ['decide_sample', '#/samples', 'Audit samples'],
    ['export', '#/export', 'Export'],
    ['users', '#/users', 'Users'],
  ].filter(([capability]) => app.can(capability));
  replace(
    nav,
    links.map(([, href, text]) =>
      h('a', { href, class: location.hash.startsWith(href) ? 'active' : null }, text),
    ),
  );
  if (!app.reviewer) return replace(who);
  replace(
    who,
    h('span', {}, app.reviewer.username, ' (', app.reviewer.roles.join(', '), ')'),
    ' ',
    h(
      'label',
      { class: 'blur-setting', title: 'Blur text labelled terrorism until revealed' },
      h('input', {
        type: 'checkbox',
        id: 'blur-setting',
        checked: app.reviewer.blur_terrorism,
        onchange: async (event) => {
          const result = await api('PUT', '/api/me/settings', { blur_terrorism: event.target.checked });
          app.reviewer = result.reviewer;
          app.say(
            app.reviewer.blur_terrorism
              ? 'Terrorism-labelled text is blurred until revealed.'
              : 'Blurring is off.',
          );
        },
      }),
      ' blur terrorism',
    ),
    ' ',
    h('button', { type: 'button', id: 'sign-out', onclick: signOut }, 'Sign out'),
  );
}

async function signOut() {
  await api('DELETE', '/api/session').catch(() => undefined);
  app.reviewer = null;
  app.go('#/login');
}

/** Loads who is signed in; false when nobody is. */
export async function loadSession() {
  try {
    app.reviewer = (await api('GET', '/api/me')).reviewer;
    app.meta = await api('GET', '/api/meta');
    return true;
  } catch {
    app.reviewer = null;
    return false;
  }
}

function homeOf() {
  if (app.can('read')) return '#/queue/messages';
  if (app.can('users')) return '#/users';
  return '#/samples';
}

const ROUTES = [
  [/^#\/login$/, (view) => loginView(view)],
  [
    /^#\/queue\/(messages|channels)(\?.*)?$/,
    (view, m) => queueView(view, m[1], new URLSearchParams(m[2] ?? '')),
  ],
  [/^#\/message\/(\d+)\/(\d+)$/, (view, m) => messageView(view, m[1], Number(m[2]))],
  [/^#\/channel\/(\d+)$/, (view, m) => channelView(view, m[1])],
  [/^#\/audit(\?.*)?$/, (view, m) => auditView(view, new URLSearchParams(m[1] ?? ''))],
  [/^#\/samples$/, (view) => samplesView(view)],
  [/^#\/samples\/(\d+)$/, (view, m) => sampleView(view, Number(m[1]))],
  [/^#\/samples\/(\d+)\/(\d+)$/, (view, m) => sampleItemView(view, Number(m[1]), Number(m[2]))],
  [/^#\/export$/, (view) => exportView(view)],
  [/^#\/users$/, (view) => usersView(view)],
];

// Each navigation renders into a fresh element and shows it only if no later navigation started
// meanwhile: views load data asynchronously and must not overwrite the page the reviewer moved to.
let generation = 0;

async function route() {
  const mine = ++generation;
  const leave = leaving;
  leaving = null;
  leave?.();
  const hash = location.hash || '#/';
  if (!app.reviewer && hash !== '#/login' && !(await loadSession())) return app.go('#/login');
  if (mine !== generation) return;
  renderNav();
  const match = ROUTES.map(([pattern, view]) => [pattern.exec(hash), view]).find(([m]) => m);
  if (!match) return app.go(app.reviewer ? homeOf() : '#/login');
  const view = h('div', { class: 'view' });
  try {
    await match[1](view, match[0]);
  } catch (error) {
    replace(view, h('p', { class: 'error' }, error.message));
  }
  if (mine !== generation) return;
  replace(main, view);
  paintKeys(viewKeys.get(view) ?? {});
  (view.querySelector('[autofocus]') ?? main).focus({ preventScroll: true });
}

export { homeOf };
whenSignedOut(() => {
  app.reviewer = null;
  if (location.hash !== '#/login') app.go('#/login');
});
window.addEventListener('hashchange', route);
route();
