// tslab's public display.raw sends one MIME type per output; a bundle with several types (so
// JupyterLab has something to render for our own table type) needs the kernel's own writer, which
// tslab swaps in for every executed cell. Falls back to one display.raw call per type.
import { createRequire } from "node:module";
import type { EmitBundle, MimeBundle } from "./show.js";

interface TslabDisplay {
  raw(contentType: string, data: unknown): void;
}
type WriteDisplayData = (content: { data: MimeBundle; metadata: object; transient: object }, update: boolean) => void;

// The bundler gives import.meta.url this source file's own URL, so tslab resolves from the project's
// node_modules wherever the notebook lives.
export function tslabEmitter(display: TslabDisplay, requireFrom: string = import.meta.url): EmitBundle {
  let jupyter: { lastWriteDisplayData?: WriteDisplayData } = {};
  try {
    jupyter = createRequire(requireFrom)("tslab/dist/jupyter") as typeof jupyter;
  } catch {
    // not inside a tslab kernel's node_modules: use the public API
  }
  return (bundle) => {
    const writer = jupyter.lastWriteDisplayData;
    if (writer) writer({ data: bundle, metadata: {}, transient: {} }, false);
    else for (const [mime, data] of Object.entries(bundle)) display.raw(mime, data);
  };
}
