//! Pictures for tests and benchmarks.

/// Ten pictures of every model, as an author writes them: two number lines (one
/// with points, one with jumps), a line plot, two strips, two rectangles (one with
/// two shadings), two circles and a set.
pub const TEN_PICTURES: [&str; 10] = [
    "::: number-line; from: 0; to: 2; parts: 4; labels: mixed; points: 3/4 A, 1 1/2 B :::",
    "::: number-line; from: 0; to: 1; parts: 8; labels: fractions; jumps: 0 -> 3/8, 3/8 -> 5/8 :::",
    "::: line-plot; from: 0; to: 1; parts: 8; labels: fractions; data: 1/8, 3/8, 3/8, 1/2, 1/2, 1/2, 7/8 :::",
    "::: strip; bar: 1/2; bar: 2/4; bar: 4/8 :::",
    "::: strip; bar: 3/4 A; bar: 6/8 B :::",
    "::: area; rows: 3; columns: 4; shade-columns: 3; shade-rows: 2 :::",
    "::: area; rows: 10; columns: 10; shaded: 37 :::",
    "::: circle; parts: 8; shaded: 3 :::",
    "::: circle; parts: 12; shaded: 5 :::",
    "::: set; parts: 10; shaded: 4 :::",
];
