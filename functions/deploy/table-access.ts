// What each service's code does to the geo table, keyed by source (the manifest's `sourceOf`, or
// the function's own id). The template grants exactly this and nothing more.
export type TableAccess = "none" | "put" | "query-index";

const accessBySource: Record<string, TableAccess> = {
  wave: "none",
  save: "put",
  search: "query-index",
  conc: "query-index",
};

export class TableAccessError extends Error {}

export function tableAccessOf(source: string): TableAccess {
  const access = accessBySource[source];
  if (access === undefined) {
    throw new TableAccessError(
      `functions/deploy/table-access.ts: no table access declared for "${source}"; add it (one of none, put, query-index) so the template grants least privilege`,
    );
  }
  return access;
}
