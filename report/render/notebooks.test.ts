import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SECTIONS } from "../lib/section.js";
import { cellsWithOutputs, stripOutputs } from "../notebook/clean.js";
import { notebookMessages } from "../notebook/messages.js";
import { COMPARISON_NOTEBOOK, comparisonNotebook, NOTEBOOK_METADATA, notebookFileName, notebookFor } from "../notebook/notebook-source.js";
import { paths } from "./paths.js";

const committed = (): string[] =>
  readdirSync(paths.notebooks)
    .filter((f) => f.endsWith(".ipynb"))
    .sort();

describe("section notebooks", () => {
  it("are committed without outputs (npm run notebooks:clean strips what JupyterLab saved)", () => {
    const problems = committed().flatMap((name) => {
      const cells = cellsWithOutputs(readFileSync(join(paths.notebooks, name), "utf8"));
      return cells > 0 ? [notebookMessages.carriesOutputs(`notebooks/${name}`, cells)] : [];
    });
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("exist once per section, summary first, with the sources of their template", () => {
    expect(committed()).toEqual([...SECTIONS.map((s) => notebookFileName(s.id)), COMPARISON_NOTEBOOK]);
    const expected = new Map([...SECTIONS.map(({ id }) => [notebookFileName(id), notebookFor(id)] as const), [COMPARISON_NOTEBOOK, comparisonNotebook()]]);
    const problems = [...expected].flatMap(([name, text]) =>
      // Outputs are the test above's business: compare the sources.
      stripOutputs(readFileSync(join(paths.notebooks, name), "utf8"), NOTEBOOK_METADATA) === text ? [] : [notebookMessages.notGenerated(`notebooks/${name}`)],
    );
    expect(problems, problems.join("\n")).toEqual([]);
    expect(notebookFileName("summary")).toBe("01-summary.ipynb");
  });

  it("are thin, stripped of outputs, with one parameters cell, on the tslab kernel", () => {
    for (const text of [...SECTIONS.map(({ id }) => notebookFor(id)), comparisonNotebook()]) {
      const nb = JSON.parse(text) as {
        metadata: { kernelspec: { name: string } };
        cells: { cell_type: string; outputs?: unknown[]; metadata: { tags?: string[] } }[];
      };
      expect(nb.metadata.kernelspec.name).toBe("tslab");
      expect(nb.cells.filter((c) => c.metadata.tags?.includes("parameters"))).toHaveLength(1);
      expect(cellsWithOutputs(text)).toBe(0);
      expect(nb.cells.length).toBeLessThanOrEqual(5);
    }
  });
});

describe("notebooks:clean", () => {
  it("turns a notebook JupyterLab saved after running it back into the committed one, and counts what it strips", () => {
    const generated = notebookFor("cost");
    const nb = JSON.parse(generated) as { cells: Record<string, unknown>[]; metadata: Record<string, unknown> };
    nb.cells.forEach((cell, i) => {
      if (cell.cell_type !== "code") return;
      cell.execution_count = i;
      cell.outputs = [{ output_type: "display_data", data: { "text/plain": "x" }, metadata: {} }];
      cell.metadata = { ...(cell.metadata as object), execution: { "iopub.status.busy": "2026-01-01T00:00:00Z" }, scrolled: true };
    });
    nb.metadata = {
      ...nb.metadata,
      language_info: { name: "typescript", version: "5.9.3", file_extension: ".ts", mimetype: "text/typescript", codemirror_mode: "typescript" },
    };
    const saved = JSON.stringify(nb, null, 1);
    expect(cellsWithOutputs(saved)).toBe(4);
    expect(stripOutputs(saved, NOTEBOOK_METADATA)).toBe(generated);
  });

  it("names the notebook and the command", () => {
    expect(notebookMessages.carriesOutputs("notebooks/08-cost.ipynb", 3)).toBe(
      "notebooks/08-cost.ipynb carries outputs in 3 cell(s) (JupyterLab saves them when a notebook is run): run `npm run notebooks:clean` to strip them before committing",
    );
  });
});

describe("notebook commands", () => {
  it("name the notebooks asked for that do not exist, and the ones that do", () => {
    expect(notebookMessages.unknownNotebooks(["99-latency.ipynb"], ["01-summary.ipynb", "04-tail.ipynb"])).toBe(
      "no such notebook: 99-latency.ipynb (notebooks: 01-summary.ipynb, 04-tail.ipynb)",
    );
    expect(notebookMessages.notebooksUsage()).toBe("usage: node --import tsx report/cli/notebooks.ts prepare|generate|clean");
  });
});
