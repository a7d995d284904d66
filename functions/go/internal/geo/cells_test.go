package geo

import (
	"slices"
	"testing"
)

func TestCellMatchesKnownHashes(t *testing.T) {
	cases := []struct {
		lat, lon float64
		want     string
	}{
		{51.5074, -0.1278, "gcpv"},
		{-33, 151, "r65k"},
		{90, 180, "zzzz"},
		{-90, -180, "0000"},
		{90, -180, "bpbp"},
		{-90, 180, "pbpb"},
	}
	for _, c := range cases {
		if got := Cell(c.lat, c.lon); got != c.want {
			t.Errorf("Cell(%v, %v) = %q, want %q", c.lat, c.lon, got, c.want)
		}
	}
}

func TestSearchCellsOrderCentreThenCompass(t *testing.T) {
	got := SearchCells(51.5074, -0.1278)
	want := []string{"gcpv", "gcpy", "u10n", "u10j", "u10h", "gcpu", "gcps", "gcpt", "gcpw"}
	if !slices.Equal(got, want) {
		t.Fatalf("SearchCells = %v, want %v", got, want)
	}
}

func TestSearchCellsSkipsNeighboursBeyondThePole(t *testing.T) {
	north := SearchCells(89.99, 0)
	if len(north) != 6 {
		t.Fatalf("near the north pole want centre + E, SE, S, SW, W; got %v", north)
	}
	south := SearchCells(-90, 10)
	if len(south) != 6 {
		t.Fatalf("at the south pole want centre + N, NE, E, W, NW; got %v", south)
	}
	for _, cell := range append(north[1:], south[1:]...) {
		if cell == north[0] || cell == south[0] {
			t.Fatalf("a neighbour repeats the centre: %v %v", north, south)
		}
	}
}

func TestSearchCellsWrapsAtTheAntimeridian(t *testing.T) {
	east := SearchCells(0, 179.99)
	west := SearchCells(0, -179.99)
	// The east neighbour of the last column is the first column, and back.
	if east[3] != west[0] || west[7] != east[0] {
		t.Fatalf("antimeridian neighbours do not meet: east=%v west=%v", east, west)
	}
}
