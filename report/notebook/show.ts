// Displays a section's blocks as notebook outputs, one output per block, in the MIME types of
// section.ts. Each output is a bundle: the type the renderer collects plus one JupyterLab renders.
import { MIME, type Block, type SectionResult } from "../lib/section.js";
import { tableToHtml } from "./table-html.js";

export type MimeBundle = Record<string, unknown>;
export type EmitBundle = (bundle: MimeBundle) => void;

/** Where a figure's id and title travel inside its spec (Vega-Lite's free-form `usermeta`). */
export const FIGURE_META_KEY = "lambench";

export function blockToBundle(block: Block): MimeBundle {
  switch (block.kind) {
    case "markdown":
      return { [MIME.markdown]: block.text };
    case "figure": {
      const usermeta = { ...(block.spec.usermeta as Record<string, unknown> | undefined), [FIGURE_META_KEY]: { id: block.id, title: block.title } };
      return { [MIME.vegaLite]: { ...block.spec, usermeta }, "text/plain": `[figure] ${block.title}` };
    }
    case "table":
      return {
        [MIME.table]: { id: block.id, title: block.title, columns: block.columns, rows: block.rows },
        "text/html": tableToHtml(block),
      };
  }
}

export function showSection(section: SectionResult, emit: EmitBundle): void {
  for (const block of section.blocks) emit(blockToBundle(block));
}
