/* global FormData */
/** Sign-in form. */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { app, homeOf, loadSession } from '../app.js';

export function loginView(main) {
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    {
      class: 'login',
      onsubmit: async (event) => {
        event.preventDefault();
        const data = new FormData(form);
        try {
          await api('POST', '/api/session', {
            username: data.get('username'),
            password: data.get('password'),
          });
          await loadSession();
          app.go(homeOf());
        } catch (e) {
          error.textContent = e.message;
        }
      },
    },
    h('h1', {}, 'Sign in'),
    h(
      'label',
      {},
      'Username',
      h('input', {
        name: 'username',
        id: 'username',
        autocomplete: 'username',
        required: true,
        autofocus: true,
      }),
    ),
    h(
      'label',
      {},
      'Password',
      h('input', {
        name: 'password',
        id: 'password',
        type: 'password',
        autocomplete: 'current-password',
        required: true,
      }),
    ),
    h('button', { type: 'submit', id: 'sign-in' }, 'Sign in'),
    error,
  );
  replace(main, form);
}
