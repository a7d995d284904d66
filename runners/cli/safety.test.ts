// The runners' CLIs on bad input and existing datasets: every message asserted by value. Input
// files are generated fixtures written to a temp folder.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../functions/manifest.js";
import { quietSdkNodeVersionWarning, sdkErrorMessage } from "../aws/sdk-env.js";
import { WorkDir } from "../bench/work-dir.js";
import { normalizeBenchOptions } from "../bench/options.js";
import { loadManifest } from "../../functions/manifest.js";
import { configuredRegion } from "../collect/cloudwatch.js";
import { binaryReason } from "../collect/text-input.js";
import { parseTimeOption } from "../collect/time-option.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-cli-safety-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "runners/cli", script), ...args], { cwd: repoRoot, env, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Seed-query layout (fixture rows): BilledDuration repeats Duration, memory in MiB of bytes.
const SEED = [
  "Timestamp,InitDuration,Duration,BilledDuration,MaxMemoryUsed,Runtime,Function",
  "2023-06-01 10:00:00.000,180.5,12.25,12.25,42.9,rust,search",
  "2023-06-01 10:00:00.100,,3.5,3.5,43.8,rust,search",
].join("\n");

describe("npm run import", () => {
  const out = join(dir, "data");
  const file = join(dir, "export.csv");
  writeFileSync(file, SEED);
  const ids = () => readFileSync(join(out, "export", "invocations.csv"), "utf8");

  it("refuses to replace an existing dataset without --force, and replaces it with --force", () => {
    expect(cli("import.ts", [file, "--memory", "128", "--out", out]).status).toBe(0);
    const first = ids();
    const createdAt = (JSON.parse(readFileSync(join(out, "export", "meta.json"), "utf8")) as { createdAt: string; campaign: string }).createdAt;
    writeFileSync(file, SEED.split("\n").slice(0, 2).join("\n"));
    const refused = cli("import.ts", [file, "--memory", "128", "--out", out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `import: ${join(out, "export")} already holds a dataset (2 invocations, created ${createdAt}); refusing to replace it. Pass --force to replace it, or choose another --name.`,
    );
    expect(ids()).toBe(first);
    expect(cli("import.ts", [file, "--memory", "128", "--out", out, "--force"]).status).toBe(0);
    const meta = JSON.parse(readFileSync(join(out, "export", "meta.json"), "utf8")) as { counts: { invocations: number }; campaign: string };
    expect(meta.counts.invocations).toBe(1);
    expect(meta.campaign).toMatch(/^import-\d{8}T\d{6}Z-[0-9a-f]{4}$/);
  });

  it("records in meta.json how many REPORT lines of overlapping exports were dropped", () => {
    const again = join(dir, "export-again.csv");
    writeFileSync(again, SEED);
    writeFileSync(join(dir, "export-first.csv"), SEED);
    expect(cli("import.ts", [join(dir, "export-first.csv"), again, "--memory", "128", "--out", out, "--name", "overlap"]).status).toBe(0);
    const meta = JSON.parse(readFileSync(join(out, "overlap", "meta.json"), "utf8")) as {
      counts: { invocations: number };
      source: { duplicatesDropped: number };
    };
    expect(meta).toMatchObject({ counts: { invocations: 2 }, source: { duplicatesDropped: 2 } });
  });

  it("refuses a name with .. before writing anything", () => {
    const r = cli("import.ts", [file, "--memory", "128", "--out", out, "--name", "../../escape"]);
    expect(r.stderr.trim()).toBe(
      'import: --name: "../../escape" is not a usable dataset name (letters, digits, dot, dash and underscore; no path separators, no "..", not starting with a dot)',
    );
  });

  it("names a missing file", () => {
    const missing = join(dir, "nope.csv");
    expect(cli("import.ts", [missing, "--out", out]).stderr.trim()).toBe(
      `import: ${missing}: file not found (check the path; relative paths are taken from the current folder)`,
    );
  });

  it("refuses a binary file by its first bytes, without printing its contents", () => {
    const gz = join(dir, "export.csv.gz");
    writeFileSync(gz, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01]));
    const r = cli("import.ts", [gz, "--out", out]);
    expect(r.stderr.trim()).toBe(
      `import: ${gz}: not a text file: a gzip archive (decompress it first: gunzip) (first bytes 1f 8b 08 00); expected a text export (CSV or log lines)`,
    );
    expect(r.stdout).toBe("");
  });

  it("tells binary from text by the first bytes", () => {
    expect(binaryReason(Buffer.from("a,b\n1,2\n"))).toBeNull();
    expect(binaryReason(Buffer.from("héllo, wörld"))).toBeNull();
    expect(binaryReason(Buffer.from("héllo").subarray(0, 2))).toBeNull(); // a character cut at the end of the bytes read
    expect(binaryReason(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]))).toBe("a zip archive or a spreadsheet (.xlsx); export or unzip it as CSV");
    expect(binaryReason(Buffer.from([0x41, 0x00, 0x42]))).toBe("binary data (it contains NUL bytes)");
    expect(binaryReason(Buffer.from([0x41, 0xff, 0xfe, 0x42]))).toBe("not UTF-8 text");
  });
});

describe("npm run collect", () => {
  it("gives a clear option error for a --since reaching before 1970, before any AWS call", () => {
    const r = cli("collect.ts", ["--log-group", "/aws/lambda/x", "--since", "999999999d", "--name", "x", "--out", join(dir, "c")]);
    expect(r.stderr.trim()).toBe(
      'collect: --since: "999999999d" reaches back before 1970-01-01, where CloudWatch Logs has nothing; give a shorter duration (e.g. 30d) or an ISO-8601 time',
    );
  });

  it("parses durations and times, naming the option", () => {
    const now = Date.parse("2026-01-02T00:00:00.000Z");
    expect(parseTimeOption("--since", "1d", now)).toBe(Date.parse("2026-01-01T00:00:00.000Z"));
    expect(parseTimeOption("--until", "2026-01-01T12:00:00Z", now)).toBe(Date.parse("2026-01-01T12:00:00.000Z"));
    expect(() => parseTimeOption("--since", "yesterday", now)).toThrow('--since: expected an ISO-8601 time or a duration like 90m, 6h, 2d; got "yesterday"');
  });

  it("refuses a name with .. and an existing dataset before any AWS call", () => {
    const base = ["--log-group", "/aws/lambda/x", "--since", "1h", "--out", join(dir, "data")];
    expect(cli("collect.ts", [...base, "--name", "a/../b"]).stderr.trim()).toBe(
      'collect: --name: "a/../b" is not a usable dataset name (letters, digits, dot, dash and underscore; no path separators, no "..", not starting with a dot)',
    );
    expect(cli("collect.ts", [...base, "--name", "export"]).stderr.trim()).toMatch(
      /^collect: .*\/data\/export already holds a dataset \(1 invocation, created .*\); refusing to replace it\. Pass --force to replace it, or choose another --name\.$/,
    );
  });

  it('says how to set a region where the SDK says "Region is missing"', async () => {
    const noRegion =
      "no AWS region is configured: pass --region <region> (e.g. --region eu-west-1), or set AWS_REGION, or set region for your profile in ~/.aws/config";
    await expect(configuredRegion({ config: { region: () => Promise.reject(new Error("Region is missing")) } })).rejects.toThrow(noRegion);
    expect(sdkErrorMessage(new Error("Region is missing"))).toBe(noRegion);
    expect(sdkErrorMessage(new Error("Throttling"))).toBe("Throttling");
    await expect(configuredRegion({ config: { region: () => Promise.resolve("eu-west-1") } })).resolves.toBe("eu-west-1");
  });
});

describe("the AWS SDK's Node-version warning", () => {
  const script = 'import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs"; new CloudWatchLogsClient({ region: "us-east-1" }).destroy();';
  const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: repoRoot, env, encoding: "utf8" }).stderr;

  it.runIf(Number(process.versions.node.split(".")[0]) < 22)("is printed by the SDK under this Node, and not once the CLIs' switch is set", () => {
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _, ...bare } = process.env;
    expect(run(bare)).toContain("NodeVersionSupportWarning");
    const quiet = { ...bare };
    quietSdkNodeVersionWarning(quiet);
    expect(run(quiet)).not.toContain("NodeVersionSupportWarning");
  });

  it("keeps a value the user set", () => {
    const env: NodeJS.ProcessEnv = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "false" };
    quietSdkNodeVersionWarning(env);
    expect(env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe("false");
  });
});

describe("bench work folder", () => {
  it("names a damaged work-folder file and the remedy", () => {
    const options = { ...normalizeBenchOptions({ name: "w" }, loadManifest()), resume: true, workDir: join(dir, "work") };
    const work = new WorkDir(options.workDir, "w");
    mkdirSync(work.dir, { recursive: true });
    const file = join(work.dir, "protocol.json");
    writeFileSync(file, '{"createdAt": "2026-01-01T00:00:00.000Z", "options": {"target": "loc');
    expect(() => work.open(options, "2026-01-02T00:00:00.000Z", "bench-x", 1)).toThrow(
      `${file}: unreadable (Unterminated string in JSON at position 68); it belongs to an interrupted run's work folder: rerun without --resume to start that run over.`,
    );
  });
});
