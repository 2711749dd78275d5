/* global navigator, Blob */
/**
 * The decision panel of the message and channel views: lease on open, then confirm (c), reject (x)
 * or relabel (l, then 1/2/3 to toggle labels and s to save), with an optional note (m); n skips to
 * the next item of the queue, Escape goes back to it.
 */
import { api, query } from '../api.js';
import { h, replace, when } from '../dom.js';
import { app } from '../app.js';

const LABELS = ['fraud', 'drugs', 'terrorism'];

/** Opens the queue's next item (loading the next page when needed), or returns to the queue. */
export async function goNext() {
  const q = app.queue;
  if (!q) return app.go('#/queue/messages');
  let next = q.index + 1;
  if (next >= q.items.length && q.cursor) {
    const page = await api('GET', `/api/queue/${q.kind}${query({ ...q.params, cursor: q.cursor })}`);
    q.items = [...q.items, ...page.items];
    q.cursor = page.next_cursor;
  }
  if (next >= q.items.length) {
    app.queue = null;
    app.say('End of the queue.');
    return app.go(q.hash);
  }
  q.index = next;
  const item = q.items[next];
  app.go(
    q.kind === 'messages'
      ? `#/message/${item.channel_id}/${item.message_id}`
      : `#/channel/${item.channel_id}`,
  );
}

export function backToQueue() {
  app.go(app.queue?.hash ?? '#/queue/messages');
}

/**
 * Gives the lease back when the reviewer moves on without deciding (another page, or closing the
 * tab), so the item returns to the queue at once instead of when the lease expires.
 */
export function holdLease(body) {
  const release = () =>
    navigator.sendBeacon(
      '/api/leases/release',
      new Blob([JSON.stringify(body)], { type: 'application/json' }),
    );
  app.onLeave(release);
}

/**
 * Takes the lease on `item` and builds the panel. `modelLabels` prefill relabelling. Returns the
 * panel element and the shortcut map for the view.
 */
export async function decisionPanel(item, modelLabels) {
  const panel = h('section', { class: 'decide', 'aria-label': 'Decision' });
  const canDecide = app.can('decide');
  const keys = {
    n: ['next item', () => goNext()],
    Escape: ['back to queue', () => backToQueue()],
  };
  if (!canDecide) {
    replace(panel, h('p', { class: 'muted' }, 'Read-only: your role does not decide queue items.'));
    return { panel, keys };
  }
  const body = {
    kind: item.kind,
    channel_id: item.channel_id,
    ...(item.kind === 'message' ? { message_id: item.message_id } : {}),
  };
  try {
    const { lease } = await api('POST', '/api/leases', body);
    app.say(`Leased to you until ${when(lease.expires_at)}.`);
    holdLease(body);
  } catch (error) {
    if (error.status === 409) {
      replace(panel, h('p', { class: 'warning', id: 'lease-held' }, error.message));
      return { panel, keys };
    }
    throw error;
  }
  const note = h('textarea', {
    id: 'note',
    rows: 2,
    maxlength: 4000,
    placeholder: 'Note (optional, kept in the audit log)',
  });
  const boxes = LABELS.map((l) =>
    h('input', { type: 'checkbox', id: `relabel-${l}`, name: l, checked: modelLabels.includes(l) }),
  );
  const relabelRow = h(
    'div',
    { class: 'relabel', id: 'relabel', hidden: true },
    boxes.map((box, i) => h('label', {}, box, ` ${LABELS[i]} (${i + 1})`)),
    h('button', { type: 'button', id: 'save-relabel', onclick: () => decide('relabel') }, 'Save labels (s)'),
  );
  const decide = async (action) => {
    const payload = { ...body, action };
    if (action === 'relabel') payload.labels = LABELS.filter((_, i) => boxes[i].checked);
    if (note.value.trim()) payload.note = note.value.trim();
    try {
      const { decision } = await api('POST', '/api/decisions', payload);
      app.onLeave(null);
      app.say(
        `Recorded: ${decision.action} → [${decision.labels.join(', ') || 'none'}] by ${decision.reviewer}.`,
        'ok',
      );
      await goNext();
    } catch (error) {
      app.say(error.message, 'error');
    }
  };
  const relabelling = () => !relabelRow.hidden;
  replace(
    panel,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', id: 'confirm', onclick: () => decide('confirm') }, 'Confirm (c)'),
      h('button', { type: 'button', id: 'reject', onclick: () => decide('reject') }, 'Reject (x)'),
      h(
        'button',
        { type: 'button', id: 'relabel-start', onclick: () => (relabelRow.hidden = false) },
        'Relabel (l)',
      ),
      h('button', { type: 'button', id: 'skip', onclick: () => goNext() }, 'Skip (n)'),
    ),
    relabelRow,
    note,
  );
  Object.assign(keys, {
    c: ['confirm', () => decide('confirm')],
    x: ['reject', () => decide('reject')],
    l: ['relabel', () => (relabelRow.hidden = false)],
    1: ['toggle fraud', () => relabelling() && (boxes[0].checked = !boxes[0].checked)],
    2: ['toggle drugs', () => relabelling() && (boxes[1].checked = !boxes[1].checked)],
    3: ['toggle terrorism', () => relabelling() && (boxes[2].checked = !boxes[2].checked)],
    s: ['save labels', () => relabelling() && decide('relabel')],
    m: ['note', () => note.focus()],
  });
  return { panel, keys };
}

/** The decision history of an item, newest first. */
export function historyList(history) {
  if (history.length === 0) return h('p', { class: 'muted' }, 'No decisions yet.');
  return h(
    'ol',
    { class: 'history' },
    history.map((d) =>
      h(
        'li',
        { class: d.superseded_by ? 'superseded' : null },
        h('strong', {}, d.action),
        ` → [${d.labels.join(', ') || 'none'}] by ${d.reviewer}, ${when(d.decided_at)}`,
        d.sample_id ? ` (audit sample ${d.sample_id})` : '',
        d.superseded_by ? ` — superseded by #${d.superseded_by}` : '',
        d.note ? h('div', { class: 'note' }, d.note) : null,
      ),
    ),
  );
}
