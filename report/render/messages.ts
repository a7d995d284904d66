// Every user-facing message and progress line of the renderer, in one place.
import { relative } from "node:path";

const rel = (p: string): string => {
  const r = relative(process.cwd(), p);
  return r === "" || r.startsWith("..") ? p : r;
};
const secs = (s: number): string => `${s.toFixed(1)} s`;

export class ReportBuildError extends Error {
  override name = "ReportBuildError";
}

export const renderMessages = {
  noDatasets: (dataDir: string) => `no complete dataset in ${rel(dataDir)}/ — run the local lab (npm run bench) or pass --data <dir>[,<dir>…]`,
  missingDataset: (dir: string) => `dataset folder not found: ${rel(dir)}`,
  badDataset: (message: string) => `report not built; a dataset was refused before any notebook ran: ${message}`,
  duplicateDataset: (name: string, a: string, b: string) => `dataset name "${name}" appears twice (${rel(a)} and ${rel(b)})`,
  noUsableDataset: (skipped: readonly string[]) => `no dataset could be loaded:\n${skipped.map((s) => `  ${s}`).join("\n")}`,
  skippedDataset: (dir: string, message: string) => `Dataset ${rel(dir)} was left out of this report because it cannot be loaded: ${message}`,
  protocolsDiffer: (groups: readonly { datasets: string[]; fields: Record<string, string> }[]) =>
    `These datasets were measured under different protocols (${groups
      .map(
        (g) =>
          `${g.datasets.join(", ")}: ${Object.entries(g.fields)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}`,
      )
      .join("; ")}); findings across them are left out.`,
  missingNotebook: (file: string) => `notebook not found: ${rel(file)} (run npm run notebooks:generate)`,
  unknownSection: (id: string, known: readonly string[]) => `unknown section "${id}"; sections: ${known.join(", ")}`,
  noPython: (python: string) => `Jupyter's Python not found at ${rel(python)} — run scripts/setup-python.sh (creates .venv and registers the tslab kernel)`,
  executorFailed: (code: number | null, stderr: string) =>
    `notebook executor stopped (exit ${String(code)}): ${stderr.trim().split("\n").slice(-5).join("\n") || "no output"}`,
  cellFailed: (notebook: string, cell: number, firstLine: string, message: string) =>
    cell < 0
      ? `${rel(notebook)}: not run: ${message}${/NoSuchKernel|No such kernel/.test(message) ? " (register it: scripts/setup-python.sh)" : ""}`
      : `${rel(notebook)}: cell ${cell} (${firstLine || "empty"}) failed: ${message}`,
  buildFailed: (failures: string[]) => `report not built; the previous site and PDF are untouched.\n${failures.map((f) => `  ${f}`).join("\n")}`,
  badOutput: (notebook: string, index: number, reason: string) => `${notebook}: output ${index}: ${reason}`,
  missingSection: (notebook: string, id: string) => `${notebook}: displayed no output for section "${id}"`,
  bundleFailed: (errors: string[]) => `the report library does not bundle for the notebooks:\n${errors.map((e) => `  ${e}`).join("\n")}`,
  noChromium: (path: string) => `Chromium not found at ${path} — apt-get install -y chromium (or set CHROMIUM_PATH)`,
  templateValueMissing: (template: string, key: string) => `template ${template}: no value for {{${key}}}`,
  noSiteToCommit: (siteDir: string) => `no site to publish in ${siteDir} (run npm run report first)`,

  // Report options (render/options.ts): each names the option and what it expects.
  badJobs: (value: string | undefined) => `--jobs must be a positive integer, got "${value}"`,
  badInteger: (option: string, value: string, min: number) =>
    `${option} "${value}": expected a whole number${min > Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : ""}`,
  badBillingRule: (value: string, known: readonly string[]) => `--billing-rule "${value}": expected one of ${known.join(", ")}`,
  badPrices: (reason: string) => `--prices: ${reason}`,
  badStrategy: (value: string, known: readonly string[]) => `--strategy "${value}": expected one of ${known.join(", ")} (power-tuning's strategies)`,
  badBalancedWeight: (value: string) => `--balanced-weight "${value}": expected a number from 0 (speed) to 1 (cost)`,
  badMinEffect: (value: string) => `--min-effect "${value}": expected a number ≥ 0 (a fraction of the baseline, e.g. 0.05 for 5 %)`,
  compareArity: (count: number) => `--compare takes two dataset folders (baseline, then candidate), got ${count}`,
  compareConflict: (option: string) => `${option} cannot be used with --compare (the comparison is one notebook of its own)`,
  sameRun: (dir: string) => `--compare: baseline and candidate are the same folder (${rel(dir)})`,
  notComplete: (dir: string) => `--compare: ${rel(dir)} is not a complete dataset (no meta.json with complete: true)`,
  noScreenshotElement: (selector: string, page: string) => `no element matches --element ${selector} in ${rel(page)}; figures are #fig-<section>-<figure id>`,
  referenceRun: (dir: string) =>
    `--compare: ${rel(dir)} is a reference dataset (AWS numbers imported with --lambda-perf), not a run; compare two runs, and see the reference in the report's Lab vs AWS section`,

  progress: {
    bundle: (seconds: number, reused: boolean) =>
      reused ? `[lib]    report library bundle reused (sources unchanged, ${secs(seconds)})` : `[lib]    report library bundled (${secs(seconds)})`,
    start: (notebook: string) => `[run]    ${rel(notebook)}`,
    fresh: (notebook: string, seconds: number) => `[fresh]  ${rel(notebook)} (${secs(seconds)})`,
    cached: (notebook: string, seconds: number) => `[cached] ${rel(notebook)} (executed earlier in ${secs(seconds)})`,
    failed: (notebook: string, seconds: number) => `[failed] ${rel(notebook)} (${secs(seconds)})`,
    skipped: (dir: string, message: string) => `[skip]   ${rel(dir)}: ${message}`,
    oneKernel: (invocations: number, limit: number) =>
      `[jobs]   1 kernel: the datasets hold ${invocations.toLocaleString("en-US")} invocations (over ${limit.toLocaleString("en-US")}), and each kernel loads every row; --jobs <n> runs more`,
    datasetChecked: (dir: string, seconds: number) => `[data]   ${rel(dir)}: checked, columnar copy written (${secs(seconds)})`,
    site: (dir: string, pages: number, seconds: number) => `[site]   ${rel(dir)}/ — ${pages} pages (${secs(seconds)})`,
    pdf: (file: string, pages: number | undefined, seconds: number, cached: boolean) =>
      `[pdf]    ${rel(file)}${pages === undefined ? "" : ` — ${pages} pages`} (${cached ? "cached, " : ""}${secs(seconds)})`,
    total: (seconds: number) => `[done]   report built in ${secs(seconds)}`,
    comparisonDone: (dir: string, seconds: number) => `[done]   comparison report in ${rel(dir)}/ (${secs(seconds)})`,
  },
};
