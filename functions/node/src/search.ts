import { placesInCell } from "./shared/geo-table.js";
import { handleSearch, type QueryStrategy } from "./shared/search-request.js";
import type { ProxyResponse } from "./shared/response.js";

const oneAfterAnother: QueryStrategy = async (cells, owner) => {
  const results = [];
  for (const cell of cells) results.push(await placesInCell(cell, owner));
  return results;
};

/** Queries the point's geohash cell and its neighbours one after the other. */
export async function handler(event: unknown): Promise<ProxyResponse> {
  return handleSearch(event, oneAfterAnother);
}
