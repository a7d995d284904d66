// docs/architecture.md names files and folders of the project: each one must exist, so the page
// cannot drift from the tree without this test failing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../functions/manifest.js";

const DOC = "docs/architecture.md";
/** What `npm run report` writes (git-ignored): named in the doc, absent from a fresh checkout. */
const BUILD_OUTPUTS = new Set(["report/site/", "report/lambench-report.pdf"]);

/**
 * Repository paths written in backticks: a first segment that is a top-level folder or file of
 * the project, and at least one `/`. Placeholders (`<id>`, `NN`, `…`) and data/ dataset names
 * are the doc's wording, not paths, and are left out.
 */
function repositoryPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim());
  const paths = spans.filter((s) => /^[A-Za-z0-9._-]+\/[A-Za-z0-9._/-]*$/.test(s) && !/^data\/./.test(s));
  return [...new Set(paths)];
}

function missing(markdown: string): string[] {
  return repositoryPaths(markdown).filter((p) => !BUILD_OUTPUTS.has(p) && !existsSync(join(repoRoot, p)));
}

describe("docs/architecture.md", () => {
  const text = readFileSync(join(repoRoot, DOC), "utf8");

  it("names paths of the repository", () => {
    const paths = repositoryPaths(text);
    expect(paths.length).toBeGreaterThan(30);
    expect(paths).toContain("runners/bench/protocol.ts");
    expect(paths).toContain("report/lib/sections/");
  });

  it("names only paths that exist", () => {
    expect(missing(text)).toEqual([]);
  });

  it("reports a path that does not exist (the check can fail)", () => {
    const made = "See `functions/manifest.ts`, `runners/bench/no-such-module.ts` and `report/lib/nowhere/`.";
    expect(missing(made)).toEqual(["runners/bench/no-such-module.ts", "report/lib/nowhere/"]);
  });

  it("leaves placeholders and commands out", () => {
    expect(repositoryPaths("`report/lib/sections/<id>.ts` `npm run bench` `data/<name>/` `x`")).toEqual([]);
  });
});
