//! The relationship map's parties: the topics marked `.party` in the guides, so the map is
//! built from the content rather than hard-coded, and where their names go on a grid of
//! cells. No terminal code here.

use crate::content::{Library, TopicRef};
use std::collections::HashSet;

/// Someone a care worker works with, and the topic that describes the relationship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub topic: TopicRef,
    pub name: String,
}

/// Every party in the library, in guide order. Two guides may both describe, say, colleagues:
/// the first description is used and the name appears once.
pub fn parties(library: &Library) -> Vec<Party> {
    let mut seen = HashSet::new();
    library
        .topic_refs()
        .filter_map(|at| {
            // Only parties' titles are lowercased: a large library has few among 100,000 topics.
            let topic = library.topic(at).filter(|topic| topic.party)?;
            seen.insert(topic.title.to_lowercase()).then(|| Party {
                topic: at,
                name: topic.title.to_string(),
            })
        })
        .collect()
}

/// A label on the map's grid of cells: a name wrapped into lines, centred in a box one cell
/// wider each side than its longest line (the margin keeps it apart from its neighbours and
/// from the lines it sits on).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Label {
    pub lines: Vec<String>,
    /// The box's top-left cell.
    pub x: u16,
    pub y: u16,
    /// The box's width, margins included.
    pub width: u16,
}

impl Label {
    pub fn height(&self) -> u16 {
        u16::try_from(self.lines.len()).unwrap_or(u16::MAX)
    }

    /// The middle of the box, in cells (where the line from the centre ends).
    pub fn middle(&self) -> (f64, f64) {
        (
            f64::from(self.x) + f64::from(self.width) / 2.0,
            f64::from(self.y) + f64::from(self.height()) / 2.0,
        )
    }

    /// The point of the box nearest `point` (in cells): where a line from there meets it.
    pub fn nearest(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let (left, top) = (f64::from(self.x), f64::from(self.y));
        let (right, bottom) = (left + f64::from(self.width), top + f64::from(self.height()));
        (
            x.clamp(left + 0.5, (right - 0.5).max(left + 0.5)),
            y.clamp(top + 0.5, (bottom - 0.5).max(top + 0.5)),
        )
    }

    fn overlaps(&self, other: &Label) -> bool {
        let (a, b) = (self, other);
        a.x < b.x + b.width
            && b.x < a.x + a.width
            && a.y < b.y + b.height()
            && b.y < a.y + a.height()
    }

    fn inside(&self, width: u16, height: u16) -> bool {
        self.x + self.width <= width && self.y + self.height() <= height
    }
}

/// The map drawn on `width` x `height` cells: the centre's label, then each party's.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    pub centre: Label,
    pub parties: Vec<Label>,
    /// Each party's place round the ellipse, in cells: its label is as near it as there is room
    /// for, and its line from the centre ends where the label is nearest it.
    pub places: Vec<(f64, f64)>,
}

/// Names wrap onto at most this many lines.
const MAX_LINES: usize = 3;

/// Lays the parties' `names` out round `centre`, clockwise from the top, each whole and as
/// near its place as it can be without covering another. Moving a label costs a column a
/// column (a row counts as two) and wrapping a name costs [`LINE_COST`] a line; the cheapest
/// free spots of all the names are taken first, so no name is pushed far to spare another a
/// small move. Only a name with no free spot at all is cut (with `…`) to the room there is.
pub fn layout(centre: &str, names: &[&str], width: u16, height: u16) -> MapLayout {
    let centre = {
        let text = centre.to_owned();
        let w = u16::try_from(width_of(&text) + 2)
            .unwrap_or(u16::MAX)
            .min(width);
        Label {
            x: (width - w) / 2,
            y: height.saturating_sub(1) / 2,
            width: w,
            lines: vec![text],
        }
    };
    let anchors = anchors(names.len(), width, height);
    let wraps: Vec<Vec<Vec<String>>> = names
        .iter()
        .map(|name| wrappings(name, usize::from(width.saturating_sub(2))))
        .collect();
    // Worked out once: the map is laid out on every frame, and there are thousands of spots.
    let moves = offsets(width);
    let name_widths: Vec<usize> = names.iter().map(|name| width_of(name)).collect();
    let mut spots = Vec::new();
    for (party, ways) in wraps.iter().enumerate() {
        for (way, lines) in ways.iter().enumerate() {
            spots.extend(spots_for(
                party,
                way,
                lines,
                anchors[party],
                &moves,
                (width, height),
            ));
        }
    }
    // Cheapest first; between equals, the longer name (it has fewer places to go).
    spots.sort_by_key(|spot| {
        let name = name_widths.get(spot.party).copied().unwrap_or(0);
        (spot.cost, std::cmp::Reverse(name), spot.party)
    });
    let mut placed: Vec<Option<Label>> = vec![None; names.len()];
    let mut taken = vec![centre.clone()];
    for spot in spots {
        if placed[spot.party].is_some() {
            continue;
        }
        let label = Label {
            lines: Vec::new(),
            ..spot.label
        };
        let (x, y, w, h) = (label.x, label.y, label.width, spot.height);
        let fits = !taken
            .iter()
            .any(|t| x < t.x + t.width && t.x < x + w && y < t.y + t.height() && t.y < y + h);
        if fits {
            let lines = wraps[spot.party][spot.way].clone();
            let label = Label { lines, ..label };
            taken.push(label.clone());
            placed[spot.party] = Some(label);
        }
    }
    let parties = placed
        .into_iter()
        .enumerate()
        .map(|(party, label)| {
            label.unwrap_or_else(|| {
                let free =
                    |l: &Label| l.inside(width, height) && !taken.iter().any(|t| t.overlaps(l));
                let label = cut(names[party], anchors[party], width, height, &free);
                taken.push(label.clone());
                label
            })
        })
        .collect();
    MapLayout {
        centre,
        parties,
        places: anchors,
    }
}

/// What wrapping a name onto one more line costs, in columns moved.
const LINE_COST: i32 = 6;

/// A place a name may go, and what it costs.
struct Spot {
    party: usize,
    /// Which of the party's wrappings.
    way: usize,
    /// Where (its lines are filled in once it is chosen).
    label: Label,
    height: u16,
    cost: i32,
}

/// Every place `lines` may go near `anchor` (each of `moves` away from it), with its cost.
fn spots_for(
    party: usize,
    way: usize,
    lines: &[String],
    anchor: (f64, f64),
    moves: &[(i32, i32)],
    (width, height): (u16, u16),
) -> impl Iterator<Item = Spot> {
    let (ax, ay) = anchor;
    let text_width = lines.iter().map(|l| width_of(l)).max().unwrap_or(0);
    let box_width = u16::try_from(text_width + 2).unwrap_or(u16::MAX);
    let box_height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let top = (ay - (f64::from(box_height) - 1.0) / 2.0).round();
    // A name reads outwards from its place: to the right on the right of the map, to the
    // left on the left, centred at the top and bottom.
    let middle = f64::from(width) / 2.0;
    let left = if ax > middle + 1.0 {
        ax - 1.0
    } else if ax < middle - 1.0 {
        ax - f64::from(box_width) + 1.0
    } else {
        ax - f64::from(box_width) / 2.0
    }
    .round();
    let wrapped = i32::try_from(lines.len()).unwrap_or(i32::MAX) - 1;
    moves
        .iter()
        .filter(move |_| box_width <= width && box_height <= height)
        .map(move |&(dx, dy)| Spot {
            party,
            way,
            label: Label {
                lines: Vec::new(),
                x: clamp(left + f64::from(dx), width, box_width),
                y: clamp(top + f64::from(dy), height, box_height),
                width: box_width,
            },
            height: box_height,
            cost: dx.abs() + 2 * dy.abs() + LINE_COST * wrapped,
        })
}

/// Where each party sits: evenly round an ellipse, clockwise from the top, leaving room at the
/// sides for names.
fn anchors(count: usize, width: u16, height: u16) -> Vec<(f64, f64)> {
    let (w, h) = (f64::from(width), f64::from(height));
    let (cx, cy) = (w / 2.0, (h - 1.0) / 2.0);
    let label_room = (w / 3.0).clamp(8.0, 26.0);
    let rx = (w / 2.0 - label_room / 2.0 - 1.0).max(1.0);
    let ry = cy.max(0.0);
    (0..count)
        .map(|i| {
            let angle = std::f64::consts::FRAC_PI_2
                - std::f64::consts::TAU * i as f64 / count.max(1) as f64;
            (cx + rx * angle.cos(), cy - ry * angle.sin())
        })
        .collect()
}

/// How far a label may move from its place to find room, nearest first (a row counts as two
/// columns): up to a sixth of the width along its row, three rows up or down.
fn offsets(width: u16) -> Vec<(i32, i32)> {
    let reach = i32::from(width / 6);
    let mut moves: Vec<(i32, i32)> = (-3..=3)
        .flat_map(|dy| (-reach..=reach).map(move |dx| (dx, dy)))
        .collect();
    moves.sort_by_key(|&(dx, dy)| (dx.abs() + 2 * dy.abs(), dy.abs(), dx));
    moves
}

/// A coordinate on a `size` grid for a box `extent` long, kept inside the grid.
fn clamp(at: f64, size: u16, extent: u16) -> u16 {
    let most = f64::from(size.saturating_sub(extent));
    at.clamp(0.0, most) as u16
}

/// The ways `name` wraps into 1 to MAX_LINES lines no wider than `most`: for each number of
/// lines, the narrowest.
fn wrappings(name: &str, most: usize) -> Vec<Vec<String>> {
    let longest_word = name.split_whitespace().map(width_of).max().unwrap_or(0);
    let mut found: Vec<Vec<String>> = Vec::new();
    for target in (longest_word.max(1)..=width_of(name).min(most)).rev() {
        let lines: Vec<String> = textwrap::wrap(name, target)
            .into_iter()
            .map(|l| l.into_owned())
            .collect();
        if lines.len() > MAX_LINES {
            break;
        }
        match found.last_mut() {
            Some(last) if last.len() == lines.len() => *last = lines,
            _ => found.push(lines),
        }
    }
    found
}

/// The last resort on a crowded map: `name` on one line, cut to the widest room free near
/// its anchor's row; nothing at all when not even a few letters fit.
fn cut(
    name: &str,
    anchor: (f64, f64),
    width: u16,
    height: u16,
    free: &dyn Fn(&Label) -> bool,
) -> Label {
    let (ax, ay) = anchor;
    let most = width_of(name).min(usize::from(width.saturating_sub(2)));
    for room in (MIN_CUT..=most).rev() {
        let text = truncate(name, room);
        let box_width = u16::try_from(room + 2).unwrap_or(u16::MAX);
        let left = (ax - f64::from(box_width) / 2.0).round();
        for (dx, dy) in offsets(width) {
            let label = Label {
                lines: vec![text.clone()],
                x: clamp(left + f64::from(dx), width, box_width),
                y: clamp(ay.round() + f64::from(dy), height, 1),
                width: box_width,
            };
            if free(&label) {
                return label;
            }
        }
    }
    // Its line still reaches its place.
    Label {
        lines: Vec::new(),
        x: clamp(ax.round(), width, 0),
        y: clamp(ay.round(), height, 0),
        width: 0,
    }
}

/// A cut name shows at least this many characters (the last an ellipsis).
const MIN_CUT: usize = 4;

/// `text` cut to `width` columns, ending in `…` when cut.
fn truncate(text: &str, width: usize) -> String {
    if width_of(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

fn width_of(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_guides_name_the_people_a_care_worker_works_with() {
        let library = crate::test_support::builtin_library();
        let names: Vec<String> = parties(&library).into_iter().map(|p| p.name).collect();
        for expected in [
            "Colleagues",
            "Service users",
            "Families and carers",
            "Volunteers",
            "External agencies",
            "Other professionals",
            "Advocates",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} missing from {names:?}"
            );
        }
        let unique: HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "each party once");
    }

    /// The map's inner sizes: the presentation's and the Map pane's at 120x40, both at 80x24,
    /// 200x60's presentation, and the minimum window (60x16).
    const SIZES: [(u16, u16); 6] = [(70, 37), (70, 36), (78, 14), (78, 13), (118, 57), (58, 7)];

    fn names() -> Vec<String> {
        let library = crate::test_support::builtin_library();
        parties(&library).into_iter().map(|p| p.name).collect()
    }

    /// The labels as they would be printed, for reading a failure.
    fn picture(map: &MapLayout, width: u16, height: u16) -> String {
        let mut grid = vec![vec![' '; usize::from(width)]; usize::from(height)];
        for label in std::iter::once(&map.centre).chain(&map.parties) {
            for (row, line) in label.lines.iter().enumerate() {
                let y = usize::from(label.y) + row;
                for (col, c) in line.chars().enumerate() {
                    if let Some(cell) = grid
                        .get_mut(y)
                        .and_then(|r| r.get_mut(usize::from(label.x) + 1 + col))
                    {
                        *cell = c;
                    }
                }
            }
        }
        grid.into_iter()
            .map(|r| r.into_iter().collect::<String>() + "|\n")
            .collect()
    }

    #[test]
    fn no_two_labels_meet_and_each_stays_on_the_map() {
        let names = names();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for (width, height) in SIZES {
            let map = layout("Care worker", &names, width, height);
            let shown = picture(&map, width, height);
            assert_eq!(map.parties.len(), names.len());
            let labels: Vec<&Label> = std::iter::once(&map.centre).chain(&map.parties).collect();
            for (i, a) in labels.iter().enumerate() {
                assert!(
                    a.inside(width, height),
                    "{width}x{height}: {a:?} off the map\n{shown}"
                );
                for b in &labels[i + 1..] {
                    assert!(
                        !a.overlaps(b),
                        "{width}x{height}: {a:?} meets {b:?}\n{shown}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_name_is_whole_from_80x24_up_and_on_one_line_at_120x40() {
        let names = names();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for (width, height) in SIZES.into_iter().filter(|&(w, _)| w >= 70) {
            let map = layout("Care worker", &names, width, height);
            let shown = picture(&map, width, height);
            for (label, name) in map.parties.iter().zip(&names) {
                assert_eq!(
                    label.lines.join(" "),
                    *name,
                    "{width}x{height}: cut\n{shown}"
                );
                if width >= 70 && height >= 36 {
                    assert_eq!(label.lines.len(), 1, "{width}x{height}: wrapped\n{shown}");
                }
            }
        }
    }

    #[test]
    fn names_wrap_at_spaces_into_as_few_lines_as_fit() {
        let name = "Community and voluntary partnerships";
        let ways = wrappings(name, 40);
        assert_eq!(ways[0], [name]);
        assert_eq!(ways[1], ["Community and", "voluntary partnerships"]);
        assert_eq!(ways.last().map(Vec::len), Some(3));
        assert_eq!(truncate(name, 12), "Community a…");
    }
}
