/** One message: text as posted with evidence per label, scores, model, channel, context, decision. */
import { api } from '../api.js';
import { h, replace, score, when } from '../dom.js';
import { app, setKeys } from '../app.js';
import { highlightedText } from '../highlight.js';
import { decisionPanel, historyList } from './decide.js';

const LABELS = ['fraud', 'drugs', 'terrorism'];

export function profileLine(profile) {
  if (!profile) return h('span', { class: 'muted' }, 'no Telegram metadata recorded');
  const flags = [
    profile.verified ? h('span', { class: 'flag ok' }, 'verified') : null,
    profile.scam ? h('span', { class: 'flag bad' }, 'SCAM (Telegram)') : null,
    profile.fake ? h('span', { class: 'flag bad' }, 'FAKE (Telegram)') : null,
    profile.restricted ? h('span', { class: 'flag bad' }, 'restricted') : null,
  ];
  return h(
    'span',
    {},
    profile.participants === null
      ? 'participants unknown'
      : `${profile.participants.toLocaleString('en')} participants`,
    ' ',
    flags,
  );
}

function contextList(items, currentId) {
  return h(
    'ol',
    { class: 'context' },
    items.map((m) =>
      h(
        'li',
        { class: m.message_id === currentId ? 'current' : null },
        h('a', { href: `#/message/${m.channel_id}/${m.message_id}` }, `#${m.message_id}`),
        ' ',
        h('span', { class: 'muted' }, when(m.date)),
        ' ',
        (m.labels ?? []).map((l) => h('span', { class: `chip chip-${l}` }, l)),
        blurrable(m.text, m.labels ?? []),
      ),
    ),
  );
}

/** Context text, blurred (click to reveal) when labelled terrorism and the reviewer blurs it. */
export function blurrable(text, labels) {
  const blur = Boolean(app.reviewer?.blur_terrorism) && labels.includes('terrorism');
  const el = h(
    'div',
    { class: ['context-text', blur ? 'blurred' : null], title: blur ? 'click to reveal' : null },
    text,
  );
  if (blur) el.addEventListener('click', () => el.classList.remove('blurred'), { once: true });
  return el;
}

/** Links hidden behind text: shown as their real target, as plain text, never as links. */
function hiddenLinks(message) {
  const links = message.entities.filter((e) => e.type === 'text_link' && e.url);
  if (links.length === 0) return null;
  return h(
    'div',
    { class: 'links' },
    h('h3', {}, 'Links behind text'),
    h(
      'ul',
      {},
      links.map((e) =>
        h('li', {}, `“${message.text.slice(e.offset, e.offset + e.length)}” → `, h('code', {}, e.url)),
      ),
    ),
  );
}

export async function messageView(main, channelId, messageId) {
  const m = await api('GET', `/api/messages/${channelId}/${messageId}`);
  const textBox = h(
    'div',
    {
      class: ['message-text', m.blur ? 'blurred' : null],
      id: 'message-text',
      lang: m.lang && m.lang !== 'und' ? m.lang : null,
    },
    highlightedText(m.text, m.evidence),
  );
  const reveal = h('button', { type: 'button', id: 'reveal', onclick: () => setBlur(false) }, 'Reveal (v)');
  const setBlur = (on) => {
    textBox.classList.toggle('blurred', on);
    reveal.hidden = !on;
  };
  reveal.hidden = !m.blur;
  const shown = new Set(LABELS);
  const evidenceToggles = h(
    'div',
    { class: 'evidence-toggles' },
    'Evidence: ',
    LABELS.map((l) =>
      h(
        'label',
        { class: `chip chip-${l}` },
        h('input', {
          type: 'checkbox',
          checked: true,
          onchange: (event) => {
            if (event.target.checked) shown.add(l);
            else shown.delete(l);
            textBox.classList.toggle(`hide-${l}`, !shown.has(l));
          },
        }),
        ` ${l} (${m.evidence.filter((e) => e.label === l).length})`,
      ),
    ),
  );
  const scores = h(
    'table',
    { class: 'scores' },
    h(
      'tr',
      {},
      h('th', {}, 'label'),
      h('th', {}, 'score'),
      h('th', {}, 'threshold'),
      h('th', {}, 'review band from'),
      h('th', {}, ''),
    ),
    LABELS.map((l) =>
      h(
        'tr',
        {},
        h('td', {}, l),
        h('td', { class: 'num' }, score(m.scores[l])),
        h('td', { class: 'num' }, score(m.thresholds[l])),
        h('td', { class: 'num' }, score(app.meta.review_bands[l].review_low)),
        h(
          'td',
          {},
          m.labels.includes(l)
            ? h('span', { class: `chip chip-${l}` }, 'flagged')
            : m.uncertain.includes(l)
              ? 'uncertain'
              : '',
        ),
      ),
    ),
  );
  const { panel, keys } = await decisionPanel(
    { kind: 'message', channel_id: m.channel_id, message_id: m.message_id },
    m.labels,
  );
  replace(
    main,
    h(
      'article',
      { class: 'message-view' },
      h(
        'header',
        {},
        h('h1', {}, `Message ${m.channel_id}/${m.message_id}`),
        h(
          'p',
          {},
          'in ',
          h('a', { href: `#/channel/${m.channel_id}`, id: 'channel-link' }, m.channel?.title ?? m.channel_id),
          m.channel?.username ? ` @${m.channel.username}` : '',
          ' · ',
          profileLine(m.channel?.profile ?? null),
        ),
        h(
          'p',
          { class: 'muted' },
          `posted ${when(m.date)}`,
          m.edit_date ? `, edited ${when(m.edit_date)}` : '',
          ` · language ${m.lang ?? '?'} · model ${m.model} · state ${m.state}`,
          m.views !== null ? ` · ${m.views} views` : '',
          m.media ? ` · media: ${m.media.kind}` : '',
        ),
        m.forward
          ? h(
              'p',
              { class: 'forward' },
              'Forwarded from ',
              m.forward.from_name ?? m.forward.from_channel_id ?? 'unknown',
              m.forward.from_message_id ? ` (message ${m.forward.from_message_id})` : '',
            )
          : null,
        m.replied_to
          ? h(
              'div',
              { class: 'reply' },
              'In reply to ',
              h(
                'a',
                { href: `#/message/${m.replied_to.channel_id}/${m.replied_to.message_id}` },
                `#${m.replied_to.message_id}`,
              ),
              h('div', { class: 'context-text' }, m.replied_to.text),
            )
          : m.reply_to
            ? h(
                'p',
                { class: 'reply' },
                `In reply to message ${m.reply_to.message_id}${m.reply_to.channel_id ? ` of chat ${m.reply_to.channel_id}` : ''} (not in the store)`,
              )
            : null,
      ),
      h(
        'div',
        { class: 'labels' },
        m.labels.length ? m.labels.map((l) => h('span', { class: `chip chip-${l}` }, l)) : 'not flagged',
        m.uncertain.map((l) => h('span', { class: `chip chip-band chip-${l}` }, `${l}?`)),
      ),
      evidenceToggles,
      h('div', { class: 'text-frame' }, textBox, reveal),
      hiddenLinks(m),
      scores,
      panel,
      h('h2', {}, 'Decision history'),
      h('div', { id: 'history' }, historyList(m.history)),
      m.replies.length ? [h('h2', {}, 'Replies'), contextList(m.replies, null)] : null,
      h('h2', {}, 'Around this message'),
      contextList(m.neighbours, m.message_id),
    ),
  );
  setKeys(main, {
    ...keys,
    v: ['reveal', () => setBlur(false)],
    b: ['blur', () => setBlur(!textBox.classList.contains('blurred'))],
  });
}
