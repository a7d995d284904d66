import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SECTIONS } from "../lib/section.js";
import { COMPARISON_NOTEBOOK, comparisonNotebook, notebookFileName, notebookFor } from "../notebook/notebook-source.js";
import { paths } from "./paths.js";

describe("section notebooks", () => {
  it("exist once per section, summary first, as generated (run npm run notebooks:generate after changing the template)", () => {
    expect(readdirSync(paths.notebooks).filter((f) => f.endsWith(".ipynb")).sort()).toEqual([...SECTIONS.map((s) => notebookFileName(s.id)), COMPARISON_NOTEBOOK]);
    expect(readFileSync(join(paths.notebooks, COMPARISON_NOTEBOOK), "utf8")).toBe(comparisonNotebook());
    for (const { id } of SECTIONS) expect(readFileSync(join(paths.notebooks, notebookFileName(id)), "utf8"), id).toBe(notebookFor(id));
    expect(notebookFileName("summary")).toBe("01-summary.ipynb");
  });

  it("are thin, stripped of outputs, with one parameters cell, on the tslab kernel", () => {
    for (const text of [...SECTIONS.map(({ id }) => notebookFor(id)), comparisonNotebook()]) {
      const nb = JSON.parse(text) as { metadata: { kernelspec: { name: string } }; cells: { cell_type: string; outputs?: unknown[]; metadata: { tags?: string[] } }[] };
      expect(nb.metadata.kernelspec.name).toBe("tslab");
      expect(nb.cells.filter((c) => c.metadata.tags?.includes("parameters"))).toHaveLength(1);
      expect(nb.cells.every((c) => c.cell_type !== "code" || c.outputs?.length === 0)).toBe(true);
      expect(nb.cells.length).toBeLessThanOrEqual(5);
    }
  });
});
