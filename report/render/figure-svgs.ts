// The static SVG of every figure (for the PDF and for readers without JavaScript), cached by spec in
// render/cache.ts. Figures are drawn one at a time as soon as their notebook is done, while the
// other notebooks still run; the notebooks display each figure's SVG too (report/notebook/show.ts,
// drawn by specToSvg), and that drawing is reused.
import type { Block } from "../lib/section.js";
import { readEntry, svgKey, writeEntry, type CachedExecution } from "./cache.js";
import { collectBlocks, drawnSvgs } from "./collect.js";
import type { Page } from "./page.js";
import { scopeSvgIds, specToSvg } from "./svg.js";

export class FigureSvgs {
  private readonly pending = new Map<string, Promise<string>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly cacheDir: string) {}

  /** Starts drawing an executed notebook's figures; an output it cannot read is reported when the outputs are collected for real. */
  prerender(execution: CachedExecution): void {
    let blocks: Block[];
    try {
      blocks = collectBlocks(execution.notebook, execution.outputs);
    } catch {
      return;
    }
    const drawn = drawnSvgs(execution.outputs);
    for (const block of blocks) if (block.kind === "figure") void this.svg(block.spec, drawn.get(block.spec)).catch(() => undefined);
  }

  /** The page's SVGs by figure id, their ids scoped to the page and figure (several share one print page). */
  async forPage(page: Page): Promise<Map<string, string>> {
    const svgs = new Map<string, string>();
    for (const block of page.blocks) if (block.kind === "figure") svgs.set(block.id, scopeSvgIds(await this.svg(block.spec), `${page.id}-${block.id}`));
    return svgs;
  }

  private svg(spec: Record<string, unknown>, drawn?: string): Promise<string> {
    const key = svgKey(spec);
    let promise = this.pending.get(key);
    if (!promise) {
      promise = this.queue.then(async () => {
        const cached = readEntry(this.cacheDir, "svg", key);
        if (cached !== undefined) return cached.toString("utf8");
        const svg = drawn ?? (await specToSvg(spec));
        writeEntry(this.cacheDir, "svg", key, svg);
        return svg;
      });
      this.queue = promise.catch(() => undefined);
      this.pending.set(key, promise);
    }
    return promise;
  }
}
