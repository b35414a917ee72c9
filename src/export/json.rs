//! The whole model as JSON, as `carestudy list --json` prints it, inside an envelope that says
//! what the file is and which version of the layout it follows.

use crate::content::Guide;
use serde::Serialize;

/// The envelope's `format` value.
pub const FORMAT_NAME: &str = "carestudy";
/// The envelope's `version`: raised when the layout changes in a way readers must know about.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    guides: &'a [Guide],
}

pub(super) fn render(guides: &[Guide]) -> String {
    let envelope = Envelope {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        guides,
    };
    // Serialising cannot fail: every map key is a field name and no value has a fallible
    // `Serialize`. Should that change, the output is an empty document rather than a panic.
    let mut text = serde_json::to_string_pretty(&envelope).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{builtin, parsed_with_markup};
    use super::*;
    use serde_json::Value;

    fn parse(text: &str) -> Value {
        match serde_json::from_str(text) {
            Ok(value) => value,
            Err(e) => panic!("not JSON: {e}\n{text}"),
        }
    }

    #[test]
    fn round_trips_with_every_guide_and_topic() {
        let library = builtin();
        let value = parse(&render(&library.guides));
        assert_eq!(value["format"], "carestudy");
        assert_eq!(value["version"], 1);
        let Some(guides) = value["guides"].as_array() else {
            panic!("guides is not an array: {value}");
        };
        assert_eq!(guides.len(), library.guides.len());
        for (json, guide) in guides.iter().zip(&library.guides) {
            assert_eq!(json["id"], guide.id.as_str());
            assert_eq!(json["title"], guide.title.as_str());
            assert_eq!(json["verb"], guide.verb.name());
            let topics = json["topics"].as_array().map_or(0, Vec::len);
            assert_eq!(topics, guide.topics.len(), "{}", guide.id);
        }
    }

    #[test]
    fn the_guides_are_exactly_what_list_json_prints() {
        let library = builtin();
        let value = parse(&render(&library.guides));
        let list = match serde_json::to_value(&library) {
            Ok(list) => list,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(value["guides"], list);
    }

    #[test]
    fn text_with_markup_survives_unchanged() {
        let library = parsed_with_markup();
        let value = parse(&render(&library.guides));
        assert_eq!(
            value["guides"][0]["topics"][0]["key_features"][0],
            "A point with <b>& in it"
        );
        assert!(render(&library.guides).ends_with("}\n"));
    }
}
