// HTML fragments for blocks, pages and the print layout.
import { Marked } from "marked";
import type { Block, SectionResult } from "../lib/section.js";
import { escapeHtml, tableToHtml } from "../notebook/table-html.js";

const marked = new Marked({ gfm: true, async: false });

export function markdownToHtml(text: string): string {
  return (marked.parse(text) as string).trim();
}

/** JSON inside <script>: `<` escaped so no string can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export function tableFiles(sectionId: string, tableId: string): { csv: string; json: string } {
  return { csv: `data/${sectionId}/${tableId}.csv`, json: `data/${sectionId}/${tableId}.json` };
}

export interface RenderedSection {
  section: SectionResult;
  /** Static SVG per figure id. */
  svgs: Map<string, string>;
}

type Figure = Extract<Block, { kind: "figure" }>;

function figureHtml(sectionId: string, block: Figure, svg: string, interactive: boolean): string {
  const key = `${sectionId}-${block.id}`;
  const view = interactive
    ? `<div class="figure-view" data-spec="spec-${escapeHtml(key)}">${svg}</div>\n<script type="application/json" id="spec-${escapeHtml(key)}">${jsonForScript(block.spec)}</script>`
    : `<div class="figure-view">${svg}</div>`;
  return `<figure class="figure" id="fig-${escapeHtml(key)}">\n${view}\n<figcaption>${escapeHtml(block.title)}</figcaption>\n</figure>`;
}

export function blocksHtml(rendered: RenderedSection, mode: "site" | "print"): string {
  const { section, svgs } = rendered;
  return section.blocks
    .map((block) => {
      switch (block.kind) {
        case "markdown":
          return markdownToHtml(block.text);
        case "figure":
          return figureHtml(section.id, block, svgs.get(block.id) ?? "", mode === "site");
        case "table": {
          const files = tableFiles(section.id, block.id);
          if (mode === "print")
            return `<p class="data-note">Data behind this section: ${escapeHtml(block.title)} (${escapeHtml(files.csv)} on the site).</p>`;
          return [
            `<section class="table-block" id="table-${escapeHtml(`${section.id}-${block.id}`)}">`,
            `<p class="download">${escapeHtml(block.title)} — download the data: <a href="${files.csv}" download>CSV</a> · <a href="${files.json}" download>JSON</a></p>`,
            `<details><summary>Show the table (${block.rows.length} rows)</summary>`,
            tableToHtml(block),
            "</details>",
            "</section>",
          ].join("\n");
        }
      }
    })
    .join("\n");
}

export function pageFileName(sectionId: string): string {
  return `${sectionId}.html`;
}

export function navHtml(sections: readonly SectionResult[], current: string | null): string {
  const link = (href: string, label: string, active: boolean): string =>
    `<a href="${href}"${active ? ' aria-current="page"' : ""}>${escapeHtml(label)}</a>`;
  return [link("index.html", "Overview", current === null), ...sections.map((s) => link(pageFileName(s.id), s.title, current === s.id))].join("\n");
}

/** Provenance from the library's describeDatasets: markdown text, rows, or a record. */
export function provenanceHtml(value: unknown): string {
  if (typeof value === "string") return markdownToHtml(value);
  const rows = Array.isArray(value) ? value : [value];
  if (rows.every((r) => typeof r === "object" && r !== null)) {
    const records = rows as Record<string, unknown>[];
    const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
    const cell = (v: unknown): string => escapeHtml(v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
    return [
      "<table>",
      ...keys.map((k) => `<tr><th>${escapeHtml(k)}</th>${records.map((r) => `<td>${cell(r[k])}</td>`).join("")}</tr>`),
      "</table>",
    ].join("\n");
  }
  return `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
}
