// End to end: FIXTURE datasets → real tslab kernel → site + PDF, then cache, rerun, failure,
// Chromium and pdftotext checks on what was built. One build shared by the checks (it takes seconds).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { SECTIONS } from "../lib/section.js";
import { buildReport, type BuildResult } from "../render/build.js";
import { withChromium } from "../render/chromium.js";
import { pageFileName } from "../render/html.js";
import { ReportBuildError } from "../render/messages.js";
import { paths } from "../render/paths.js";
import { escapeHtml } from "../notebook/table-html.js";
import { generateFixtureDataset } from "./fixtures/generate.js";
import { renderWorkspace, snapshotDir } from "./render-fixture.js";
import { pngDistinctBytes } from "./render-png.js";

const ws = renderWorkspace();
const site = join(ws.root, "site");
const textFiles = (snapshot: Map<string, string>): [string, string][] => [...snapshot].filter(([f]) => /\.(html|csv|json)$/.test(f));

let first: BuildResult;
let firstSnapshot: Map<string, string>;

beforeAll(async () => {
  first = await buildReport(ws.options({ force: true }));
  firstSnapshot = snapshotDir(site);
}, 300_000);

describe("report build over FIXTURE datasets", () => {
  it("executes every section notebook through the tslab kernel and writes one page per section", () => {
    expect(first.sections.map((s) => [s.id, s.status])).toEqual(SECTIONS.map((s) => [s.id, "fresh"]));
    for (const { id, title } of SECTIONS) {
      const html = readFileSync(join(site, pageFileName(id)), "utf8");
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).toMatch(/<p>[^<]+/); // the library's computed sentences
      for (const link of html.matchAll(/href="(data\/[^"]+)"/g)) expect(existsSync(join(site, link[1]!)), link[1]).toBe(true);
    }
    const figures = SECTIONS.map(({ id }) => readFileSync(join(site, pageFileName(id)), "utf8").match(/<figure class="figure"/g)?.length ?? 0);
    expect(figures.reduce((a, b) => a + b)).toBeGreaterThan(SECTIONS.length);
    expect(readFileSync(join(site, "worst-case.html"), "utf8")).toMatch(/<div class="figure-view" data-spec="[^"]+"><svg/);
    expect(ws.lines.filter((l) => l.startsWith("[fresh]"))).toHaveLength(SECTIONS.length);
  });

  it("rebuilds from the cache when nothing changed, with byte-identical HTML and data files", async () => {
    ws.lines.length = 0;
    const again = await buildReport(ws.options());
    expect(again.sections.every((s) => s.status === "cached")).toBe(true);
    expect(ws.lines.filter((l) => l.startsWith("[cached]"))).toHaveLength(SECTIONS.length);
    expect(ws.lines.some((l) => l.startsWith("[run]"))).toBe(false);
    expect(textFiles(snapshotDir(site))).toEqual(textFiles(firstSnapshot));
  });

  it("reruns only the section asked for", async () => {
    const rerun = await buildReport(ws.options({ section: "tail" }));
    expect(rerun.sections.filter((s) => s.status === "fresh").map((s) => s.id)).toEqual(["tail"]);
    expect(textFiles(snapshotDir(site))).toEqual(textFiles(firstSnapshot));
  }, 120_000);

  it("fails on a failing cell, naming the notebook and the cell, and leaves the previous site and PDF untouched", async () => {
    const notebooks = join(ws.root, "notebooks");
    cpSync(paths.notebooks, notebooks, { recursive: true });
    const broken = join(notebooks, "04-tail.ipynb");
    const nb = JSON.parse(readFileSync(broken, "utf8")) as { cells: { id: string; source: string[] }[] };
    nb.cells.find((c) => c.id === "build")!.source = ['throw new Error("deliberate failure (test)");'];
    writeFileSync(broken, JSON.stringify(nb));
    const sitesBefore = snapshotDir(site);
    const pdfBefore = readFileSync(join(ws.root, "report.pdf")).toString("base64");

    ws.lines.length = 0;
    const build = buildReport(ws.options({ notebooksDir: notebooks }));
    await expect(build).rejects.toThrow(ReportBuildError);
    expect(ws.lines.filter((l) => l.startsWith("[run]"))).toEqual([expect.stringContaining("04-tail.ipynb")]);
    await expect(build).rejects.toThrow(/04-tail\.ipynb: cell 3 \(throw new Error\("deliberate failure \(test\)"\);\) failed: .*deliberate failure/);
    expect(snapshotDir(site)).toEqual(sitesBefore);
    expect(readFileSync(join(ws.root, "report.pdf")).toString("base64") === pdfBefore, "PDF changed").toBe(true);
  }, 120_000);

  it("refuses a named bad dataset once, before any notebook runs, and leaves the site untouched", async () => {
    const bad = join(ws.root, "bad", "fixture-bad");
    generateFixtureDataset(bad, { name: "fixture-bad", invocationsPerFunction: 6, defect: "malformed-number" });
    const sitesBefore = snapshotDir(site);
    ws.lines.length = 0;
    const build = buildReport(ws.options({ datasets: [...ws.datasets, bad] }));
    await expect(build).rejects.toThrow(
      new ReportBuildError(
        `report not built; a dataset was refused before any notebook ran: ${join(bad, "invocations.csv")} line 3, field durationMs: "abc" is not a number`,
      ),
    );
    expect(ws.lines.filter((l) => l.startsWith("[run]") || l.startsWith("[fresh]") || l.startsWith("[failed]"))).toEqual([]);
    expect(snapshotDir(site)).toEqual(sitesBefore);
  }, 120_000);

  it("leaves an unloadable dataset out of the default report, with a warning on the title page", async () => {
    const bad = join(ws.root, "bad", "fixture-bad");
    const out = join(ws.root, "site-skip");
    ws.lines.length = 0;
    const result = await buildReport(ws.options({ datasets: [...ws.datasets, bad], datasetsExplicit: false, siteDir: out, pdfPath: null }));
    expect(result.sections.every((s) => s.status === "cached")).toBe(true); // the notebooks saw the same datasets as before
    const message = `${join(bad, "invocations.csv")} line 3, field durationMs: "abc" is not a number`;
    expect(ws.lines).toContain(`[skip]   ${bad}: ${message}`);
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain(
      `<p class="provenance-warning"><strong>Warning:</strong> Dataset ${bad} was left out of this report because it cannot be loaded: ${escapeHtml(message)}</p>`,
    );
  }, 120_000);

  it("prints a PDF with a title page, contents, every section title and page numbers", () => {
    const pdf = join(ws.root, "report.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(SECTIONS.length + 2);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Contents");
    expect(text).toContain("fixture-a");
    for (const { title } of SECTIONS) expect(text).toContain(title);
    expect(text).toContain(`1 / ${pages}`);
    // The contents list the page each chapter opens on.
    const firstLines = text.split("\f").map(
      (p) =>
        p
          .split("\n")
          .map((l) => l.trim())
          .find((l) => l !== "") ?? "",
    );
    for (const { title } of SECTIONS) {
      const start = firstLines.indexOf(title) + 1;
      expect(start, title).toBeGreaterThan(2);
      expect(text).toMatch(new RegExp(`\\d\\. ${title}\\s+${start}\\n`));
    }
    expect(text).toContain(`${pages} / ${pages}`);
  });

  it("serves every page in headless Chromium with no console error, no request leaving the machine, interactive figures", async () => {
    await withChromium(async (browser) => {
      for (const file of ["index.html", ...SECTIONS.map((s) => pageFileName(s.id))]) {
        const page = await browser.newPage();
        await page.setViewport({ width: 1100, height: 900 });
        const problems: string[] = [];
        await page.setRequestInterception(true);
        page.on("request", (request) => {
          if (request.url().startsWith("file:")) void request.continue();
          else {
            problems.push(`request left the page: ${request.url()}`);
            void request.abort();
          }
        });
        page.on("console", (message) => {
          if (message.type() === "error") problems.push(`console error: ${message.text()}`);
        });
        page.on("pageerror", (error) => problems.push(`page error: ${String(error)}`));
        await page.goto(pathToFileURL(join(site, file)).href, { waitUntil: "load" });
        const expected = await page.$$eval(".figure-view[data-spec]", (els) => els.length);
        if (expected > 0) await page.waitForFunction(`document.querySelectorAll(".figure-view.interactive svg").length >= ${expected}`, { timeout: 20_000 });
        const shot = await page.screenshot({ type: "png" });
        expect(pngDistinctBytes(shot), `${file} screenshot looks blank`).toBeGreaterThan(50);
        expect(problems, file).toEqual([]);
        await page.close();
      }
    });
  }, 120_000);
});
