// HTML fragments for blocks, pages and the print layout.
import { Marked } from "marked";
import type { Block } from "../lib/section.js";
import type { DatasetProvenance, ProtocolGroup } from "../notebook/library.js";
import { renderMessages } from "./messages.js";
import type { Page, RenderedPage } from "./page.js";
import { escapeHtml, tableToHtml } from "../notebook/table-html.js";
import { pct } from "../lib/narrative/format.js";

// Sentences carry data-derived names (datasets, runtimes): raw HTML in them is shown, not run.
const marked = new Marked({ gfm: true, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

export function markdownToHtml(text: string): string {
  return (marked.parse(text) as string).trim();
}

/** JSON inside <script>: `<` escaped so no string can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export function tableFiles(pageId: string, tableId: string): { csv: string; json: string } {
  return { csv: `data/${pageId}/${tableId}.csv`, json: `data/${pageId}/${tableId}.json` };
}

type Figure = Extract<Block, { kind: "figure" }>;

function figureHtml(pageId: string, block: Figure, svg: string, interactive: boolean): string {
  const key = `${pageId}-${block.id}`;
  const view = interactive
    ? `<div class="figure-view" data-spec="spec-${escapeHtml(key)}">${svg}</div>\n<script type="application/json" id="spec-${escapeHtml(key)}">${jsonForScript(block.spec)}</script>`
    : `<div class="figure-view">${svg}</div>`;
  return `<figure class="figure" id="fig-${escapeHtml(key)}">\n${view}\n<figcaption>${escapeHtml(block.title)}</figcaption>\n</figure>`;
}

export function blocksHtml(rendered: RenderedPage, mode: "site" | "print"): string {
  const { page, svgs } = rendered;
  return page.blocks
    .map((block) => {
      switch (block.kind) {
        case "markdown":
          return markdownToHtml(block.text);
        case "figure":
          return figureHtml(page.id, block, svgs.get(block.id) ?? "", mode === "site");
        case "table": {
          const files = tableFiles(page.id, block.id);
          if (mode === "print") return ""; // listed once under the chapter title (dataNote)
          return [
            `<section class="table-block" id="table-${escapeHtml(`${page.id}-${block.id}`)}">`,
            `<p class="download">${escapeHtml(block.title)} — download the data: <a href="${files.csv}" download>CSV</a> · <a href="${files.json}" download>JSON</a></p>`,
            `<details><summary>Show the table (${block.rows.length} rows)</summary>`,
            tableToHtml(block),
            "</details>",
            "</section>",
          ].join("\n");
        }
      }
    })
    .filter((html) => html !== "")
    .join("\n");
}

/** Print only: where the numbers behind a chapter are, in one line under its title. */
export function dataNote(page: Page): string {
  const tables = page.blocks.filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table");
  if (tables.length === 0) return "";
  const list = tables.map((t) => `${escapeHtml(t.title)} (${escapeHtml(tableFiles(page.id, t.id).csv)})`).join("; ");
  return `<p class="data-note">The numbers behind this chapter are on the site as CSV and JSON: ${list}.</p>`;
}

export function pageFileName(pageId: string): string {
  return `${pageId}.html`;
}

export function navHtml(pages: readonly Page[], current: string | null): string {
  const link = (href: string, label: string, active: boolean): string => `<a href="${href}"${active ? ' aria-current="page"' : ""}>${escapeHtml(label)}</a>`;
  return [link("index.html", "Overview", current === null), ...pages.map((p) => link(pageFileName(p.id), p.title, current === p.id))].join("\n");
}

/** The datasets' provenance (from the library's describeDatasets) as a table, one column per dataset. */
export function provenanceHtml(datasets: readonly DatasetProvenance[], protocols: readonly ProtocolGroup[] = [], notices: readonly string[] = []): string {
  const warnings = [...notices, ...(protocols.length > 1 ? [renderMessages.protocolsDiffer(protocols)] : [])];
  const yesNo = (b: boolean): string => (b ? "yes" : "no");
  const rows: [string, (d: DatasetProvenance) => string][] = [
    ["Target", (d) => (d.isFixture ? `${d.target} (FIXTURE: made-up numbers for tests, not results)` : d.target)],
    ["Source", (d) => d.source],
    ["Created", (d) => d.createdAt],
    ["Where", (d) => d.where],
    ["Memory sizes", (d) => d.memorySizes.map((m) => `${m} MB`).join(", ")],
    ["Architecture", (d) => d.architecture],
    [
      "Resource limits",
      (d) =>
        d.limitsEnforced
          ? `CPU ${yesNo(d.limitsEnforced.cpu)}, memory ${yesNo(d.limitsEnforced.memory)}${d.limitsEnforced.note ? ` (${d.limitsEnforced.note})` : ""}`
          : "AWS",
    ],
    [
      "Runtimes",
      (d) =>
        d.runtimeVersions.length > 0
          ? d.runtimeVersions.map((r) => `${r.runtime} ${r.version}`).join(", ")
          : `${d.runtimes.join(", ")} (versions not recorded)`,
    ],
    [
      "Protocol",
      (d) => {
        if (!d.protocol) return "not recorded";
        const s = d.trials?.stopping;
        const rule = s
          ? `; added until every median was within ±${pct(s.targetPrecision * 100)}: ${s.achieved === null ? "not judged" : `±${pct(s.achieved * 100)}`}${s.met ? "" : ", NOT MET"}`
          : "";
        const trials = d.trials ? `${d.trials.count} trial${d.trials.count === 1 ? "" : "s"} (seed ${d.trials.seed}${rule}), ` : "";
        return `${trials}${d.protocol.requestsPerFunction} requests per function${d.trials ? " per trial" : ""}, concurrency ${d.protocol.concurrency}, ${d.protocol.warmupRequests} warm-up requests, ${d.protocol.pauseMs} ms pause${d.protocol.tablePrimedBy ? `, table primed by ${d.protocol.tablePrimedBy} before trial 1` : ""}`;
      },
    ],
    // Only for lab datasets that record their conditions (older datasets and AWS have none).
    ...(datasets.some((d) => d.lab != null)
      ? [["Lab conditions", (d: DatasetProvenance) => d.lab ?? "not recorded"] as [string, (d: DatasetProvenance) => string]]
      : []),
    ["Billing rule", (d) => `${d.billing.rule}: ${d.billing.description}`],
    ["Invocations / requests", (d) => `${d.counts.invocations} / ${d.counts.requests}`],
    ["Git commit", (d) => (d.git ? `${d.git.commit.slice(0, 12)}${d.git.dirty ? " (uncommitted changes)" : ""}` : "not recorded")],
    ["Corrections", (d) => d.corrections.join("; ") || "none"],
    ["Warnings", (d) => d.warnings.join("; ") || "none"],
  ];
  return [
    ...warnings.map((w) => `<p class="provenance-warning"><strong>Warning:</strong> ${escapeHtml(w)}</p>`),
    '<table class="provenance-table">',
    `<thead><tr><th></th>${datasets.map((d) => `<th>${escapeHtml(d.name)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th>${datasets.map((d) => `<td>${escapeHtml(value(d))}</td>`).join("")}</tr>`),
    "</tbody>",
    "</table>",
  ].join("\n");
}
