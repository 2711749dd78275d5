/** The Markdown report (report.md): the report document without its charts (they are in report.html). */
import type { EstimateReportV1 } from '@tg-risk/schemas';
import { buildReportDocument, type Block } from './report-document.ts';

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function block(b: Block): string | null {
  switch (b.kind) {
    case 'paragraph':
      return b.text;
    case 'list':
      return b.items.map((item) => `- ${item}`).join('\n');
    case 'table':
      return [
        `| ${b.head.map(cell).join(' | ')} |`,
        `| ${b.head.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'chart':
      return null;
  }
}

/** Renders the report as Markdown. */
export function renderMarkdown(report: EstimateReportV1): string {
  const doc = buildReportDocument(report);
  const parts = [`# ${doc.title}`, 'Charts are in report.html; every number here is in report.json.'];
  for (const section of doc.sections) {
    parts.push(`## ${section.title}`);
    for (const b of section.blocks) {
      const text = block(b);
      if (text !== null) parts.push(text);
    }
  }
  return `${parts.join('\n\n')}\n`;
}
