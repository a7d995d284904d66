// One notebook in real JupyterLab through headless Chromium on every test run: the Cost notebook
// (prices in its markdown, a figure). `npm run notebooks:check-lab` runs every notebook the same way.
import { describe, expect, it } from "vitest";
import { withChromium } from "../render/chromium.js";
import { startJupyterLab } from "../render/jupyterlab.js";
import { checkInLab } from "../render/lab-check.js";
import { bundleLibrary } from "../render/library-bundle.js";

describe("notebooks in JupyterLab", () => {
  it("run the Cost notebook with its defaults: figure drawn, prices as text, no error output, console error or Vega warning", async () => {
    await bundleLibrary();
    const lab = await startJupyterLab();
    try {
      const result = await withChromium((browser) => checkInLab(browser, lab, "notebooks/08-cost.ipynb"));
      expect(result.problems).toEqual([]);
      expect(result.codeCells).toBe(4);
      expect(result.figures).toBeGreaterThan(0);
      expect(result.drawn).toBe(result.figures);
      expect(result.markdown).toBeGreaterThan(0);
    } finally {
      await lab.stop();
    }
  }, 240_000);
});
