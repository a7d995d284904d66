// Package geo maps coordinates to the precision-4 geohash cells that save writes and search reads.
package geo

import (
	"math"

	"github.com/mmcloughlin/geohash"
)

// Precision is the geohash length used for the gpk attribute.
const Precision = 4

// edgeInset keeps a coordinate on the maximum edge (lat 90, lon 180) inside the top cell: the
// library maps exactly +90/+180 one past its integer range, which wraps round to the bottom cell.
const edgeInset = 1e-9

// Cell returns the precision-4 geohash of (lat, lon); lat in [-90, 90], lon in [-180, 180].
func Cell(lat, lon float64) string {
	return geohash.EncodeWithPrecision(math.Min(lat, 90-edgeInset), math.Min(lon, 180-edgeInset), Precision)
}

// neighbourSteps are the (north, east) offsets in cells, in the order N, NE, E, SE, S, SW, W, NW.
var neighbourSteps = [8][2]float64{{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}}

// SearchCells returns the cell of (lat, lon) followed by its neighbours N, NE, E, SE, S, SW, W, NW.
// Neighbours beyond a pole are skipped, longitude wraps at ±180, and duplicates are dropped.
func SearchCells(lat, lon float64) []string {
	centre := Cell(lat, lon)
	cells := make([]string, 0, 1+len(neighbourSteps))
	cells = append(cells, centre)
	box := geohash.BoundingBox(centre)
	midLat, midLon := box.Center()
	latStep, lonStep := box.MaxLat-box.MinLat, box.MaxLng-box.MinLng
	for _, step := range neighbourSteps {
		nLat := midLat + step[0]*latStep
		if nLat > 90 || nLat < -90 {
			continue
		}
		cell := Cell(nLat, wrapLongitude(midLon+step[1]*lonStep))
		if !contains(cells, cell) {
			cells = append(cells, cell)
		}
	}
	return cells
}

// wrapLongitude brings a cell centre stepped past the antimeridian back into [-180, 180).
func wrapLongitude(lon float64) float64 {
	switch {
	case lon >= 180:
		return lon - 360
	case lon < -180:
		return lon + 360
	default:
		return lon
	}
}

func contains(cells []string, cell string) bool {
	for _, c := range cells {
		if c == cell {
			return true
		}
	}
	return false
}
