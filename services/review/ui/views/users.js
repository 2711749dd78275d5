/* global FormData */
/** Reviewer accounts (admin). */
import { api } from '../api.js';
import { h, replace, when } from '../dom.js';
import { app } from '../app.js';

const ROLES = ['analyst', 'auditor', 'admin'];

export async function usersView(main) {
  const { items } = await api('GET', '/api/users');
  const form = h(
    'form',
    {
      id: 'user-form',
      onsubmit: async (event) => {
        event.preventDefault();
        const data = new FormData(form);
        try {
          await api('POST', '/api/users', {
            username: data.get('username'),
            password: data.get('password'),
            roles: ROLES.filter((r) => data.get(`role-${r}`)),
          });
          app.say(`Reviewer ${data.get('username')} created.`, 'ok');
          await usersView(main);
        } catch (error) {
          app.say(error.message, 'error');
        }
      },
    },
    h('h2', {}, 'New reviewer'),
    h('label', {}, 'Username ', h('input', { name: 'username', required: true })),
    h(
      'label',
      {},
      ' Password ',
      h('input', {
        name: 'password',
        type: 'password',
        minlength: 12,
        required: true,
        autocomplete: 'new-password',
      }),
    ),
    ROLES.map((r) => h('label', {}, h('input', { type: 'checkbox', name: `role-${r}` }), ` ${r}`)),
    h('button', { type: 'submit' }, 'Create'),
  );
  const toggle = (user) => async () => {
    try {
      await api('PATCH', `/api/users/${encodeURIComponent(user.username)}`, { disabled: !user.disabled });
      await usersView(main);
    } catch (error) {
      app.say(error.message, 'error');
    }
  };
  replace(
    main,
    h('h1', {}, 'Reviewers'),
    h(
      'table',
      { id: 'users' },
      h(
        'tr',
        {},
        ['username', 'roles', 'created', 'status', ''].map((t) => h('th', {}, t)),
      ),
      items.map((u) =>
        h(
          'tr',
          {},
          h('td', {}, u.username),
          h('td', {}, u.roles.join(', ')),
          h('td', {}, when(u.created_at)),
          h('td', {}, u.disabled ? 'disabled' : 'active'),
          h(
            'td',
            {},
            u.username === app.reviewer.username
              ? ''
              : h('button', { type: 'button', onclick: toggle(u) }, u.disabled ? 'Enable' : 'Disable'),
          ),
        ),
      ),
    ),
    form,
  );
}
