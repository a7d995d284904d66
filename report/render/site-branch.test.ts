import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commitSiteToBranch } from "./site-branch.js";

const git = (cwd: string, ...args: string[]): string => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
const repo = mkdtempSync(join(tmpdir(), "lambench-site-branch-test-"));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("committing the site to a branch (npm run report:publish)", () => {
  it("commits the site to its own branch without touching the working tree, and is idempotent", () => {
    git(repo, "init", "-q", "-b", "main");
    writeFileSync(join(repo, "README.md"), "project\n");
    git(repo, "add", ".");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "init");
    const site = join(repo, "site-out");
    mkdirSync(join(site, "assets"), { recursive: true });
    writeFileSync(join(site, "index.html"), "<h1>report</h1>");
    writeFileSync(join(site, "assets", "style.css"), "body{}");

    const first = commitSiteToBranch({ repo, siteDir: site, branch: "gh-pages" });
    expect(first.commit).not.toBeNull();
    expect(git(repo, "ls-tree", "-r", "--name-only", "gh-pages").split("\n").sort()).toEqual([".nojekyll", "assets/style.css", "index.html"]);
    expect(git(repo, "rev-parse", "--abbrev-ref", "HEAD")).toBe("main");
    expect(git(repo, "worktree", "list").split("\n")).toHaveLength(1);
    expect(commitSiteToBranch({ repo, siteDir: site, branch: "gh-pages" }).commit).toBeNull();

    writeFileSync(join(site, "index.html"), "<h1>report v2</h1>");
    expect(commitSiteToBranch({ repo, siteDir: site, branch: "gh-pages" }).commit).not.toBeNull();
    expect(git(repo, "show", "gh-pages:index.html")).toBe("<h1>report v2</h1>");
  });

  it("refuses to publish when there is no built site", () => {
    const siteDir = join(tmpdir(), "no-such-site");
    expect(() => commitSiteToBranch({ repo: tmpdir(), siteDir, branch: "gh-pages" })).toThrow(`no site to publish in ${siteDir} (run npm run report first)`);
  });
});
