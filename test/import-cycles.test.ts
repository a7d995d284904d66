// No import circles in report/ or runners/ (issue: layers only look down): every relative `import … from` and
// `export … from` of a TypeScript module, type-only ones included, followed to the file it names;
// a cycle is reported as the chain of files that closes it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../functions/manifest.js";

const STATIC_IMPORT = /^\s*(?:import|export)\s[^;]*?\sfrom\s+["'](\.{1,2}\/[^"']+)["']/gm;

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : modulesUnder(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The import cycles among the modules under `dir` (paths relative to `base`), each once. */
export function importCycles(dir: string, base = dir): string[][] {
  const files = new Set(modulesUnder(dir));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets = [...readFileSync(file, "utf8").matchAll(STATIC_IMPORT)].map((m) => resolve(dirname(file), m[1]!.replace(/\.js$/, ".ts")));
    edges.set(
      file,
      targets.filter((t) => files.has(t)),
    );
  }
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === "open") {
        const cycle = stack.slice(stack.indexOf(next)).map((f) => relative(base, f));
        const key = [...cycle].sort().join("|");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, relative(base, next)]);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...files].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("import cycles", () => {
  it.each(["report", "runners"])("none in %s/", (dir) => {
    expect(importCycles(join(repoRoot, dir), repoRoot)).toEqual([]);
  });

  it("finds a planted cycle, type-only imports included (the check can fail)", () => {
    const dir = mkdtempSync(join(tmpdir(), "lambench-cycles-"));
    try {
      mkdirSync(join(dir, "sections"));
      writeFileSync(join(dir, "sections", "index.ts"), 'import { cost } from "./cost.js";\nexport const all = [cost];\n');
      writeFileSync(join(dir, "sections", "cost.ts"), 'import type { Options } from "./index.js";\nexport const cost = 1;\n');
      writeFileSync(join(dir, "leaf.ts"), 'export { cost } from "./sections/cost.js";\n');
      expect(importCycles(dir)).toEqual([["sections/cost.ts", "sections/index.ts", "sections/cost.ts"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
