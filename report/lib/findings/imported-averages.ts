// Datasets of averages (contract: meta.averages, e.g. an aws-lambda-power-tuning import): one line
// per dataset, architecture, runtime and function, with power-tuning's strategies run on its own
// averages — the numbers it chose from, so the picks are the ones it made.
import { namedRuntime } from "../../../functions/manifest.js";
import type { AverageRow } from "../../../runners/dataset/contract.js";
import type { Analysis } from "../analysis.js";
import { DEFAULT_BALANCED_WEIGHT, recommend, STRATEGIES, type Strategy } from "../recommend/index.js";

export interface ImportedLine {
  dataset: string;
  architecture: string;
  runtime: string;
  function: string;
  points: AverageRow[];
  picks: { strategy: Strategy; memoryMB: number }[];
}

/** Names of the datasets that hold averages only (no raw invocations). */
export const averagesOnly = (a: Analysis): string[] => a.data.datasets.filter((d) => d.meta.averages !== undefined).map((d) => d.name);

export function importedAverages(a: Analysis, balancedWeight = DEFAULT_BALANCED_WEIGHT): ImportedLine[] {
  const lines = new Map<string, ImportedLine>();
  for (const d of a.data.datasets) {
    for (const row of d.meta.averages ?? []) {
      const k = JSON.stringify([d.name, row.architecture, row.runtime, row.function]);
      if (!lines.has(k)) {
        // The label every runtime name is shown with (the manifest's, else the name as given).
        const runtime = namedRuntime(a.manifest, row.runtime).label;
        lines.set(k, { dataset: d.name, architecture: row.architecture, runtime, function: row.function, points: [], picks: [] });
      }
      lines.get(k)!.points.push(row);
    }
  }
  return [...lines.values()].map((l) => {
    const points = [...l.points].sort((x, y) => x.memoryMB - y.memoryMB);
    const stats = points.map((p) => ({ power: p.memoryMB, cost: p.averagePriceUsd, duration: p.averageDurationMs }));
    const picks =
      points.length < 2
        ? []
        : STRATEGIES.flatMap((strategy) => {
            const pick = recommend(stats, strategy, balancedWeight);
            return pick ? [{ strategy, memoryMB: pick.power }] : [];
          });
    return { ...l, points, picks };
  });
}
