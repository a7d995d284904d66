// Runs one notebook in JupyterLab through headless Chromium, as a user would (open it, Run All),
// and reports what a user would see go wrong: error outputs, figures that do not draw, markdown
// typeset as maths, console errors and warnings.
import type { Browser } from "puppeteer-core";
import { MIME } from "../lib/section.js";
import type { JupyterLab } from "./jupyterlab.js";

export interface LabResult {
  notebook: string;
  seconds: number;
  codeCells: number;
  figures: number;
  /** Figures JupyterLab drew as an SVG or canvas of non-zero size. */
  drawn: number;
  markdown: number;
  problems: string[];
}

interface PageReport {
  codeCells: number;
  unexecuted: number;
  errors: string[];
  figures: number;
  markdownDollars: number;
  markdown: number;
}

// The page's globals, as far as the functions run in the page use them (the project compiles
// without the DOM library).
interface PageElement {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
  getBoundingClientRect(): { width: number; height: number };
  innerText: string;
  className: string;
  scrollIntoView(options?: object): void;
}
declare const window: unknown;
declare const document: PageElement;

const EXPECTED_MIME = { figure: MIME.figure, markdown: MIME.markdown };

export async function checkInLab(
  browser: Browser,
  lab: JupyterLab,
  notebook: string,
  options: { timeoutMs?: number; screenshot?: string } = {},
): Promise<LabResult> {
  const started = performance.now();
  const timeout = options.timeoutMs ?? 180_000;
  const problems: string[] = [];
  const page = await browser.newPage();
  page.on("console", (message) => {
    const type = message.type();
    if (type === "error" || (type === "warn" && /vega/i.test(message.text()))) problems.push(`console ${type}: ${message.text().split("\n")[0]}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${String((error as Error).message ?? error).split("\n")[0]}`));
  await page.setViewport({ width: 1280, height: 1000, deviceScaleFactor: 1 });
  try {
    await page.goto(lab.urlOf(notebook), { waitUntil: "load", timeout });
    await page.waitForFunction(
      (path: string) => {
        const app = (window as { jupyterapp?: { shell: { currentWidget?: { context?: { path: string; isReady: boolean } } } } }).jupyterapp;
        const widget = app?.shell.currentWidget;
        return widget?.context?.path === path && widget.context.isReady;
      },
      { timeout, polling: 250 },
      notebook,
    );
    const report = await page.evaluate(
      async (mime: typeof EXPECTED_MIME, timeoutMs: number): Promise<PageReport> => {
        type Output = { output_type: string; name?: string; text?: string; ename?: string; evalue?: string; data?: Record<string, unknown> };
        type CellModel = { type: string; executionCount: number | null; outputs: { toJSON(): Output[] } };
        type Panel = {
          sessionContext: { ready: Promise<void>; session?: { kernel?: { status: string } } | null; shutdown(): Promise<void> };
          content: { widgets: readonly { model: CellModel }[] };
        };
        const app = (window as { jupyterapp: { shell: { currentWidget: Panel }; commands: { execute(id: string): Promise<unknown> } } }).jupyterapp;
        const panel = app.shell.currentWidget;
        await panel.sessionContext.ready;
        await app.commands.execute("notebook:run-all-cells");
        // (no named functions in here: the TypeScript loader would wrap them in a helper the page lacks)
        const cells = panel.content.widgets.map((w) => w.model).filter((c) => c.type === "code");
        const deadline = Date.now() + timeoutMs;
        // Run All stops at a failing cell, leaving the cells after it unexecuted.
        while (Date.now() < deadline) {
          const idle = panel.sessionContext.session?.kernel?.status === "idle";
          const failed = cells.some((c) => c.outputs.toJSON().some((o) => o.output_type === "error"));
          if (idle && (failed || cells.every((c) => c.executionCount !== null))) break;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        const outputs = cells.flatMap((c) => c.outputs.toJSON());
        const errors = outputs.flatMap((o) =>
          o.output_type === "error"
            ? [`${o.ename ?? ""}: ${o.evalue ?? ""}`]
            : o.output_type === "stream" && o.name === "stderr"
              ? [String(o.text).trim().split("\n")[0]!]
              : [],
        );
        const markdownTexts = outputs.flatMap((o) => (typeof o.data?.[mime.markdown] === "string" ? [o.data[mime.markdown] as string] : []));
        return {
          codeCells: cells.length,
          unexecuted: cells.filter((c) => c.executionCount === null).length,
          errors,
          figures: outputs.filter((o) => o.data && mime.figure in o.data).length,
          markdown: markdownTexts.length,
          markdownDollars: markdownTexts.join("").split("$").length - 1,
        };
      },
      EXPECTED_MIME,
      timeout,
    );
    if (report.unexecuted > 0) problems.push(`${report.unexecuted} of ${report.codeCells} code cells did not run`);
    problems.push(...report.errors.map((e) => `error output: ${e}`));

    // Vega draws asynchronously: wait for every figure's SVG or canvas.
    const drawnCount = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")].filter((el) => {
            const view = el.querySelector(".vega-embed svg, .vega-embed canvas");
            if (!view) return false;
            const box = view.getBoundingClientRect();
            return box.width > 0 && box.height > 0;
          }).length,
      );
    const drawDeadline = Date.now() + 30_000;
    let drawn = await drawnCount();
    while (drawn < report.figures && Date.now() < drawDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      drawn = await drawnCount();
    }
    if (drawn !== report.figures) problems.push(`${report.figures} figures displayed, ${drawn} drawn as SVG or canvas`);

    const rendered = await page.evaluate(() => {
      const outputs = [...document.querySelectorAll(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")];
      const nodes = outputs.filter((el) => el.className.includes("jp-RenderedMarkdown"));
      return {
        maths: outputs.reduce((n, el) => n + el.querySelectorAll("mjx-container, .MathJax").length, 0),
        dollars: nodes.reduce((n, el) => n + (el.innerText.split("$").length - 1), 0),
      };
    });
    if (rendered.maths > 0) problems.push(`output typeset as maths in ${rendered.maths} place(s)`);
    if (rendered.dollars !== report.markdownDollars) problems.push(`markdown shows ${rendered.dollars} "$" of the ${report.markdownDollars} in its text`);

    if (options.screenshot) {
      await page.evaluate(() => document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden) .vega-embed")?.scrollIntoView({ block: "center" }));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.screenshot({ path: options.screenshot as `${string}.png`, type: "png" });
    }
    await page.evaluate(() =>
      (
        window as { jupyterapp: { shell: { currentWidget: { sessionContext: { shutdown(): Promise<void> } } } } }
      ).jupyterapp.shell.currentWidget.sessionContext.shutdown(),
    );
    return {
      notebook,
      seconds: (performance.now() - started) / 1000,
      codeCells: report.codeCells,
      figures: report.figures,
      drawn,
      markdown: report.markdown,
      problems,
    };
  } finally {
    await page.close();
  }
}
