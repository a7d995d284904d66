// Turns one executed notebook's display outputs back into the section's blocks, by MIME type.
import { MIME, type Block, type Cell } from "../lib/section.js";
import type { MimeBundle } from "../notebook/show.js";
import { ReportBuildError, renderMessages } from "./messages.js";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function collectBlocks(notebook: string, outputs: MimeBundle[]): Block[] {
  const blocks: Block[] = [];
  outputs.forEach((bundle, index) => {
    const fail = (reason: string): never => {
      throw new ReportBuildError(renderMessages.badOutput(notebook, index, reason));
    };
    if (MIME.table in bundle) {
      const t = bundle[MIME.table];
      if (!isRecord(t) || typeof t.id !== "string" || typeof t.title !== "string" || !Array.isArray(t.columns) || !Array.isArray(t.rows))
        return fail(`${MIME.table} needs {id, title, columns, rows}`);
      blocks.push({ kind: "table", id: t.id, title: t.title, columns: t.columns.map(String), rows: t.rows as Record<string, Cell>[] });
    } else if (MIME.figure in bundle) {
      const f = bundle[MIME.figure];
      if (!isRecord(f) || typeof f.id !== "string" || typeof f.title !== "string" || !isRecord(f.spec)) return fail(`${MIME.figure} needs {id, title, spec}`);
      blocks.push({ kind: "figure", id: f.id, title: f.title, spec: f.spec });
    } else if (MIME.markdown in bundle) {
      const text = bundle[MIME.markdown];
      if (typeof text !== "string") return fail(`${MIME.markdown} is not a string`);
      blocks.push({ kind: "markdown", text });
    }
    // Other bundles (a stray value's text/plain) are not part of the report; the standard types next
    // to ours are for front ends.
  });
  return blocks;
}

/** The SVG each figure output carries (drawn in the kernel by specToSvg), by the spec object collectBlocks returns for it. */
export function drawnSvgs(outputs: MimeBundle[]): Map<Record<string, unknown>, string> {
  const drawn = new Map<Record<string, unknown>, string>();
  for (const bundle of outputs) {
    const figure = bundle[MIME.figure];
    const svg = bundle["image/svg+xml"];
    if (isRecord(figure) && isRecord(figure.spec) && typeof svg === "string") drawn.set(figure.spec, svg);
  }
  return drawn;
}
