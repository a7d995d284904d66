"""Search cells: order, and the cells a pole or the antimeridian takes away or wraps."""

from __future__ import annotations

from lambench_geo import cell_of, search_cells


def test_centre_then_neighbours_n_ne_e_se_s_sw_w_nw() -> None:
    # The geohash grid around London; the vectors pin centre, N, SE and NW of the same cell.
    assert search_cells("51.5074", "-0.1278") == ["gcpv", "gcpy", "u10n", "u10j", "u10h", "gcpu", "gcps", "gcpt", "gcpw"]


def test_skips_neighbours_beyond_the_north_pole() -> None:
    cells = search_cells("90", "0")
    assert cells[0] == cell_of("90", "0")
    assert len(cells) == 6  # no N, NE, NW


def test_skips_neighbours_beyond_the_south_pole() -> None:
    assert len(search_cells("-90", "0")) == 6


def test_wraps_east_across_the_antimeridian() -> None:
    cells = search_cells("0", "179.99")
    assert cells[0] == "xbpb"
    assert cells[3] == "8000"  # E of the last cell before 180 is the first after -180
