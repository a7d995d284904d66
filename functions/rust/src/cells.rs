//! The precision-4 geohash cells a point falls in and searches.

use geohash::{Coord, Direction};

pub const PRECISION: usize = 4;

/// The contract's neighbour order.
const NEIGHBOUR_ORDER: [Direction; 8] = [
    Direction::N,
    Direction::NE,
    Direction::E,
    Direction::SE,
    Direction::S,
    Direction::SW,
    Direction::W,
    Direction::NW,
];

/// The precision-4 geohash of a point already validated to lie within [-90, 90] × [-180, 180].
pub fn cell_of(lat: f64, lon: f64) -> Option<String> {
    // The crate reads the coordinate's bits from `v / span + 1.5`, which reaches 2.0 at the
    // upper edge and wraps to the lowest cell; any value inside the top precision-4 cell
    // (0.18° tall, 0.35° wide) encodes the same, so the edge is moved just inside.
    let coord = Coord {
        x: inside_upper_edge(lon, 180.0),
        y: inside_upper_edge(lat, 90.0),
    };
    geohash::encode(coord, PRECISION).ok()
}

fn inside_upper_edge(value: f64, edge: f64) -> f64 {
    if value >= edge {
        edge - 1e-9
    } else {
        value
    }
}

/// The cell of the point, then its neighbours N, NE, E, SE, S, SW, W, NW; a neighbour the
/// library cannot compute, or one already listed (near a pole), is skipped.
pub fn search_cells(lat: f64, lon: f64) -> Vec<String> {
    let Some(centre) = cell_of(lat, lon) else {
        return Vec::new();
    };
    let mut cells = vec![centre];
    for direction in NEIGHBOUR_ORDER {
        if let Ok(cell) = geohash::neighbor(&cells[0], direction) {
            if !cells.contains(&cell) {
                cells.push(cell);
            }
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_known_points() {
        assert_eq!(cell_of(51.5074, -0.1278).as_deref(), Some("gcpv"));
        assert_eq!(cell_of(-33.0, 151.0).as_deref(), Some("r65k"));
        assert_eq!(cell_of(48.8566, 2.3522).as_deref(), Some("u09t"));
    }

    #[test]
    fn encodes_the_upper_corners() {
        assert_eq!(cell_of(90.0, 180.0).as_deref(), Some("zzzz"));
        assert_eq!(cell_of(-90.0, -180.0).as_deref(), Some("0000"));
        assert_eq!(cell_of(90.0, -180.0).as_deref(), Some("bpbp"));
    }

    #[test]
    fn lists_centre_then_neighbours_in_contract_order() {
        let cells = search_cells(51.5074, -0.1278);
        assert_eq!(
            cells,
            ["gcpv", "gcpy", "u10n", "u10j", "u10h", "gcpu", "gcps", "gcpt", "gcpw"]
        );
    }

    #[test]
    fn never_panics_or_repeats_at_the_poles_and_antimeridian() {
        for (lat, lon) in [(90.0, 180.0), (-90.0, -180.0), (90.0, 0.0), (0.0, 180.0), (0.0, -180.0)] {
            let cells = search_cells(lat, lon);
            assert!(!cells.is_empty() && cells.len() <= 9, "{lat},{lon}: {cells:?}");
            let mut unique = cells.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), cells.len(), "{lat},{lon}: {cells:?}");
        }
    }
}
