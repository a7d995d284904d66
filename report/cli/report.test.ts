// The report command itself: a bad option or a missing dataset folder is refused with its message,
// exit status 1, and nothing built, before any kernel or browser starts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../functions/manifest.js";

const work = mkdtempSync(join(tmpdir(), "lambench-report-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function report(...args: string[]): { status: number | null; stderr: string } {
  const out = ["--out", join(work, "site"), "--cache", join(work, "cache"), "--no-pdf"];
  const r = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "report/cli/report.ts"), ...out, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr };
}

describe("npm run report", () => {
  it.each([
    [["--force", "--data", join(work, "no-such-dataset")], `report: dataset folder not found: ${join(work, "no-such-dataset")}`],
    [["--force", "--billing-rule", "bogus"], 'report: --billing-rule "bogus": expected one of aws-2025-08, aws-pre-2025-08, as-reported'],
    [["--section", "nosuch"], 'report: unknown section "nosuch"; sections: summary,'],
  ])(
    "refuses %j with its message and exit status 1, building nothing",
    (args, message) => {
      const r = report(...args);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(message);
      expect(existsSync(join(work, "site"))).toBe(false);
      expect(existsSync(join(work, "cache"))).toBe(false);
    },
    60_000,
  );
});
