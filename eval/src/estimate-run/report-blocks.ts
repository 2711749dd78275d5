/** The building blocks of the human-readable reports, and how numbers are written in them. */
import type { EstCorrected, EstRuleRates, EstStratified } from '@tg-risk/schemas';
import type { Target } from './records.ts';

/** A block of a report section. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'chart'; svg: string; caption: string };

/** A titled section. */
export interface Section {
  title: string;
  blocks: Block[];
}

/** The whole human-readable report. */
export interface ReportDocument {
  title: string;
  sections: Section[];
}

/** A rate as a percentage with one decimal. */
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const range = (lower: number, upper: number) => `${pct(lower)}–${pct(upper)}`;
export const points = (x: number) => `${(x * 100).toFixed(1)} points`;
export const short = (sha: string) => sha.slice(0, 12);

/** A corrected rate and interval for a table cell. */
export function correctedCell(c: EstCorrected): string {
  return c.available ? `${pct(c.rate)} (${range(c.lower, c.upper)})` : 'n/a';
}

/** A stratified rate and interval for a table cell. */
export function stratifiedCell(s: EstStratified): string {
  return s.available ? `${pct(s.rate)} (${range(s.lower, s.upper)})` : 'n/a';
}

/** "naive / corrected" for a table cell. */
export function ruleRateCell(rates: EstRuleRates, target: Target): string {
  const r = rates[target];
  return `${pct(r.naive)} / ${r.corrected ? pct(r.corrected.rate) : 'n/a'}`;
}
