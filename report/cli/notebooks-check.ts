// `npm run notebooks:check-lab`: opens every notebook in JupyterLab (127.0.0.1) through headless
// Chromium, runs all cells with the default parameters and checks what a user would see.
// `npm run notebooks:check-html` (--html): `jupyter nbconvert --to html --execute` on every notebook,
// then each page in headless Chromium. Either way the notebooks on disk must come out unchanged.
// Exit 1 when anything is wrong.
// node --import tsx report/cli/notebooks-check.ts [--html] [--notebooks 01-summary,08-cost] [--screenshots docs]
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { withChromium } from "../render/chromium.js";
import { checkHtml, type HtmlResult } from "../render/html-check.js";
import { startJupyterLab } from "../render/jupyterlab.js";
import { checkInLab, type LabResult } from "../render/lab-check.js";
import { paths } from "../render/paths.js";
import { notebookMessages } from "../notebook/messages.js";

const options = new Command()
  .option("--html", "check nbconvert's HTML instead of JupyterLab")
  .option("--notebooks <names>", "notebook names without .ipynb (default: all)")
  .option("--screenshots <dir>", "write a screenshot of each notebook after the run, as lab-<name>.png or html-<name>.png")
  .parse()
  .opts<{ html?: boolean; notebooks?: string; screenshots?: string }>();

const all = readdirSync(paths.notebooks)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();
const names = options.notebooks ? options.notebooks.split(",").map((n) => `${n.replace(/\.ipynb$/, "")}.ipynb`) : all;
const unknown = names.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`notebooks:check-lab: ${notebookMessages.unknownNotebooks(unknown, all)}`);
  process.exit(2);
}
if (options.screenshots) mkdirSync(resolve(options.screenshots), { recursive: true });
const digest = () =>
  names
    .map((n) =>
      createHash("sha256")
        .update(readFileSync(join(paths.notebooks, n)))
        .digest("hex"),
    )
    .join();
const before = digest();

const started = performance.now();
const shot = (name: string): string | undefined =>
  options.screenshots ? join(resolve(options.screenshots), `${options.html ? "html" : "lab"}-${name.replace(/\.ipynb$/, "")}.png`) : undefined;
const results: (LabResult | HtmlResult)[] = [];
const report = (result: LabResult | HtmlResult, what: string) => {
  results.push(result);
  console.log(`${result.problems.length ? "FAIL" : "ok  "} ${result.notebook.replace(/^notebooks\//, "")}: ${what} (${result.seconds.toFixed(1)} s)`);
  for (const problem of result.problems) console.log(`       ${problem}`);
};
if (options.html) {
  const outDir = mkdtempSync(join(tmpdir(), "lambench-nbconvert-"));
  try {
    await withChromium(async (browser) => {
      for (const name of names) {
        const result = await checkHtml(browser, join(paths.notebooks, name), outDir, { screenshot: shot(name) });
        report({ ...result, notebook: name }, `${result.figures} figures drawn as SVG in nbconvert's HTML`);
      }
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
} else {
  const lab = await startJupyterLab();
  try {
    await withChromium(async (browser) => {
      for (const name of names) {
        const result = await checkInLab(browser, lab, `notebooks/${name}`, { screenshot: shot(name) });
        report(result, `${result.codeCells} cells run, ${result.drawn}/${result.figures} figures drawn, ${result.markdown} markdown outputs`);
      }
    });
  } finally {
    await lab.stop();
  }
}
const changed = digest() !== before;
if (changed) console.log("FAIL the notebooks on disk changed during the check");
const failed = results.filter((r) => r.problems.length > 0).length;
console.log(
  `${options.html ? "nbconvert HTML" : "JupyterLab"} check: ${results.length - failed}/${results.length} notebooks pass (${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
process.exit(failed > 0 || changed ? 1 : 0);
