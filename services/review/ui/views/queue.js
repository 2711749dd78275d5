/* global FormData, location */
/** The message and channel queues: filters, keyset paging, keyboard navigation. */
import { api, query } from '../api.js';
import { h, pct, replace, score, when } from '../dom.js';
import { app, setKeys } from '../app.js';

const LABELS = ['fraud', 'drugs', 'terrorism'];
const MESSAGE_FILTERS = [
  'sort',
  'label',
  'lang',
  'channel',
  'score_min',
  'score_max',
  'from',
  'to',
  'decision',
];
const CHANNEL_FILTERS = ['sort', 'label', 'decision'];

function select(name, value, options) {
  return h(
    'select',
    { name, id: `f-${name}` },
    options.map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') ? true : null }, text)),
  );
}

function filtersForm(kind, params) {
  const input = (name, props = {}) =>
    h('input', { name, id: `f-${name}`, value: params.get(name) ?? '', ...props });
  const fields = [
    h(
      'label',
      {},
      'Sort ',
      select('sort', params.get('sort') ?? 'uncertainty', [
        ['uncertainty', 'uncertainty (review band first)'],
        ['risk', 'risk'],
      ]),
    ),
    h(
      'label',
      {},
      'Label ',
      select('label', params.get('label'), [['', 'any'], ...LABELS.map((l) => [l, l])]),
    ),
    h(
      'label',
      {},
      'Decision ',
      select('decision', params.get('decision') ?? 'open', [
        ['open', 'undecided'],
        ['confirmed', 'confirmed'],
        ['rejected', 'rejected'],
        ['relabelled', 'relabelled'],
        ['decided', 'any decided'],
        ['any', 'all'],
      ]),
    ),
  ];
  if (kind === 'messages') {
    fields.push(
      h('label', {}, 'Language ', input('lang', { size: 4, placeholder: 'en' })),
      h('label', {}, 'Channel ', input('channel', { size: 12, inputmode: 'numeric' })),
      h(
        'label',
        {},
        'Score ',
        input('score_min', { size: 4, placeholder: '0' }),
        '–',
        input('score_max', { size: 4, placeholder: '1' }),
      ),
      h('label', {}, 'From ', input('from', { type: 'date' })),
      h('label', {}, 'To ', input('to', { type: 'date' })),
    );
  }
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (event) => {
        event.preventDefault();
        const data = new FormData(form);
        const next = {};
        for (const name of kind === 'messages' ? MESSAGE_FILTERS : CHANNEL_FILTERS)
          next[name] = data.get(name);
        app.go(`#/queue/${kind}${query(next)}`);
      },
    },
    fields,
    h('button', { type: 'submit' }, 'Apply'),
  );
  return form;
}

function labelChips(labels, uncertain = []) {
  return [
    ...labels.map((l) => h('span', { class: `chip chip-${l}` }, l)),
    ...uncertain.map((l) =>
      h('span', { class: `chip chip-band chip-${l}`, title: 'in the review band' }, `${l}?`),
    ),
  ];
}

export async function queueView(main, kind, params) {
  const apiParams = {};
  for (const name of kind === 'messages' ? MESSAGE_FILTERS : CHANNEL_FILTERS)
    apiParams[name] = params.get(name);
  apiParams.limit = 50;
  const state = { items: [], cursor: null, selected: 0 };
  const rows = h('tbody');
  const more = h('button', { type: 'button', id: 'load-more', onclick: () => load() }, 'Load more');
  const table = h(
    'table',
    { class: 'queue', id: 'queue' },
    h(
      'thead',
      {},
      kind === 'messages'
        ? h(
            'tr',
            {},
            h('th', {}, 'Message'),
            h('th', {}, 'Labels'),
            h('th', {}, 'Scores f/d/t'),
            h('th', {}, 'Channel'),
            h('th', {}, 'Date'),
            h('th', {}, 'Lang'),
            h('th', {}, 'State'),
          )
        : h(
            'tr',
            {},
            h('th', {}, 'Channel'),
            h('th', {}, 'Verdict'),
            h('th', {}, 'Messages'),
            h('th', {}, 'Flagged share'),
            h('th', {}, 'In review band'),
            h('th', {}, 'State'),
          ),
    ),
    rows,
  );

  const open = (index) => {
    const item = state.items[index];
    if (!item) return;
    app.queue = {
      kind,
      hash: location.hash,
      items: state.items,
      index,
      cursor: state.cursor,
      params: apiParams,
    };
    app.go(
      kind === 'messages'
        ? `#/message/${item.channel_id}/${item.message_id}`
        : `#/channel/${item.channel_id}`,
    );
  };

  const row = (item, index) => {
    const cells =
      kind === 'messages'
        ? [
            h('td', { class: 'preview' }, item.preview),
            h('td', {}, labelChips(item.labels, item.uncertain)),
            h(
              'td',
              { class: 'num' },
              `${score(item.scores.fraud)} / ${score(item.scores.drugs)} / ${score(item.scores.terrorism)}`,
            ),
            h('td', {}, item.channel_title ?? item.channel_id),
            h('td', {}, when(item.date)),
            h('td', {}, item.lang),
            h('td', {}, item.state),
          ]
        : [
            h(
              'td',
              {},
              item.title ?? item.channel_id,
              item.username ? h('span', { class: 'muted' }, ` @${item.username}`) : null,
            ),
            h('td', {}, item.violates ? labelChips(item.violating_labels) : 'does not violate'),
            h('td', { class: 'num' }, String(item.messages)),
            h('td', { class: 'num' }, pct(item.flagged_share.any)),
            h('td', { class: 'num' }, String(item.in_review_band_any)),
            h('td', {}, item.state),
          ];
    return h(
      'tr',
      {
        class: index === state.selected ? 'selected' : null,
        dataset: { index: String(index) },
        onclick: () => open(index),
      },
      cells,
    );
  };

  const paint = () => {
    replace(rows, state.items.map(row));
    more.hidden = !state.cursor;
    rows.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
  };

  async function load(reset = false) {
    const page = await api(
      'GET',
      `/api/queue/${kind}${query({ ...apiParams, cursor: reset ? null : state.cursor })}`,
    );
    state.items = reset ? page.items : [...state.items, ...page.items];
    state.cursor = page.next_cursor;
    paint();
    app.say(
      state.items.length === 0
        ? 'Nothing to review with these filters.'
        : `${state.items.length} item(s) loaded.`,
    );
  }

  const move = (delta) => {
    if (state.items.length === 0) return;
    state.selected = Math.max(0, Math.min(state.items.length - 1, state.selected + delta));
    paint();
  };

  replace(
    main,
    h('h1', {}, kind === 'messages' ? 'Message queue' : 'Channel queue'),
    filtersForm(kind, params),
    table,
    more,
  );
  setKeys(main, {
    j: ['next row', () => move(1)],
    k: ['previous row', () => move(-1)],
    ArrowDown: ['next row', () => move(1)],
    ArrowUp: ['previous row', () => move(-1)],
    Enter: ['open', () => open(state.selected)],
    o: ['open', () => open(state.selected)],
    r: ['reload', () => load(true)],
  });
  await load(true);
}
