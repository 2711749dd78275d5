/**
 * The suite's closing summary: one line per scenario and the totals the issue asks for (scenarios
 * run, messages sent, labelled, duplicated, lost, dead-lettered). Also written as JSON to
 * test-artifacts/fault-summary.json for CI to keep.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.ts';
import type { ScenarioFigures } from './fault-verdict.ts';

export interface ScenarioResult extends ScenarioFigures {
  scenario: string;
  /** Measured facts worth reading next to the counts (recovery time, kills, exit time, ...). */
  notes: string[];
}

/** Collects the results of the scenarios of one run of the suite. */
export class FaultSummary {
  readonly results: ScenarioResult[] = [];

  add(scenario: string, figures: ScenarioFigures, notes: string[] = []): void {
    this.results.push({ scenario, ...figures, notes });
  }

  /** The summary as printed. */
  format(): string {
    const total = (f: keyof ScenarioFigures) => this.results.reduce((n, r) => n + r[f], 0);
    const rows = this.results.map(
      (r) =>
        `  ${r.scenario.padEnd(34)} sent ${String(r.sent).padStart(6)}  labelled ${String(r.labelled).padStart(6)}` +
        `  duplicated ${r.duplicated}  lost ${r.lost}  dead-lettered ${r.deadLettered}/${r.badSent} bad` +
        `  topic repeats ${r.topicRepeats}` +
        (r.notes.length > 0 ? `\n      ${r.notes.join('; ')}` : ''),
    );
    return [
      'fault suite summary (own broker, KAFKA_INSTANCE=fault)',
      ...rows,
      `  total: ${this.results.length} scenarios run, ${total('sent')} messages sent, ${total('labelled')} labelled, ` +
        `${total('duplicated')} duplicated, ${total('lost')} lost, ${total('deadLettered')} dead-lettered ` +
        `(${total('badSent')} bad records sent)`,
    ].join('\n');
  }

  /** Prints the summary and writes it as JSON next to the other test artifacts. */
  report(): void {
    console.log(`\n${this.format()}\n`);
    const dir = path.join(REPO_ROOT, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'fault-summary.json'), `${JSON.stringify(this.results, null, 2)}\n`);
  }
}
