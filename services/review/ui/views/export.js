/** Exports for auditors: evaluation set, channel gold labels, sample designs. */
import { api } from '../api.js';
import { h, replace } from '../dom.js';

function preview(target, text) {
  const lines = text.split('\n').filter(Boolean);
  replace(
    target,
    h('p', {}, `${lines.length} line(s)`),
    h('pre', { class: 'export-preview' }, lines.slice(0, 20).join('\n')),
  );
}

export async function exportView(main) {
  const out = h('div', { id: 'export-preview' });
  const { items: samples } = await api('GET', '/api/samples');
  const show = (path) => async () => {
    try {
      const body = await api('GET', path);
      preview(out, typeof body === 'string' ? body : JSON.stringify(body, null, 2));
    } catch (error) {
      replace(out, h('p', { class: 'error' }, error.message));
    }
  };
  replace(
    main,
    h('h1', {}, 'Export'),
    h(
      'ul',
      { class: 'exports' },
      h(
        'li',
        {},
        h(
          'a',
          { href: '/api/export/eval-set', download: 'review-eval-set.jsonl', id: 'download-eval' },
          'Evaluation set',
        ),
        ' (eval-example.v1 JSONL for ',
        h('code', {}, 'tgrisk eval'),
        ') ',
        h('button', { type: 'button', id: 'preview-eval', onclick: show('/api/export/eval-set') }, 'Preview'),
      ),
      h(
        'li',
        {},
        h(
          'a',
          { href: '/api/export/channel-gold', download: 'review-channel-gold.jsonl', id: 'download-gold' },
          'Channel gold labels',
        ),
        ' (channel-gold.v1 JSONL for ',
        h('code', {}, 'tgrisk estimate --gold'),
        ') ',
        h(
          'button',
          { type: 'button', id: 'preview-gold', onclick: show('/api/export/channel-gold') },
          'Preview',
        ),
      ),
      samples.map((s) =>
        h(
          'li',
          {},
          `Sample ${s.id} (${s.kind}s, ${s.decided} of ${s.size} reviewed): `,
          h('a', { href: `/api/samples/${s.id}/design`, download: `review-strata-${s.id}.json` }, 'design'),
          ' (review-strata.v1 for ',
          h('code', {}, 'tgrisk estimate --strata'),
          ') ',
          h(
            'button',
            { type: 'button', class: 'preview-design', onclick: show(`/api/samples/${s.id}/design`) },
            'Preview',
          ),
          s.kind === 'channel'
            ? [
                ' ',
                h(
                  'a',
                  {
                    href: `/api/export/channel-gold?sample=${s.id}`,
                    download: `review-channel-gold-${s.id}.jsonl`,
                  },
                  'gold labels',
                ),
              ]
            : null,
        ),
      ),
    ),
    out,
  );
}
