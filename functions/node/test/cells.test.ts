import ngeohash from "ngeohash";
import { describe, expect, it } from "vitest";
import { cellOf, searchCells } from "../src/shared/cells.js";

describe("cellOf", () => {
  it("agrees with ngeohash away from cell edges", () => {
    // Fixture points: a deterministic grid offset so no point lies on an edge.
    for (let lat = -89.37; lat < 90; lat += 7.13) {
      for (let lon = -179.41; lon < 180; lon += 11.07) {
        expect(cellOf(lat, lon), `${lat},${lon}`).toBe(ngeohash.encode(lat, lon, 4));
      }
    }
  });

  it("puts edge points in the cell north and east of the edge; the top edges in the last cell", () => {
    expect(cellOf(0, 0)).toBe("s000");
    expect(cellOf(-45, -90)).toBe("6000");
    expect(cellOf(90, 180)).toBe("zzzz");
    expect(cellOf(-90, -180)).toBe("0000");
  });
});

describe("searchCells", () => {
  it("lists the centre then N, NE, E, SE, S, SW, W, NW", () => {
    expect(searchCells(51.5074, -0.1278)).toEqual(["gcpv", "gcpy", "u10n", "u10j", "u10h", "gcpu", "gcps", "gcpt", "gcpw"]);
  });

  it("skips the duplicates the pole produces", () => {
    const cells = searchCells(90, 0);
    expect(new Set(cells).size).toBe(cells.length);
    expect(cells.length).toBeLessThan(9);
    expect(cells[0]).toBe("upbp");
  });
});
