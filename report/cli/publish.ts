// npm run report:publish [-- --branch gh-pages] [--site report/site] [--push <remote>]
// Commits report/site to the branch; pushes only when --push names a remote.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { Command } from "commander";
import { paths, repoRoot } from "../render/paths.js";
import { commitSiteToBranch } from "../render/site-branch.js";

const options = new Command()
  .name("report:publish")
  .option("--branch <name>", "branch that holds the site", "gh-pages")
  .option("--site <dir>", "built site folder", paths.site)
  .option("--push <remote>", "push the branch to this remote afterwards (e.g. origin)")
  .parse()
  .opts<{ branch: string; site: string; push?: string }>();

try {
  const result = commitSiteToBranch({ repo: repoRoot, siteDir: resolve(options.site), branch: options.branch });
  console.log(result.commit ? `committed the site to ${result.branch} (${result.commit})` : `${result.branch} already holds this site`);
  if (options.push) {
    execFileSync("git", ["push", options.push, result.branch], { cwd: repoRoot, stdio: "inherit" });
  } else console.log(`publish it with: git push <remote> ${result.branch}   (or npm run report:publish -- --push <remote>)`);
} catch (error) {
  console.error(`report:publish: ${(error as Error).message}`);
  process.exit(1);
}
