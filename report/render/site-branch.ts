// Commits the built site to a branch (gh-pages by default) through a temporary git worktree, so the
// working tree and the current branch are never touched. Pushing is a separate, explicit step.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderMessages } from "./messages.js";

export interface SiteBranchOptions {
  repo: string;
  siteDir: string;
  branch: string;
}

export interface SiteBranchResult {
  branch: string;
  commit: string | null; // null: the site was already published as is
}

const git = (cwd: string, ...args: string[]): string => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

export function commitSiteToBranch(options: SiteBranchOptions): SiteBranchResult {
  if (!existsSync(join(options.siteDir, "index.html"))) throw new Error(renderMessages.noSiteToCommit(options.siteDir));
  const source = git(options.repo, "rev-parse", "--short", "HEAD");
  const worktree = join(mkdtempSync(join(tmpdir(), "lambench-publish-")), "site");
  const branchExists = git(options.repo, "branch", "--list", options.branch) !== "";
  try {
    if (branchExists) git(options.repo, "worktree", "add", worktree, options.branch);
    else {
      git(options.repo, "worktree", "add", "--detach", worktree);
      git(worktree, "checkout", "--orphan", options.branch);
    }
    for (const entry of readdirSync(worktree)) if (entry !== ".git") rmSync(join(worktree, entry), { recursive: true, force: true });
    cpSync(options.siteDir, worktree, { recursive: true });
    writeFileSync(join(worktree, ".nojekyll"), ""); // serve assets/ as is on GitHub Pages
    git(worktree, "add", "--all");
    if (git(worktree, "status", "--porcelain") === "") return { branch: options.branch, commit: null };
    git(worktree, "-c", "user.name=lambench", "-c", "user.email=lambench@localhost", "commit", "-q", "-m", `Publish the report site (built from ${source})`);
    return { branch: options.branch, commit: git(worktree, "rev-parse", "--short", "HEAD") };
  } finally {
    git(options.repo, "worktree", "remove", "--force", worktree);
    rmSync(join(worktree, ".."), { recursive: true, force: true });
  }
}
