// The benchmark's figures as pictures: SVG bar charts that BENCHMARKS.md shows beside its tables.
// Plain SVG written by hand (no chart library): horizontal bars, one group per operation, one bar
// per series, with the targets drawn as dashed lines and every bar labelled with its value.

export interface Bar {
  series: string;
  value: number;
  /** Shown after the value: the spread of the rounds, say. */
  note?: string;
}

export interface BarGroup {
  label: string;
  bars: Bar[];
}

export interface BarChart {
  title: string;
  /** What the chart says, for screen readers (the SVG's description). */
  description: string;
  groups: BarGroup[];
  series: { name: string; color: string }[];
  /** Dashed vertical lines: the targets. */
  markers?: { label: string; value: number }[];
  /** The axis's end; by default a little past the largest value or marker. */
  max?: number;
  /** How a value is written on its bar. */
  format?: (value: number) => string;
}

const WIDTH = 860;
const LABEL_WIDTH = 250;
const BAR_HEIGHT = 14;
const BAR_GAP = 3;
const GROUP_GAP = 12;
const TOP = 54;
/** Room for the labels after the longest bars. */
const RIGHT = 170;

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One horizontal bar chart, as the text of an SVG file. */
export function barChart(chart: BarChart): string {
  const format = chart.format ?? ((value: number) => value.toFixed(2));
  const values = chart.groups.flatMap((group) => group.bars.map((bar) => bar.value));
  const markerValues = (chart.markers ?? []).map((marker) => marker.value);
  const max = chart.max ?? (Math.max(...values, ...markerValues, 0) * 1.1 || 1);
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT;
  const x = (value: number) => LABEL_WIDTH + (Math.min(value, max) / max) * plotWidth;
  const lines: string[] = [];
  let y = TOP;
  for (const group of chart.groups) {
    const height = group.bars.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
    lines.push(`<text x="${LABEL_WIDTH - 8}" y="${y + height / 2 + 4}" text-anchor="end" class="label">${escape(group.label)}</text>`);
    for (const bar of group.bars) {
      const color = chart.series.find((series) => series.name === bar.series)?.color ?? "#888";
      const end = x(bar.value);
      lines.push(
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${Math.max(end - LABEL_WIDTH, 1).toFixed(1)}" height="${BAR_HEIGHT}" fill="${color}">` +
          `<title>${escape(`${group.label}, ${bar.series}: ${format(bar.value)}${bar.note ? ` (${bar.note})` : ""}`)}</title></rect>`,
        `<text x="${(end + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 3}" class="value">${escape(format(bar.value) + (bar.note ? ` ${bar.note}` : ""))}</text>`,
      );
      y += BAR_HEIGHT + BAR_GAP;
    }
    y += GROUP_GAP;
  }
  const bottom = y - GROUP_GAP + 4;
  const markers = (chart.markers ?? []).map(
    (marker) =>
      `<line x1="${x(marker.value).toFixed(1)}" y1="${TOP - 6}" x2="${x(marker.value).toFixed(1)}" y2="${bottom}" class="marker"/>` +
      `<text x="${x(marker.value).toFixed(1)}" y="${TOP - 10}" text-anchor="middle" class="marker-label">${escape(marker.label)}</text>`,
  );
  const legend = chart.series.map((series, index) => {
    const left = LABEL_WIDTH + index * 150;
    return `<rect x="${left}" y="28" width="12" height="12" fill="${series.color}"/><text x="${left + 17}" y="38" class="label">${escape(series.name)}</text>`;
  });
  const height = bottom + 16;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="title desc">`,
    `<title id="title">${escape(chart.title)}</title>`,
    `<desc id="desc">${escape(chart.description)}</desc>`,
    "<style>text{font:12px system-ui,-apple-system,'Segoe UI',sans-serif;fill:#222}.title{font-weight:600;font-size:14px}" +
      ".value{font-size:11px}.marker{stroke:#c0392b;stroke-dasharray:4 3}.marker-label{font-size:11px;fill:#c0392b}" +
      "@media (prefers-color-scheme:dark){text{fill:#ddd}.marker-label{fill:#ff7b6b}}</style>",
    `<text x="8" y="18" class="title">${escape(chart.title)}</text>`,
    ...legend,
    `<line x1="${LABEL_WIDTH}" y1="${TOP - 4}" x2="${LABEL_WIDTH}" y2="${bottom}" stroke="#999"/>`,
    ...lines,
    ...markers,
    "</svg>",
    "",
  ].join("\n");
}
