// TEMPORARY stand-in for report/lib/index.ts while it is being written: same entry points,
// trivial content. Removed once the library lands.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SECTIONS, type SectionId, type SectionResult } from "../lib/section.js";

export interface Data {
  datasets: { name: string; dir: string; meta: Record<string, unknown>; rows: number }[];
}

export async function loadDatasets(paths: readonly string[]): Promise<Data> {
  if (paths.length === 0) throw new Error("no datasets given");
  return {
    datasets: paths.map((p) => {
      const dir = resolve(p);
      const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as Record<string, unknown>;
      if (meta.complete !== true) throw new Error(`${join(dir, "meta.json")}: dataset is not complete`);
      const rows = readFileSync(join(dir, "invocations.csv"), "utf8").trim().split("\n").length - 1;
      return { name: String(meta.name), dir, meta, rows };
    }),
  };
}

export const sectionIds: SectionId[] = SECTIONS.map((s) => s.id);

export function buildSection(id: SectionId, data: Data): SectionResult {
  const title = SECTIONS.find((s) => s.id === id)!.title;
  const values = data.datasets.map((d) => ({ dataset: d.name, rows: d.rows }));
  return {
    id,
    title,
    blocks: [
      { kind: "markdown", text: `Stub section **${title}** over ${data.datasets.length} dataset(s).` },
      {
        kind: "figure",
        id: `${id}-rows`,
        title: "Rows per dataset",
        spec: {
          $schema: "https://vega.github.io/schema/vega-lite/v6.json",
          title: "Rows per dataset",
          data: { values },
          mark: "bar",
          encoding: { x: { field: "dataset", type: "nominal" }, y: { field: "rows", type: "quantitative" } },
        },
      },
      { kind: "table", id: `${id}-rows`, title: "Rows per dataset", columns: ["dataset", "rows"], rows: values },
    ],
  };
}

export function describeDatasets(data: Data): string {
  return data.datasets.map((d) => `- **${d.name}** (${String(d.meta.target)}), ${d.rows} invocations`).join("\n");
}
