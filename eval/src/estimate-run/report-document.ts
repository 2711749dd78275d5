/**
 * What the human-readable reports say, built once from the JSON report and rendered twice: as
 * Markdown (render-markdown.ts) and as self-contained HTML with charts (render-html.ts). Every
 * sentence and table is derived from report fields, so the three files never disagree.
 */
import type { EstimateReportV1 } from '@tg-risk/schemas';
import { falseAlarmSection, modelSection, ruleSection } from './report-analysis.ts';
import type { ReportDocument, Section } from './report-blocks.ts';
import {
  claimSection,
  errorProfileSection,
  inputsSection,
  strataSection,
  summarySection,
  targetsSection,
} from './report-estimates.ts';

export type { Block, ReportDocument, Section } from './report-blocks.ts';

/** The report as sections of text, tables and charts. */
export function buildReportDocument(report: EstimateReportV1): ReportDocument {
  const sections = [
    summarySection(report),
    targetsSection(report),
    errorProfileSection(report),
    strataSection(report),
    ruleSection(report),
    falseAlarmSection(report),
    claimSection(report),
    modelSection(report),
    inputsSection(report),
    { title: 'Assumptions', blocks: [{ kind: 'list' as const, items: report.notes }] },
  ];
  return { title: 'Violation-rate estimate', sections: sections.filter((s): s is Section => s !== null) };
}
