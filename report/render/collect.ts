// Turns one executed notebook's display outputs back into the section's blocks, by MIME type.
import { MIME, type Block, type Cell } from "../lib/section.js";
import { FIGURE_META_KEY, type MimeBundle } from "../notebook/show.js";
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
    } else if (MIME.vegaLite in bundle) {
      const spec = bundle[MIME.vegaLite];
      if (!isRecord(spec)) return fail(`${MIME.vegaLite} is not a JSON object`);
      const { usermeta, ...rest } = spec;
      const { [FIGURE_META_KEY]: meta, ...otherMeta }: Record<string, unknown> = isRecord(usermeta) ? usermeta : {};
      if (!isRecord(meta) || typeof meta.id !== "string" || typeof meta.title !== "string")
        return fail(`figure has no usermeta.${FIGURE_META_KEY} {id, title}`);
      const cleanSpec = Object.keys(otherMeta).length ? { ...rest, usermeta: otherMeta } : rest;
      blocks.push({ kind: "figure", id: meta.id, title: meta.title, spec: cleanSpec });
    } else if (MIME.markdown in bundle) {
      const text = bundle[MIME.markdown];
      if (typeof text !== "string") return fail(`${MIME.markdown} is not a string`);
      blocks.push({ kind: "markdown", text });
    }
    // Other types (a stray value's text/plain) are not part of the report.
  });
  return blocks;
}
