"""Geohash cells: the precision-4 cell of a point and the search area around it."""

from __future__ import annotations

from functools import reduce

from pygeohash import encode, get_adjacent

PRECISION = 4

# N, NE, E, SE, S, SW, W, NW as steps from the centre cell.
_NEIGHBOUR_STEPS = (
    ("top",),
    ("top", "right"),
    ("right",),
    ("bottom", "right"),
    ("bottom",),
    ("bottom", "left"),
    ("left",),
    ("top", "left"),
)


def cell_of(lat: str, lon: str) -> str:
    return encode(float(lat), float(lon), PRECISION)


def search_cells(lat: str, lon: str) -> list[str]:
    """The point's cell, then its neighbours N..NW; beyond a pole or repeated ones are skipped."""
    centre = cell_of(lat, lon)
    cells = [centre]
    for steps in _NEIGHBOUR_STEPS:
        try:
            cell = reduce(get_adjacent, steps, centre)
        except ValueError:
            continue
        if cell not in cells:
            cells.append(cell)
    return cells
