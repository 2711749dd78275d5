/* global FormData */
/**
 * Audit samples: auditors draw them; reviewers work them blind (no score, no flag, no evidence),
 * choosing the labels that apply (1/2/3, 0 for none) and saving (s).
 */
import { api, query } from '../api.js';
import { h, replace, when } from '../dom.js';
import { app, setKeys } from '../app.js';
import { holdLease } from './decide.js';

const LABELS = ['fraud', 'drugs', 'terrorism'];
const DEFAULT_STRATA = [
  [0, 0.2, 25],
  [0.2, 0.5, 25],
  [0.5, 0.8, 25],
  [0.8, 1, 25],
];

function createForm() {
  const strataRows = DEFAULT_STRATA.map(([min, max, size], i) =>
    h(
      'tr',
      {},
      h('td', {}, h('input', { name: `min${i}`, value: String(min), size: 4 })),
      h('td', {}, h('input', { name: `max${i}`, value: String(max), size: 4 })),
      h('td', {}, h('input', { name: `size${i}`, value: String(size), size: 5 })),
    ),
  );
  const form = h(
    'form',
    {
      class: 'sample-form',
      id: 'sample-form',
      onsubmit: async (event) => {
        event.preventDefault();
        const data = new FormData(form);
        const strata = DEFAULT_STRATA.map((_, i) => ({
          min: Number(data.get(`min${i}`)),
          max: Number(data.get(`max${i}`)),
          size: Number(data.get(`size${i}`)),
        })).filter((s) => s.size > 0);
        const body = { kind: data.get('kind'), strata };
        if (data.get('label')) body.label = data.get('label');
        if (data.get('seed')) body.seed = Number(data.get('seed'));
        try {
          const { sample } = await api('POST', '/api/samples', body);
          app.say(`Sample ${sample.id} drawn: ${sample.size} items (seed ${sample.seed}).`, 'ok');
          app.go(`#/samples/${sample.id}`);
        } catch (error) {
          app.say(error.message, 'error');
        }
      },
    },
    h('h2', {}, 'Draw a stratified sample'),
    h(
      'label',
      {},
      'Of ',
      h(
        'select',
        { name: 'kind', id: 'sample-kind' },
        h('option', { value: 'channel' }, 'channels'),
        h('option', { value: 'message' }, 'messages'),
      ),
    ),
    h(
      'label',
      {},
      ' by score of ',
      h(
        'select',
        { name: 'label' },
        h('option', { value: '' }, 'any label'),
        LABELS.map((l) => h('option', { value: l }, l)),
      ),
    ),
    h('label', {}, ' seed ', h('input', { name: 'seed', size: 10, placeholder: 'random' })),
    h(
      'table',
      {},
      h('tr', {}, h('th', {}, 'score from'), h('th', {}, 'below'), h('th', {}, 'draw')),
      strataRows,
    ),
    h('button', { type: 'submit', id: 'draw-sample' }, 'Draw sample'),
  );
  return form;
}

export async function samplesView(main) {
  const { items } = await api('GET', '/api/samples');
  replace(
    main,
    h('h1', {}, 'Audit samples'),
    h('p', { class: 'muted' }, 'Items of a sample are shown blind: no model score, flag or evidence.'),
    items.length === 0
      ? h('p', {}, 'No samples yet.')
      : h(
          'table',
          { id: 'samples' },
          h(
            'tr',
            {},
            ['#', 'of', 'drawn', 'reviewed', 'by', 'when', 'seed'].map((t) => h('th', {}, t)),
          ),
          items.map((s) =>
            h(
              'tr',
              {},
              h('td', {}, h('a', { href: `#/samples/${s.id}` }, String(s.id))),
              h('td', {}, `${s.kind}s${s.label ? ` by ${s.label}` : ''}`),
              h('td', { class: 'num' }, String(s.size)),
              h('td', { class: 'num' }, String(s.decided)),
              h('td', {}, s.created_by),
              h('td', {}, when(s.created_at)),
              h('td', { class: 'num' }, String(s.seed)),
            ),
          ),
        ),
    app.can('sample') ? createForm() : null,
  );
}

export async function sampleView(main, id) {
  const { sample, items } = await api('GET', `/api/samples/${id}`);
  const firstOpen = items.find((i) => !i.decided) ?? items[0];
  replace(
    main,
    h('h1', {}, `Audit sample ${sample.id}`),
    h(
      'p',
      {},
      `${sample.size} ${sample.kind}s drawn by ${sample.created_by} on ${when(sample.created_at)}, seed ${sample.seed}; ${sample.decided} reviewed.`,
    ),
    h(
      'table',
      { class: 'strata' },
      h(
        'tr',
        {},
        ['stratum', 'score', 'population N_h', 'drawn n_h'].map((t) => h('th', {}, t)),
      ),
      sample.strata.map((s) =>
        h(
          'tr',
          {},
          h('td', {}, s.name),
          h('td', {}, `[${s.score_min}, ${s.score_max})`),
          h('td', { class: 'num' }, String(s.population)),
          h('td', { class: 'num' }, String(s.drawn)),
        ),
      ),
    ),
    firstOpen
      ? h(
          'p',
          {},
          h('a', { href: `#/samples/${id}/${firstOpen.position}`, id: 'start-review' }, 'Review (blind) →'),
        )
      : null,
    h(
      'ol',
      { class: 'sample-items', start: '0' },
      items.map((i) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: `#/samples/${id}/${i.position}` },
            i.kind === 'message' ? `message ${i.channel_id}/${i.message_id}` : `channel ${i.channel_id}`,
          ),
          i.decided ? ` ✓ [${i.labels.join(', ') || 'none'}]` : '',
        ),
      ),
    ),
  );
  setKeys(
    main,
    firstOpen ? { Enter: ['start reviewing', () => app.go(`#/samples/${id}/${firstOpen.position}`)] } : {},
  );
}

export async function sampleItemView(main, id, position) {
  const item = await api('GET', `/api/samples/${id}/items/${position}${query({ limit: 100 })}`);
  const { items } = await api('GET', `/api/samples/${id}`);
  const next =
    items.find((i) => i.position > position && !i.decided) ?? items.find((i) => i.position > position);
  const goNext = () => app.go(next ? `#/samples/${id}/${next.position}` : `#/samples/${id}`);
  const body = {
    kind: item.kind,
    channel_id: item.channel_id,
    ...(item.kind === 'message' ? { message_id: item.message_id } : {}),
  };
  let leaseNote = null;
  try {
    await api('POST', '/api/leases', body);
    holdLease(body);
  } catch (error) {
    if (error.status !== 409) throw error;
    leaseNote = h('p', { class: 'warning', id: 'lease-held' }, error.message);
  }
  const previous = item.decision?.labels ?? [];
  const boxes = LABELS.map((l) =>
    h('input', { type: 'checkbox', id: `blind-${l}`, checked: previous.includes(l) }),
  );
  const note = h('textarea', { id: 'note', rows: 2, maxlength: 4000, placeholder: 'Note (optional)' });
  const save = async () => {
    const payload = {
      ...body,
      action: 'relabel',
      labels: LABELS.filter((_, i) => boxes[i].checked),
      sample_id: id,
    };
    if (note.value.trim()) payload.note = note.value.trim();
    try {
      await api('POST', '/api/decisions', payload);
      app.onLeave(null);
      app.say(`Saved [${payload.labels.join(', ') || 'none'}] for item ${position}.`, 'ok');
      goNext();
    } catch (error) {
      app.say(error.message, 'error');
    }
  };
  const content =
    item.kind === 'message'
      ? [
          h('p', { class: 'muted' }, `posted ${when(item.date)} in `, item.channel?.title ?? item.channel_id),
          h('div', { class: 'message-text', id: 'message-text' }, item.text),
          h('h3', {}, 'Around it'),
          h(
            'ol',
            { class: 'context' },
            item.neighbours.map((m) =>
              h(
                'li',
                {},
                h('span', { class: 'muted' }, when(m.date)),
                h('div', { class: 'context-text' }, m.text),
              ),
            ),
          ),
        ]
      : [
          h(
            'p',
            {},
            item.channel?.title ?? item.channel_id,
            item.channel?.username ? ` @${item.channel.username}` : '',
          ),
          h(
            'ol',
            { class: 'context', id: 'channel-messages' },
            item.messages.map((m) =>
              h(
                'li',
                {},
                h('span', { class: 'muted' }, when(m.date)),
                h('div', { class: 'context-text' }, m.text),
              ),
            ),
          ),
        ];
  replace(
    main,
    h('h1', {}, `Sample ${id}, item ${position + 1} of ${items.length} (blind)`),
    leaseNote,
    h('article', { class: 'blind' }, content),
    h(
      'section',
      { class: 'decide' },
      h(
        'p',
        {},
        item.kind === 'channel'
          ? 'Which labels does this channel violate?'
          : 'Which labels apply to this message?',
      ),
      boxes.map((box, i) => h('label', {}, box, ` ${LABELS[i]} (${i + 1})`)),
      h(
        'button',
        { type: 'button', id: 'blind-none', onclick: () => boxes.forEach((b) => (b.checked = false)) },
        'None (0)',
      ),
      note,
      h('button', { type: 'button', id: 'blind-save', onclick: save }, 'Save (s)'),
      h('button', { type: 'button', onclick: goNext }, 'Skip (n)'),
    ),
  );
  setKeys(main, {
    1: ['fraud', () => (boxes[0].checked = !boxes[0].checked)],
    2: ['drugs', () => (boxes[1].checked = !boxes[1].checked)],
    3: ['terrorism', () => (boxes[2].checked = !boxes[2].checked)],
    0: ['none', () => boxes.forEach((b) => (b.checked = false))],
    s: ['save', save],
    n: ['skip', goNext],
    Escape: ['back to sample', () => app.go(`#/samples/${id}`)],
  });
}
