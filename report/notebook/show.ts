// Displays a section's blocks as notebook outputs, one output per block. Each output is a bundle:
// the lambench type the renderer collects (section.ts's MIME: the block as the library made it)
// plus the standard types front ends render (JupyterLab, nbconvert, VS Code, GitHub).
import { MIME, type Block, type SectionResult } from "../lib/section.js";
import { specToSvg } from "../render/svg.js";
import { jupyterMarkdown } from "./jupyter-markdown.js";
import { tableToHtml } from "./table-html.js";

export type MimeBundle = Record<string, unknown>;
export type EmitBundle = (bundle: MimeBundle) => void;
export type SpecToSvg = (spec: Record<string, unknown>) => Promise<string>;

/** The Vega-Lite that JupyterLab 4.6 draws with (its renderer ships Vega-Lite 5): MIME type and schema. */
export const FRONT_END_VEGA_LITE = {
  mime: "application/vnd.vegalite.v5+json",
  schema: "https://vega.github.io/schema/vega-lite/v5.json",
} as const;

export async function blockToBundle(block: Block, toSvg: SpecToSvg = specToSvg): Promise<MimeBundle> {
  switch (block.kind) {
    case "markdown":
      return { [MIME.markdown]: block.text, "text/markdown": jupyterMarkdown(block.text) };
    case "figure":
      return {
        [MIME.figure]: { id: block.id, title: block.title, spec: block.spec },
        [FRONT_END_VEGA_LITE.mime]: { ...block.spec, $schema: FRONT_END_VEGA_LITE.schema },
        // For front ends without a Vega-Lite renderer (nbconvert HTML, GitHub, many VS Code setups).
        "image/svg+xml": await toSvg(block.spec),
        "text/plain": `[figure] ${block.title}`,
      };
    case "table":
      return {
        [MIME.table]: { id: block.id, title: block.title, columns: block.columns, rows: block.rows },
        "text/html": tableToHtml(block),
      };
  }
}

export async function showSection(section: SectionResult, emit: EmitBundle, toSvg: SpecToSvg = specToSvg): Promise<void> {
  for (const block of section.blocks) emit(await blockToBundle(block, toSvg));
}
