import { describe, expect, it } from 'vitest';
import { buildEstimateReport } from './build-report.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { escapeXml } from './svg-charts.ts';
import { FIXTURE_SETTINGS, inputsFor, messagesFor } from './testing-fixtures.ts';
import type { ChannelGold } from './records.ts';

const HOSTILE = '<script>alert("x")</script> & "q" | y';

function report() {
  const specs = Array.from({ length: 12 }, (_, i) => ({
    id: String(100 + i),
    messages: 8,
    ...(i < 4 ? { fraud: 2 } : {}),
  }));
  const gold = new Map<string, ChannelGold>(
    specs.slice(0, 8).map((s, i) => [s.id, { violating: i < 4, labels: i < 4 ? ['fraud'] : [] }]),
  );
  const inputs = inputsFor(messagesFor(specs), gold);
  // Text that reaches the report from input files: the threshold set name and the strata names.
  inputs.thresholds = { ...inputs.thresholds!, set: HOSTILE };
  inputs.strata = {
    sha256: 'd'.repeat(64),
    document: { strata: [{ name: HOSTILE, population: 100, sample: 10, violating: 3 }] },
  };
  return buildEstimateReport(inputs, { ...FIXTURE_SETTINGS, claim: 0.5, population: 100 });
}

describe('report rendering', () => {
  it('writes Markdown with the rule, the estimates and the claim', () => {
    const md = renderMarkdown(report());
    expect(md).toMatch(/^# Violation-rate estimate/);
    expect(md).toMatch(/Rule: A channel violates a label when at least 1 of its messages is flagged/);
    expect(md).toMatch(/\| corrected \| \d+\.\d% \|/);
    expect(md).toMatch(/## Claim check: 50\.0% of 100/);
    expect(md).toContain('\\|'); // none of the table cells may break the table
  });

  it('writes one self-contained HTML page: inline SVG charts, no scripts or external resources, text escaped', () => {
    const html = renderHtml(report());
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(4);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain(escapeXml(HOSTILE));
    expect(html).not.toContain(HOSTILE);
  });

  it('is deterministic', () => {
    expect(renderHtml(report())).toBe(renderHtml(report()));
    expect(renderMarkdown(report())).toBe(renderMarkdown(report()));
  });
});
