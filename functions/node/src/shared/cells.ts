import ngeohash from "ngeohash";

export const CELL_PRECISION = 4;
const BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

/**
 * The geohash of a point with half-open cells: each bisection sends `value >= mid` to the upper
 * half, so a point on an edge belongs to the cell north/east of it (the contract; ngeohash's
 * encode sends edges down, hence this encoder).
 */
export function cellOf(lat: number, lon: number, precision = CELL_PRECISION): string {
  const range = { lat: [-90, 90], lon: [-180, 180] };
  let cell = "";
  let index = 0;
  for (let bit = 0; cell.length < precision; bit++) {
    const [axis, value] = bit % 2 === 0 ? (["lon", lon] as const) : (["lat", lat] as const);
    const [low, high] = range[axis] as [number, number];
    const mid = (low + high) / 2;
    const upper = value >= mid;
    range[axis] = upper ? [mid, high] : [low, mid];
    index = index * 2 + (upper ? 1 : 0);
    if (bit % 5 === 4) {
      cell += BASE32[index];
      index = 0;
    }
  }
  return cell;
}

/**
 * The cell of the point followed by its neighbours N, NE, E, SE, S, SW, W, NW. ngeohash finds
 * neighbours from cell centres, which never lie on an edge. Near a pole it clamps a neighbour
 * onto an existing cell; such duplicates are skipped.
 */
export function searchCells(lat: number, lon: number): string[] {
  const centre = cellOf(lat, lon);
  return [...new Set([centre, ...ngeohash.neighbors(centre)])];
}
