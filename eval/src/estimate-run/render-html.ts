/**
 * The HTML report (report.html): one self-contained file, inline CSS and inline SVG charts, no
 * scripts and no external resources, every text escaped. Opens offline in any browser.
 */
import type { EstimateReportV1 } from '@tg-risk/schemas';
import { buildReportDocument, type Block } from './report-document.ts';
import { escapeXml } from './svg-charts.ts';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
figure { margin: 1em 0; } figcaption { font-size: 12px; color: #555; }
svg { font-family: system-ui, sans-serif; max-width: 100%; height: auto; }
`;

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeXml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeXml(i)}</li>`).join('')}</ul>`;
    case 'table':
      return (
        `<table><thead><tr>${b.head.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      );
    case 'chart':
      // The SVG is built by svg-charts.ts, which escapes every text it contains.
      return `<figure>${b.svg}<figcaption>${escapeXml(b.caption)}</figcaption></figure>`;
  }
}

/** Renders the report as one self-contained HTML page. */
export function renderHtml(report: EstimateReportV1): string {
  const doc = buildReportDocument(report);
  const body = doc.sections
    .map((s) => `<section><h2>${escapeXml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}</section>`)
    .join('\n');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">\n' +
    `<title>${escapeXml(doc.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `<h1>${escapeXml(doc.title)}</h1>\n<p>Every number is in report.json; the rule and the inputs are stated below.</p>\n${body}\n</body>\n</html>\n`
  );
}
