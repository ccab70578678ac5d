// The results' charts (bench/charts/*.svg), written with the tables: per engine, each read's ratio
// to the baseline (and the peer's, where it ran); and how much slower each read is at 1M posts than
// at 10k.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { barChart, type BarGroup } from "./charts.ts";
import type { Engine } from "./datasets.ts";
import { OPERATIONS } from "./operations.ts";
import type { EngineResult, GrowthResult } from "./report.ts";

const folder = fileURLToPath(new URL("charts/", import.meta.url));
const engineName = (engine: Engine) => (engine === "sqlite" ? "SQLite" : "PostgreSQL");
const COLORS = { api: "#2f6db5", peer: "#d98c1f", growth: "#4a9d5b" };
/** The growth chart's axis ends here; a bar past it is cut, its label still says how far it goes. */
const GROWTH_AXIS = 3.5;

export function writeCharts(engines: EngineResult[], growth: GrowthResult[]): string[] {
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  const write = (name: string, svg: string) => {
    writeFileSync(`${folder}${name}`, svg);
    written.push(`bench/charts/${name}`);
  };
  for (const result of engines) {
    const reads = result.operations.filter((op) => op.ratio !== undefined);
    const peerName = reads.find((op) => op.peer)?.peer?.name;
    const groups: BarGroup[] = reads.map((op) => ({
      label: OPERATIONS[op.name].title.replace(/^\d+\. /, ""),
      bars: [
        { series: "our API", value: op.ratio!, note: op.ratioSpread && op.ratioSpread[0] !== op.ratioSpread[1] ? `(${op.ratioSpread[0]}–${op.ratioSpread[1]})` : undefined },
        ...(op.peer ? [{ series: op.peer.name, value: op.peer.ratio }] : []),
      ],
    }));
    write(
      `ratios-${result.engine}.svg`,
      barChart({
        title: `${engineName(result.engine)}: req/s as a share of the raw node:http baseline (1× = as fast as it)`,
        description: reads.map((op) => `${op.name} ${op.ratio}×${op.peer ? `, ${op.peer.name} ${op.peer.ratio}×` : ""}`).join("; "),
        groups,
        series: [{ name: "our API", color: COLORS.api }, ...(peerName ? [{ name: peerName, color: COLORS.peer }] : [])],
        markers: [{ label: "0.5×", value: 0.5 }],
        format: (value) => `${value.toFixed(2)}×`,
      }),
    );
  }
  for (const result of growth) {
    write(
      `growth-${result.engine}.svg`,
      barChart({
        title: `${engineName(result.engine)}: 1 client p50 at 1M posts ÷ at 10k (1× = no growth)`,
        description: result.operations.map((op) => `${op.name} ${op.growth}×`).join("; "),
        groups: result.operations.map((op) => ({
          label: OPERATIONS[op.name].title.replace(/^\d+\. /, ""),
          bars: [{ series: "1M ÷ 10k", value: op.growth, note: OPERATIONS[op.name].growthTarget ? `(target ≤ ${OPERATIONS[op.name].growthTarget})` : "(no target)" }],
        })),
        series: [{ name: "1M ÷ 10k", color: COLORS.growth }],
        markers: [
          { label: "1×", value: 1 },
          { label: "1.5×", value: 1.5 },
        ],
        max: GROWTH_AXIS,
        format: (value) => `${value.toFixed(2)}×`,
      }),
    );
  }
  return written;
}
