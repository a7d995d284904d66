// Golden HTML for the renderer's templates (STYLE habit 6): a fixed, hand-made section set (no
// library, no SVG bytes) → the site's pages. On a mismatch the new output is written next to the
// golden as *-changed.html; missing goldens are created only outside CI (UPDATE_GOLDEN=1 rewrites).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { SectionResult } from "../lib/section.js";
import type { DatasetProvenance } from "../notebook/library.js";
import { provenanceHtml } from "../render/html.js";
import { sitePages } from "../render/site.js";

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), "render-golden");

const section: SectionResult = {
  id: "worst-case",
  title: "Worst case",
  blocks: [
    { kind: "markdown", text: "FIXTURE text: **go** leads <by> 2×.\n\n- one\n- two" },
    { kind: "figure", id: "pi", title: "PI of max Total Duration", spec: { mark: "bar", data: { values: [{ a: "</script>" }] } } },
    {
      kind: "table",
      id: "pi",
      title: "PI per runtime",
      columns: ["runtime", "pi"],
      rows: [
        { runtime: "go", pi: 2.123456 },
        { runtime: "node", pi: null },
      ],
    },
  ],
};

const provenance: DatasetProvenance = {
  name: "fixture-golden",
  target: "local",
  source: "fixture: hand-written for the golden test",
  createdAt: "2025-01-01T00:00:00.000Z",
  where: "fixture CPU, 2 cores",
  memorySizes: [128],
  architecture: "x86_64",
  limitsEnforced: { cpu: true, memory: false, note: "fixture" },
  runtimeVersions: [{ runtime: "go", version: "1.0" }],
  runtimes: ["Go"],
  protocol: { requestsPerFunction: 10, concurrency: 2, warmupRequests: 1, pauseMs: 0 },
  billing: { rule: "fixture-rule", description: "made up" },
  git: { commit: "0123456789abcdef", dirty: true },
  counts: { invocations: 10, requests: 10 },
  corrections: [],
  warnings: ["fixture warning"],
  isFixture: true,
};

describe("site HTML (golden)", () => {
  const pages = sitePages({
    pages: [{ page: section, svgs: new Map([["pi", '<svg class="fixture"></svg>']]) }],
    provenance: provenanceHtml([provenance]),
    datasetNames: ["fixture-golden"],
    pdfName: "lambench-report.pdf",
  });

  for (const [file, html] of pages) {
    it(`${file} matches its golden`, () => {
      const golden = join(goldenDir, file);
      const changed = golden.replace(/\.html$/, "-changed.html");
      if (!existsSync(golden) || process.env.UPDATE_GOLDEN === "1") {
        if (process.env.CI === "true") throw new Error(`missing golden ${golden}; create it locally with UPDATE_GOLDEN=1`);
        writeFileSync(golden, html);
      }
      const expected = readFileSync(golden, "utf8");
      if (html !== expected) writeFileSync(changed, html);
      else rmSync(changed, { force: true });
      expect(html, `differs from ${golden}; see ${changed}`).toBe(expected);
    });
  }

  it("keeps a spec from closing its <script> element", () => {
    expect(pages.get("worst-case.html")).toContain('"\\u003c/script>"');
  });
});
