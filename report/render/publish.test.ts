// The one publish stage (render/publish.ts) on hand-made FIXTURE pages without figures (no vega, no
// Chromium: pdfPath null): the site is written and swapped in whole, and a publish that fails leaves
// the previous site as it was, with no staging folder behind.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FigureSvgs } from "./figure-svgs.js";
import type { Page } from "./page.js";
import { paths } from "./paths.js";
import { publish, type PublishOutput } from "./publish.js";

const root = mkdtempSync(join(tmpdir(), "lambench-publish-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const siteDir = join(root, "site");
const lines: string[] = [];

const page = (text: string): Page => ({
  id: "fixture-page",
  title: "FIXTURE page",
  blocks: [
    { kind: "markdown", text },
    { kind: "table", id: "numbers", title: "FIXTURE numbers", columns: ["runtime", "value"], rows: [{ runtime: "go", value: 1 }] },
  ],
});

const output = (templatesDir = paths.templates): PublishOutput => ({
  siteDir,
  pdfPath: null,
  pdfName: "fixture.pdf",
  cacheDir: join(root, "cache"),
  templatesDir,
  provenance: "<p>FIXTURE provenance</p>",
  datasetNames: ["fixture-dataset"],
  figures: new FigureSvgs(join(root, "cache")),
  log: (line) => lines.push(line),
});

describe("publish(pages, output)", () => {
  it("writes the overview, one page per page, the print page and the tables' data", async () => {
    const published = await publish([page("FIXTURE first text.")], output());
    expect(published).toEqual({ pages: 3, pdfPages: undefined });
    expect(readdirSync(siteDir).sort()).toEqual(["assets", "data", "fixture-page.html", "index.html", "print.html"]);
    expect(readFileSync(join(siteDir, "fixture-page.html"), "utf8")).toContain("<p>FIXTURE first text.</p>");
    expect(readFileSync(join(siteDir, "index.html"), "utf8")).toContain("<strong>fixture-dataset</strong>");
    expect(readFileSync(join(siteDir, "data", "fixture-page", "numbers.csv"), "utf8")).toBe("runtime,value\ngo,1\n");
    expect(lines.some((l) => l.startsWith("[site]") && l.includes("3 pages"))).toBe(true);
  });

  it("leaves the previous site untouched, with no staging folder behind, when writing the new one fails", async () => {
    const before = readFileSync(join(siteDir, "fixture-page.html"), "utf8");
    const broken = join(root, "templates-without-print");
    cpSync(paths.templates, broken, { recursive: true });
    rmSync(join(broken, "print.html"));
    await expect(publish([page("FIXTURE second text.")], output(broken))).rejects.toThrow(/print\.html/);
    expect(readFileSync(join(siteDir, "fixture-page.html"), "utf8")).toBe(before);
    expect(readdirSync(root).filter((f) => f.includes("staging"))).toEqual([]);
    expect(existsSync(join(siteDir, "fixture.pdf"))).toBe(false);
  });
});
