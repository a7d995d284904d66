import ngeohash from "ngeohash";

export const CELL_PRECISION = 4;

export function cellOf(lat: number, lon: number): string {
  return ngeohash.encode(lat, lon, CELL_PRECISION);
}

/**
 * The cell of the point followed by its neighbours N, NE, E, SE, S, SW, W, NW. Near a pole the
 * library clamps a neighbour onto an existing cell; such duplicates are skipped.
 */
export function searchCells(lat: number, lon: number): string[] {
  const centre = cellOf(lat, lon);
  return [...new Set([centre, ...ngeohash.neighbors(centre)])];
}
