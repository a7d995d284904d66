import { placesInCell } from "./shared/geo-table.js";
import { handleSearch, type QueryStrategy } from "./shared/search-request.js";
import type { ProxyResponse } from "./shared/response.js";

// Promise.all keeps the input order, so results stay in cell order.
const allAtOnce: QueryStrategy = (cells, owner) => Promise.all(cells.map((cell) => placesInCell(cell, owner)));

/** search with the cell queries issued concurrently. */
export async function handler(event: unknown): Promise<ProxyResponse> {
  return handleSearch(event, allAtOnce);
}
