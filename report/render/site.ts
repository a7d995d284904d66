// Writes the static site (index, one page per section, print page, data files, bundled assets).
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { escapeHtml } from "../notebook/table-html.js";
import { blocksHtml, dataNote, navHtml, pageFileName, tableFiles } from "./html.js";
import type { RenderedPage } from "./page.js";
import { paths } from "./paths.js";
import { fillTemplate, readTemplate } from "./template.js";

export interface SiteInput {
  pages: RenderedPage[];
  /** HTML of the datasets' provenance (title page and overview). */
  provenance: string;
  datasetNames: string[];
  /** Name of the PDF inside the site, when one is built. */
  pdfName: string | null;
  templatesDir?: string;
}

const ASSETS: [string, string][] = [
  ["vega/build/vega.min.js", "vega.min.js"],
  ["vega-lite/build/vega-lite.min.js", "vega-lite.min.js"],
  ["vega-embed/build/vega-embed.min.js", "vega-embed.min.js"],
  ...["400", "600", "700"].map((w): [string, string] => [`@fontsource/inter/files/inter-latin-${w}-normal.woff2`, `fonts/inter-latin-${w}-normal.woff2`]),
];

function write(dir: string, file: string, content: string): void {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function copyAssets(dir: string, templatesDir: string): void {
  for (const [from, to] of ASSETS) {
    const target = join(dir, "assets", to);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(paths.nodeModules, from), target);
  }
  for (const name of ["style.css", "print.css", "embed.js"]) copyFileSync(join(templatesDir, name), join(dir, "assets", name));
}

function writeTables(dir: string, rendered: RenderedPage): void {
  for (const block of rendered.page.blocks) {
    if (block.kind !== "table") continue;
    const files = tableFiles(rendered.page.id, block.id);
    write(dir, files.csv, stringify(block.rows, { header: true, columns: block.columns }));
    write(dir, files.json, `${JSON.stringify(block.rows, null, 1)}\n`);
  }
}

/** The HTML files of the site, by path (kept separate from writing so tests can compare them). */
export function sitePages(input: SiteInput): Map<string, string> {
  const templatesDir = input.templatesDir ?? paths.templates;
  const template = readTemplate(templatesDir, "page.html");
  const pages = input.pages.map((r) => r.page);
  const footer = [
    `Computed from ${input.datasetNames.map((n) => `<strong>${escapeHtml(n)}</strong>`).join(", ")} by lambench.`,
    input.pdfName ? `<a href="${input.pdfName}">PDF version</a>` : "",
  ]
    .filter(Boolean)
    .join(" · ");
  const files = new Map<string, string>();

  const overview = [
    "<h1>AWS Lambda runtime performance</h1>",
    "<p>Every figure and sentence in this report is computed from the datasets below by the report library; each section is also a notebook in <code>notebooks/</code>.</p>",
    '<h2>Sections</h2>\n<ul class="section-list">',
    ...pages.map((p) => `<li><a href="${pageFileName(p.id)}">${escapeHtml(p.title)}</a></li>`),
    "</ul>",
    `<h2>Datasets</h2>\n<div class="provenance">\n${input.provenance}\n</div>`,
  ].join("\n");
  files.set("index.html", fillTemplate("page.html", template, { pageTitle: "Overview", nav: navHtml(pages, null), content: overview, footer }));

  for (const rendered of input.pages) {
    const content = `<h1>${escapeHtml(rendered.page.title)}</h1>\n${blocksHtml(rendered, "site")}`;
    files.set(
      pageFileName(rendered.page.id),
      fillTemplate("page.html", template, { pageTitle: rendered.page.title, nav: navHtml(pages, rendered.page.id), content, footer }),
    );
  }

  const print = readTemplate(templatesDir, "print.html");
  const toc = pages
    .map((p) => `<li><a href="#chapter-${p.id}">${escapeHtml(p.title)}</a><span class="toc-page" data-toc-page="${p.id}"></span></li>`)
    .join("\n");
  const chapters = input.pages
    .map(
      (r) =>
        `<section class="chapter" id="chapter-${r.page.id}">\n<h1>${escapeHtml(r.page.title)}</h1>\n${dataNote(r.page)}\n${blocksHtml(r, "print")}\n</section>`,
    )
    .join("\n");
  files.set("print.html", fillTemplate("print.html", print, { provenance: input.provenance, toc, chapters }));
  return files;
}

export function writeSite(dir: string, input: SiteInput): number {
  const templatesDir = input.templatesDir ?? paths.templates;
  const files = sitePages(input);
  for (const [file, html] of files) write(dir, file, html);
  for (const rendered of input.pages) writeTables(dir, rendered);
  copyAssets(dir, templatesDir);
  return files.size;
}
