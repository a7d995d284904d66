// Notebooks are committed without outputs. JupyterLab's autosave writes outputs, execution counts
// and its own cell metadata into the notebook it has open; this takes them out again, keeping the
// cells' sources (so an edited parameters cell stays edited).

interface NotebookJson {
  cells: { cell_type: string; execution_count?: unknown; outputs?: unknown[]; metadata?: Record<string, unknown> }[];
  metadata: Record<string, unknown>;
}

/** How many code cells carry outputs or an execution count. */
export function cellsWithOutputs(text: string): number {
  const nb = JSON.parse(text) as NotebookJson;
  return nb.cells.filter((c) => c.cell_type === "code" && ((c.outputs?.length ?? 0) > 0 || (c.execution_count ?? null) !== null)).length;
}

/** The notebook without outputs, execution counts or front-end metadata, laid out as the generator writes it. */
export function stripOutputs(text: string, notebookMetadata: Record<string, unknown>): string {
  const nb = JSON.parse(text) as NotebookJson;
  for (const cell of nb.cells) {
    const tags = cell.metadata?.tags;
    cell.metadata = Array.isArray(tags) && tags.length > 0 ? { tags } : {};
    if (cell.cell_type === "code") {
      cell.execution_count = null;
      cell.outputs = [];
    }
  }
  nb.metadata = notebookMetadata;
  return `${JSON.stringify(nb, null, 1)}\n`;
}
