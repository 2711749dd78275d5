/** One channel: Telegram metadata, activity over time, flagged share per label, verdict and why. */
import { api, query } from '../api.js';
import { h, pct, replace, svg, when } from '../dom.js';
import { setKeys } from '../app.js';
import { decisionPanel, historyList } from './decide.js';
import { blurrable, profileLine } from './message.js';

const LABELS = ['fraud', 'drugs', 'terrorism'];

/** Messages per day (grey) and flagged messages per day (red), as an SVG bar chart. */
function timeline(days) {
  if (days.length === 0) return h('p', { class: 'muted' }, 'No messages.');
  const width = 720;
  const height = 120;
  const max = Math.max(...days.map((d) => d.messages));
  const bar = width / days.length;
  const y = (n) => (n / max) * (height - 20);
  return h(
    'figure',
    { class: 'timeline' },
    svg(
      'svg',
      {
        viewBox: `0 0 ${width} ${height}`,
        width,
        height,
        role: 'img',
        'aria-label': 'messages per day, flagged in red',
      },
      days.map((d, i) =>
        svg(
          'g',
          {},
          svg('title', {}, `${d.day}: ${d.messages} messages, ${d.flagged_any} flagged`),
          svg('rect', {
            x: i * bar,
            y: height - y(d.messages),
            width: Math.max(1, bar - 1),
            height: y(d.messages),
            class: 'bar-all',
          }),
          svg('rect', {
            x: i * bar,
            y: height - y(d.flagged_any),
            width: Math.max(1, bar - 1),
            height: y(d.flagged_any),
            class: 'bar-flagged',
          }),
        ),
      ),
    ),
    h('figcaption', {}, `${days[0].day} – ${days[days.length - 1].day}: messages per day, flagged in red`),
  );
}

export async function channelView(main, channelId) {
  const c = await api('GET', `/api/channels/${channelId}`);
  const list = h('ol', { class: 'context', id: 'channel-messages' });
  const more = h('button', { type: 'button', onclick: () => loadMessages() }, 'More messages');
  let cursor = null;
  async function loadMessages() {
    const page = await api('GET', `/api/channels/${channelId}/messages${query({ limit: 50, cursor })}`);
    for (const m of page.items) {
      list.appendChild(
        h(
          'li',
          {},
          h('a', { href: `#/message/${m.channel_id}/${m.message_id}` }, `#${m.message_id}`),
          ' ',
          h('span', { class: 'muted' }, when(m.date)),
          ' ',
          m.labels.map((l) => h('span', { class: `chip chip-${l}` }, l)),
          blurrable(m.text, m.labels),
        ),
      );
    }
    cursor = page.next_cursor;
    more.hidden = !cursor;
  }
  const counts = c.counts;
  const { panel, keys } = await decisionPanel(
    { kind: 'channel', channel_id: c.channel_id },
    c.verdict?.labels ?? [],
  );
  replace(
    main,
    h(
      'article',
      { class: 'channel-view' },
      h(
        'h1',
        {},
        c.title ?? c.channel_id,
        c.username ? h('span', { class: 'muted' }, ` @${c.username}`) : null,
      ),
      h('p', {}, `channel ${c.channel_id} · `, profileLine(c.profile), ` · state ${c.state}`),
      c.profile?.about ? h('blockquote', { class: 'about' }, c.profile.about) : null,
      c.verdict
        ? h(
            'section',
            { class: ['verdict', c.verdict.violates ? 'violates' : 'clean'], id: 'verdict' },
            h(
              'h2',
              {},
              c.verdict.violates
                ? `Violates under rule ${c.verdict.rule}`
                : `Does not violate under rule ${c.verdict.rule}`,
            ),
            h(
              'ul',
              {},
              c.verdict.explanation.map((line) => h('li', {}, line)),
            ),
          )
        : h('p', { class: 'muted' }, 'Not yet in the review projection.'),
      counts
        ? h(
            'table',
            { class: 'scores' },
            h('tr', {}, h('th', {}, ''), ...LABELS.map((l) => h('th', {}, l)), h('th', {}, 'any')),
            h(
              'tr',
              {},
              h('th', {}, 'flagged'),
              ...LABELS.map((l) => h('td', { class: 'num' }, String(counts.flagged[l]))),
              h('td', { class: 'num' }, String(counts.flagged_any)),
            ),
            h(
              'tr',
              {},
              h('th', {}, 'flagged share'),
              ...LABELS.map((l) => h('td', { class: 'num' }, pct(counts.flagged_share[l]))),
              h('td', { class: 'num' }, pct(counts.flagged_share.any)),
            ),
            h(
              'tr',
              {},
              h('th', {}, 'in review band'),
              ...LABELS.map((l) => h('td', { class: 'num' }, String(counts.in_review_band[l]))),
              h('td', { class: 'num' }, String(counts.in_review_band_any)),
            ),
            h(
              'caption',
              {},
              `${counts.messages} messages, ${when(counts.first_date)} – ${when(counts.last_date)}`,
            ),
          )
        : null,
      timeline(c.days),
      panel,
      h('h2', {}, 'Decision history'),
      historyList(c.history),
      h('h2', {}, 'Messages'),
      list,
      more,
    ),
  );
  setKeys(main, keys);
  await loadMessages();
}
