/* global FormData, location */
/** The audit log: every decision, newest first, superseded ones marked. */
import { api, query } from '../api.js';
import { h, replace, when } from '../dom.js';
import { app, setKeys } from '../app.js';

export async function auditView(main, params) {
  const filters = { reviewer: params.get('reviewer'), sample: params.get('sample'), limit: 50 };
  const rows = h('tbody');
  const more = h('button', { type: 'button', onclick: () => load() }, 'Older decisions');
  let cursor = null;
  async function load() {
    const page = await api('GET', `/api/decisions${query({ ...filters, cursor })}`);
    for (const d of page.items) {
      const item =
        d.kind === 'message' ? `#/message/${d.channel_id}/${d.message_id}` : `#/channel/${d.channel_id}`;
      rows.appendChild(
        h(
          'tr',
          { class: d.superseded_by ? 'superseded' : null },
          h('td', { class: 'num' }, String(d.id)),
          h('td', {}, when(d.decided_at)),
          h('td', {}, d.reviewer),
          h(
            'td',
            {},
            h(
              'a',
              { href: item },
              d.kind === 'message' ? `${d.channel_id}/${d.message_id}` : `channel ${d.channel_id}`,
            ),
          ),
          h('td', {}, d.action),
          h('td', {}, `[${d.labels.join(', ') || 'none'}]`),
          h('td', {}, `[${d.model_labels.join(', ') || 'none'}]`),
          h('td', {}, d.sample_id ? `sample ${d.sample_id}` : ''),
          h(
            'td',
            {},
            d.supersedes ? `supersedes #${d.supersedes}` : '',
            d.superseded_by ? ` superseded by #${d.superseded_by}` : '',
          ),
          h('td', { class: 'note' }, d.note ?? ''),
        ),
      );
    }
    cursor = page.next_cursor;
    more.hidden = !cursor;
    app.say(`${rows.children.length} decision(s) shown.`);
  }
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (event) => {
        event.preventDefault();
        const data = new FormData(form);
        app.go(`#/audit${query({ reviewer: data.get('reviewer'), sample: data.get('sample') })}`);
      },
    },
    h('label', {}, 'Reviewer ', h('input', { name: 'reviewer', value: filters.reviewer ?? '' })),
    h(
      'label',
      {},
      'Sample ',
      h('input', { name: 'sample', value: filters.sample ?? '', inputmode: 'numeric', size: 5 }),
    ),
    h('button', { type: 'submit' }, 'Filter'),
  );
  replace(
    main,
    h('h1', {}, 'Audit log'),
    h('p', { class: 'muted' }, 'Append-only: a later decision supersedes an earlier one, which stays here.'),
    form,
    h(
      'table',
      { class: 'audit', id: 'audit-log' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            '#',
            'when',
            'reviewer',
            'item',
            'action',
            'gold labels',
            'model labels',
            'sample',
            'history',
            'note',
          ].map((t) => h('th', {}, t)),
        ),
      ),
      rows,
    ),
    more,
  );
  setKeys(main, { r: ['reload', () => app.go(location.hash)] });
  await load();
}
