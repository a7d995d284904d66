// A user adds their own Python function with the scaffold, in a temporary copy of the project:
// the manifest, template and report tests still pass, and bench → report works for it (one
// runtime, a few requests in the local lab). The README's "Benchmark your own function" example
// is this test's script.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest, repoRoot } from "../functions/manifest.js";
import { buildSection, loadDatasets, sectionIds } from "../report/lib/index.js";

const copy = mkdtempSync(join(tmpdir(), "lambench-user-function-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function sh(command: string, args: string[], timeout = 300_000): string {
  const r = spawnSync(command, args, {
    cwd: copy,
    encoding: "utf8",
    timeout,
    env: { ...process.env, INIT_CWD: copy, CI: "", LAMBENCH_BENCH_LOCK: join(copy, "bench.lock") },
  });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r.stdout;
}

const INSTALLED = ["node_modules", ".venv", "runners/lab/runtimes/node_modules", "runners/lab/runtimes/python"];

beforeAll(() => {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: repoRoot, encoding: "utf8" })
    .split("\0")
    .filter((f) => f !== "" && !f.startsWith("data/") && !INSTALLED.some((i) => f === i || f.startsWith(`${i}/`)) && existsSync(join(repoRoot, f)));
  for (const f of files) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    cpSync(join(repoRoot, f), join(copy, f));
  }
  // Installed by `make setup`, shared rather than copied.
  for (const installed of INSTALLED) {
    if (existsSync(join(repoRoot, installed))) symlinkSync(join(repoRoot, installed), join(copy, installed));
  }
  mkdirSync(join(copy, "my-functions"));
  writeFileSync(
    join(copy, "my-functions", "hello.py"),
    'import json\n\n\ndef handler(event, context):\n    body = json.loads(event.get("body") or "{}")\n    return {"statusCode": 200, "body": json.dumps({"hello": body.get("name", "world")})}\n',
  );
  writeFileSync(join(copy, "my-functions", "hello.json"), '{"name": "lambench"}\n');
}, 120_000);

describe("your own function, added with the scaffold", () => {
  it("is registered sparsely (one runtime), with the template regenerated", () => {
    sh("npm", [
      "run",
      "-s",
      "function",
      "--",
      "add",
      "--runtime",
      "python",
      "--handler",
      "my-functions/hello.py:handler",
      "--payload",
      "my-functions/hello.json",
    ]);
    const manifest = loadManifest(join(copy, "functions", "manifest.json"));
    expect(manifest.entries.filter((e) => e.function === "hello")).toEqual([
      {
        runtime: "python",
        function: "hello",
        handler: "hello.handler",
        build: "node --import tsx functions/user/cli/build.ts python hello",
        artefact: "functions/user/dist/python/hello.zip",
        source: "my-functions/hello.py",
      },
    ]);
    expect(manifest.functions.find((f) => f.id === "hello")).toMatchObject({ role: "benchmark", tableAccess: "none", payload: { name: "lambench" } });
    expect(readFileSync(join(copy, "functions", "template.yaml"), "utf8")).toContain("Path: /python/hello");
    // The built-in manifest lines are untouched: only lines were added.
    const lines = (path: string) =>
      readFileSync(path, "utf8")
        .split("\n")
        .map((l) => l.replace(/,$/, ""));
    const [before, after] = [lines(join(repoRoot, "functions", "manifest.json")), lines(join(copy, "functions", "manifest.json"))];
    expect(before.filter((l) => !after.includes(l))).toEqual([]);
    expect(after.filter((l) => !before.includes(l))).toHaveLength(2);
  }, 120_000);

  it("keeps the manifest, template and report tests passing", () => {
    sh(
      "npx",
      ["vitest", "run", "functions/manifest.test.ts", "functions/template.test.ts", "report/test/narrative.test.ts", "report/test/figures.test.ts"],
      600_000,
    );
  }, 600_000);

  it("benchmarks in the lab and reports", async () => {
    sh("npm", [
      "run",
      "-s",
      "bench",
      "--",
      "--functions",
      "hello",
      "--memory",
      "128",
      "--requests",
      "20",
      "--trials",
      "1",
      "--concurrency",
      "2",
      "--name",
      "hello",
      "--work-dir",
      join(copy, ".lambench"),
    ]);
    const data = await loadDatasets([join(copy, "data", "hello-128mb")]);
    const pairs = data.invocations.groupby("runtime", "function").count().objects() as { runtime: string; function: string; count: number }[];
    expect(pairs).toEqual([{ runtime: "python", function: "hello", count: 20 }]);
    for (const id of sectionIds) expect(buildSection(id, data).blocks.length, id).toBeGreaterThan(0);
    const worst = buildSection("worst-case", data)
      .blocks.filter((b) => b.kind === "markdown")
      .map((b) => (b.kind === "markdown" ? b.text : ""))
      .join("\n");
    expect(worst).toMatch(/only Python has data, so no runtime is compared with another on the worst case \(max Total Duration\): [\d.]+ ms on `hello`/);
  }, 300_000);
});
