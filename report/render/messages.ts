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
  noDatasets: (dataDir: string) =>
    `no complete dataset in ${rel(dataDir)}/ — run the local lab (npm run bench) or pass --data <dir>[,<dir>…]`,
  missingDataset: (dir: string) => `dataset folder not found: ${rel(dir)}`,
  badDataset: (message: string) => `report not built; a dataset was refused before any notebook ran: ${message}`,
  duplicateDataset: (name: string, a: string, b: string) => `dataset name "${name}" appears twice (${rel(a)} and ${rel(b)})`,
  noUsableDataset: (skipped: readonly string[]) => `no dataset could be loaded:\n${skipped.map((s) => `  ${s}`).join("\n")}`,
  skippedDataset: (dir: string, message: string) => `Dataset ${rel(dir)} was left out of this report because it cannot be loaded: ${message}`,
  protocolsDiffer: (groups: readonly { datasets: string[]; fields: Record<string, string> }[]) =>
    `These datasets were measured under different protocols (${groups
      .map((g) => `${g.datasets.join(", ")}: ${Object.entries(g.fields).map(([k, v]) => `${k} ${v}`).join(", ")}`)
      .join("; ")}); findings across them are left out.`,
  missingNotebook: (file: string) => `notebook not found: ${rel(file)} (run npm run notebooks:generate)`,
  unknownSection: (id: string, known: readonly string[]) => `unknown section "${id}"; sections: ${known.join(", ")}`,
  noPython: (python: string) =>
    `Jupyter's Python not found at ${rel(python)} — run scripts/setup-python.sh (creates .venv and registers the tslab kernel)`,
  executorFailed: (code: number | null, stderr: string) =>
    `notebook executor stopped (exit ${String(code)}): ${stderr.trim().split("\n").slice(-5).join("\n") || "no output"}`,
  cellFailed: (notebook: string, cell: number, firstLine: string, message: string) =>
    cell < 0
      ? `${rel(notebook)}: not run: ${message}${/NoSuchKernel|No such kernel/.test(message) ? " (register it: scripts/setup-python.sh)" : ""}`
      : `${rel(notebook)}: cell ${cell} (${firstLine || "empty"}) failed: ${message}`,
  buildFailed: (failures: string[]) =>
    `report not built; the previous site and PDF are untouched.\n${failures.map((f) => `  ${f}`).join("\n")}`,
  badOutput: (notebook: string, index: number, reason: string) => `${notebook}: output ${index}: ${reason}`,
  missingSection: (notebook: string, id: string) => `${notebook}: displayed no output for section "${id}"`,
  bundleFailed: (errors: string[]) => `the report library does not bundle for the notebooks:\n${errors.map((e) => `  ${e}`).join("\n")}`,
  noChromium: (path: string) => `Chromium not found at ${path} — apt-get install -y chromium (or set CHROMIUM_PATH)`,

  progress: {
    bundle: (seconds: number) => `[lib]    report library bundled (${secs(seconds)})`,
    start: (notebook: string) => `[run]    ${rel(notebook)}`,
    fresh: (notebook: string, seconds: number) => `[fresh]  ${rel(notebook)} (${secs(seconds)})`,
    cached: (notebook: string, seconds: number) => `[cached] ${rel(notebook)} (executed earlier in ${secs(seconds)})`,
    failed: (notebook: string, seconds: number) => `[failed] ${rel(notebook)} (${secs(seconds)})`,
    skipped: (dir: string, message: string) => `[skip]   ${rel(dir)}: ${message}`,
    site: (dir: string, pages: number, seconds: number) => `[site]   ${rel(dir)}/ — ${pages} pages (${secs(seconds)})`,
    pdf: (file: string, pages: number | undefined, seconds: number, cached: boolean) =>
      `[pdf]    ${rel(file)}${pages === undefined ? "" : ` — ${pages} pages`} (${cached ? "cached, " : ""}${secs(seconds)})`,
    total: (seconds: number) => `[done]   report built in ${secs(seconds)}`,
  },
};
