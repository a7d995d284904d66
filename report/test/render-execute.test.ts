// The executor on its own: isolated kernels, and outputs as display bundles in display order.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MIME } from "../lib/section.js";
import { notebookFileName, parametersSource } from "../notebook/notebook-source.js";
import { executeNotebooks, type ExecutionEvent } from "../render/execute.js";
import { bundleLibrary } from "../render/library-bundle.js";
import { paths } from "../render/paths.js";
import { renderWorkspace } from "./render-fixture.js";

describe("notebook executor", () => {
  it("runs each notebook in its own kernel when asked (one at a time here), returning its display outputs in order", async () => {
    const ws = renderWorkspace();
    const library = await bundleLibrary();
    const parameters = parametersSource(ws.datasets, library.path);
    const jobs = (["summary", "memory"] as const).map((id) => ({ notebook: join(paths.notebooks, notebookFileName(id)), parameters }));
    const events: ExecutionEvent[] = [];
    const finished = await executeNotebooks(jobs, { concurrency: 1, isolateKernels: true, onEvent: (e) => events.push(e) });

    expect(events.filter((e) => e.event === "start")).toHaveLength(2);
    expect(finished.map((e) => e.event)).toEqual(["done", "done"]);
    for (const event of finished) {
      if (event.event !== "done") continue;
      expect(event.outputs.length).toBeGreaterThan(0);
      expect(event.kernelSeconds, "a fresh kernel takes a while to start").toBeGreaterThan(0.5);
      expect(Object.keys(event.outputs[0]!)).toContain(MIME.markdown);
    }
    const memory = finished.find((e) => e.notebook.endsWith("06-memory.ipynb"));
    expect(memory?.event === "done" && memory.outputs.some((o) => MIME.figure in o)).toBe(true);
  }, 180_000);
});
