/**
 * Small inline SVG charts for the HTML report, written by hand so the report is one self-contained
 * file with no scripts, fonts or CDNs. Every piece of text goes through escapeXml. Output depends
 * only on the data (numbers printed with fixed decimals), so the HTML is as reproducible as the JSON.
 */

/** Escapes text for XML and HTML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const WIDTH = 560;
const HEIGHT = 300;
const MARGIN = { left: 56, right: 150, top: 28, bottom: 44 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

const f2 = (x: number) => x.toFixed(2);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A line of a chart: points (x, y), y in [0, 1]; null y leaves a gap. */
export interface Series {
  name: string;
  points: ReadonlyArray<readonly [number, number | null]>;
  dashed?: boolean;
  /** Draw markers only (no line). */
  markersOnly?: boolean;
  /** Draw the line only (no markers): for dense curves. */
  lineOnly?: boolean;
}

/** Options of an x–y chart with y a proportion in [0, 1]. */
export interface XyChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  /** The x axis range; default from the data. */
  xRange?: readonly [number, number];
  /** Logarithmic x axis (x must be > 0). */
  logX?: boolean;
  /** Tick labels for categorical axes: x value → label. */
  xTicks?: ReadonlyArray<readonly [number, string]>;
  /** Draw the y = x diagonal (reliability diagrams). */
  diagonal?: boolean;
}

function frame(title: string, body: string, legend: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<text x="${MARGIN.left}" y="18" font-size="13" font-weight="bold">${escapeXml(title)}</text>` +
    body +
    legend +
    '</svg>'
  );
}

function legendOf(series: ReadonlyArray<{ name: string; dashed?: boolean }>): string {
  return series
    .map((s, i) => {
      const y = MARGIN.top + 12 + i * 18;
      const x = WIDTH - MARGIN.right + 12;
      const colour = PALETTE[i % PALETTE.length]!;
      return (
        `<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>` +
        `<text x="${x + 28}" y="${y + 4}" font-size="11">${escapeXml(s.name)}</text>`
      );
    })
    .join('');
}

/** An x–y line chart with y in [0, 1]. */
export function xyChart(options: XyChartOptions): string {
  const xs = options.series.flatMap((s) => s.points.map((p) => p[0]));
  const [x0, x1] = options.xRange ?? [Math.min(...xs), Math.max(...xs)];
  const tx = options.logX ? (x: number) => Math.log10(x) : (x: number) => x;
  const span = tx(x1) - tx(x0) || 1;
  const sx = (x: number) => MARGIN.left + ((tx(x) - tx(x0)) / span) * PLOT_W;
  const sy = (y: number) => MARGIN.top + (1 - y) * PLOT_H;
  let body = '';
  for (const y of [0, 0.25, 0.5, 0.75, 1]) {
    body +=
      `<line x1="${MARGIN.left}" y1="${f2(sy(y))}" x2="${MARGIN.left + PLOT_W}" y2="${f2(sy(y))}" stroke="#ddd"/>` +
      `<text x="${MARGIN.left - 6}" y="${f2(sy(y) + 4)}" font-size="10" text-anchor="end">${pct(y)}</text>`;
  }
  const ticks =
    options.xTicks ??
    (options.logX
      ? [1, 10, 100, 1000, 10000, 100000]
          .filter((t) => t >= x0 && t <= x1)
          .map((t) => [t, String(t)] as const)
      : [0, 0.25, 0.5, 0.75, 1].map((q) => {
          const x = x0 + q * (x1 - x0);
          return [x, Number(x.toPrecision(3)).toString()] as const;
        }));
  for (const [x, label] of ticks) {
    body += `<text x="${f2(sx(x))}" y="${MARGIN.top + PLOT_H + 16}" font-size="10" text-anchor="middle">${escapeXml(label)}</text>`;
  }
  body +=
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${PLOT_W}" height="${PLOT_H}" fill="none" stroke="#999"/>` +
    `<text x="${MARGIN.left + PLOT_W / 2}" y="${HEIGHT - 8}" font-size="11" text-anchor="middle">${escapeXml(options.xLabel)}</text>` +
    `<text x="14" y="${MARGIN.top + PLOT_H / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 14 ${MARGIN.top + PLOT_H / 2})">${escapeXml(options.yLabel)}</text>`;
  if (options.diagonal) {
    body += `<line x1="${f2(sx(x0))}" y1="${f2(sy(x0))}" x2="${f2(sx(x1))}" y2="${f2(sy(x1))}" stroke="#aaa" stroke-dasharray="3,3"/>`;
  }
  options.series.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length]!;
    const segments: string[][] = [[]];
    for (const [x, y] of s.points) {
      if (y === null) segments.push([]);
      else segments[segments.length - 1]!.push(`${f2(sx(x))},${f2(sy(y))}`);
    }
    if (!s.markersOnly) {
      for (const seg of segments.filter((g) => g.length > 1)) {
        body += `<polyline fill="none" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,3"' : ''} points="${seg.join(' ')}"/>`;
      }
    }
    for (const [x, y] of s.lineOnly ? [] : s.points) {
      if (y === null) continue;
      body += `<circle cx="${f2(sx(x))}" cy="${f2(sy(y))}" r="${s.markersOnly ? 3.5 : 2.5}" fill="${colour}"><title>${escapeXml(`${s.name}: ${pct(y)}`)}</title></circle>`;
    }
  });
  return frame(options.title, body, legendOf(options.series));
}

/** One row of an interval chart: a point estimate and its interval, or a reason it is missing. */
export interface IntervalRow {
  label: string;
  estimate: number | null;
  lower?: number;
  upper?: number;
}

/** Horizontal dot-and-whisker chart of rates in [0, 1] with their intervals. */
export function intervalChart(title: string, rows: readonly IntervalRow[]): string {
  const rowHeight = 22;
  const left = 190;
  const plotW = WIDTH - left - 20;
  const height = MARGIN.top + rows.length * rowHeight + 36;
  const sx = (x: number) => left + x * plotW;
  let body = '';
  for (const x of [0, 0.25, 0.5, 0.75, 1]) {
    body +=
      `<line x1="${f2(sx(x))}" y1="${MARGIN.top}" x2="${f2(sx(x))}" y2="${MARGIN.top + rows.length * rowHeight}" stroke="#ddd"/>` +
      `<text x="${f2(sx(x))}" y="${MARGIN.top + rows.length * rowHeight + 14}" font-size="10" text-anchor="middle">${pct(x)}</text>`;
  }
  rows.forEach((row, i) => {
    const y = MARGIN.top + i * rowHeight + rowHeight / 2;
    const colour = PALETTE[i % 3]!;
    body += `<text x="${left - 8}" y="${y + 4}" font-size="11" text-anchor="end">${escapeXml(row.label)}</text>`;
    if (row.estimate === null) {
      body += `<text x="${left + 4}" y="${y + 4}" font-size="10" fill="#888">not available</text>`;
      return;
    }
    if (row.lower !== undefined && row.upper !== undefined) {
      body +=
        `<line x1="${f2(sx(row.lower))}" y1="${y}" x2="${f2(sx(row.upper))}" y2="${y}" stroke="${colour}" stroke-width="2"/>` +
        `<line x1="${f2(sx(row.lower))}" y1="${y - 5}" x2="${f2(sx(row.lower))}" y2="${y + 5}" stroke="${colour}" stroke-width="2"/>` +
        `<line x1="${f2(sx(row.upper))}" y1="${y - 5}" x2="${f2(sx(row.upper))}" y2="${y + 5}" stroke="${colour}" stroke-width="2"/>`;
    }
    const label = `${row.label}: ${(row.estimate * 100).toFixed(1)}%${row.lower !== undefined && row.upper !== undefined ? ` (${(row.lower * 100).toFixed(1)}–${(row.upper * 100).toFixed(1)}%)` : ''}`;
    body += `<circle cx="${f2(sx(row.estimate))}" cy="${y}" r="4" fill="${colour}"><title>${escapeXml(label)}</title></circle>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<text x="8" y="18" font-size="13" font-weight="bold">${escapeXml(title)}</text>` +
    body +
    '</svg>'
  );
}
