// What every report section produces: the contract between the analysis library (which builds
// sections), the notebooks (which display them) and the renderer (which collects the outputs).

export const SECTIONS = [
  { id: "summary", title: "Summary" },
  { id: "expected-range", title: "Expected range" },
  { id: "worst-case", title: "Worst case" },
  { id: "tail", title: "Tail" },
  { id: "cold-start", title: "Cold start" },
  { id: "memory", title: "Memory" },
  { id: "billed", title: "Billed duration" },
  { id: "cost", title: "Cost" },
  { id: "memory-cost", title: "Memory and cost" },
  { id: "mitigations", title: "Mitigations" },
  { id: "appendix", title: "Method" },
  { id: "lab-calibration", title: "Lab vs AWS" },
] as const;

export type SectionId = (typeof SECTIONS)[number]["id"];

export type Cell = string | number | boolean | null;

export type Block =
  | { kind: "markdown"; text: string }
  /** spec is a Vega-Lite JSON spec (plain JSON, validated against the vega-lite schema). */
  | { kind: "figure"; id: string; title: string; spec: Record<string, unknown> }
  /** Downloadable numbers behind the section ("download the data"). */
  | { kind: "table"; id: string; title: string; columns: string[]; rows: Record<string, Cell>[] };

export interface SectionResult {
  id: SectionId;
  title: string;
  blocks: Block[];
}

/** Mime types the notebooks display and the renderer collects: each block as the library made it. Front
 * ends render the standard types shown next to them (report/notebook/show.ts). */
export const MIME = {
  /** The markdown text, as a JSON string. */
  markdown: "application/vnd.lambench.markdown+json",
  /** {id, title, spec}: spec is the Vega-Lite spec. */
  figure: "application/vnd.lambench.figure+json",
  /** {id, title, columns, rows}. */
  table: "application/vnd.lambench.table+json",
} as const;
