// search, conc and warmup share one request contract and differ only in how the 9 cell queries
// are issued; `strategy` runs them and must return the cells' results in cell order.
import { searchCells } from "./cells.js";
import { readFields } from "./fields.js";
import type { Place } from "./geo-table.js";
import { readJsonBody } from "./request-body.js";
import { internalError, json, type ProxyResponse } from "./response.js";

export type QueryStrategy = (cells: string[], owner: string) => Promise<Place[][]>;

export async function handleSearch(event: unknown, strategy: QueryStrategy): Promise<ProxyResponse> {
  const body = readJsonBody(event);
  if (!body.ok) return body.response;
  const request = readFields(body.value, ["owner", "lat", "lon", "radius"] as const);
  if (!request.ok) return request.response;
  const { owner, lat, lon } = request.fields;
  try {
    const perCell = await strategy(searchCells(Number(lat), Number(lon)), owner);
    return json(200, perCell.flat());
  } catch {
    return internalError();
  }
}
