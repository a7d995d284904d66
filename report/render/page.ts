// What the renderer publishes: one page of the site, one chapter of the PDF. A report section
// (SectionResult) is a page as it is; the comparison is a page of its own id.
import type { Block } from "../lib/section.js";

export interface Page {
  id: string;
  title: string;
  blocks: Block[];
}

/** A page with the static SVG of each of its figures, by figure id. */
export interface RenderedPage {
  page: Page;
  svgs: Map<string, string>;
}
