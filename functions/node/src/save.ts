import { cellOf } from "./shared/cells.js";
import { readFields } from "./shared/fields.js";
import { putItem, type GeoItem } from "./shared/geo-table.js";
import { readJsonBody } from "./shared/request-body.js";
import { internalError, json, type ProxyResponse } from "./shared/response.js";

/** Writes one place with its precision-4 geohash and returns the stored item. */
export async function handler(event: unknown): Promise<ProxyResponse> {
  const body = readJsonBody(event);
  if (!body.ok) return body.response;
  const request = readFields(body.value, ["owner", "name", "lat", "lon"] as const);
  if (!request.ok) return request.response;
  const { owner, name, lat, lon } = request.fields;
  const item: GeoItem = {
    pk: `RT:${owner}`,
    sk: name,
    gpk: cellOf(Number(lat), Number(lon)),
    gsk: `RT:${owner}:${name}`,
    owner,
    name,
    lat,
    lon,
  };
  try {
    await putItem(item);
    return json(200, item);
  } catch {
    return internalError();
  }
}
