//! Screen geometry as plain numbers, shared by `update` (to wrap and scroll text) and the
//! drawing code (to place widgets), so both always agree.

/// Below this the app shows a "make the terminal larger" message instead of a layout.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width Browse shows the topic list and the topic side by side.
pub const BROWSE_TWO_COLUMNS: u16 = 80;
/// From this width the topic list gets more room.
pub const BROWSE_WIDE_LIST: u16 = 120;

/// Rows taken by the header (tabs) and the status line.
pub const CHROME_ROWS: u16 = 2;

pub fn is_too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Widths of Browse's list and detail columns; a zero list width means one column at a time.
pub fn browse_columns(width: u16) -> (u16, u16) {
    if width >= BROWSE_WIDE_LIST {
        (40, width - 40)
    } else if width >= BROWSE_TWO_COLUMNS {
        (30, width - 30)
    } else {
        (0, width)
    }
}

/// The text area inside the bordered, padded detail box: (width, height).
pub fn detail_text_size(width: u16, height: u16) -> (u16, u16) {
    let (_, detail) = browse_columns(width);
    let body = height.saturating_sub(CHROME_ROWS);
    (
        detail.saturating_sub(4).max(1),
        body.saturating_sub(2).max(1),
    )
}

/// Rows of the search results list (below the query box).
pub fn search_result_rows(height: u16) -> u16 {
    height.saturating_sub(CHROME_ROWS + 3 + 2).max(1)
}
