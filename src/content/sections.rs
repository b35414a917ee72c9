//! The parts of a topic in the one order every view uses: Browse's text, `carestudy show`, the
//! revision sheet, the search index and presentation mode all walk [`Topic::sections`], so
//! they cannot disagree about what comes first or which criteria a topic serves. A view may
//! leave a kind of part out (the search index has no use for the source); it never reorders.

use super::model::{ASSESSMENT_QUESTION, EXAMPLES, Guide, KEY_FEATURES, MODEL_ANSWER};
use super::model::{CRITERIA, Reference, SEARCH_TERMS, SEE_ALSO, Table, Topic, TopicLink};
use super::text::Texts;

/// One part of a topic. Empty parts are never given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section<'a> {
    /// The summary, paragraphs separated by a blank line.
    Summary(&'a str),
    /// The assessment question the topic answers, as an assessor asks it.
    Question(&'a str),
    /// A list of points or examples.
    List(List<'a>),
    /// A named table, read and never quizzed.
    Table(&'a Table),
    /// A model answer, paragraph by paragraph.
    ModelAnswer(&'a Texts),
    /// Related topics, as stable ids.
    SeeAlso(&'a [TopicLink]),
    /// Words a learner may search for.
    SearchTerms(&'a Texts),
    /// The criteria the topic serves: its guide's, then its own.
    Criteria(Criteria<'a>),
    /// Where the material comes from (the guide's source).
    Source(&'a str),
    /// The public references the guide's facts come from beyond its source.
    References(&'a [Reference]),
}

/// Which list a [`List`] section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    KeyFeatures,
    Examples,
    /// Another named list of points ("Tips", "Answer plan"...).
    Named,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct List<'a> {
    pub kind: ListKind,
    pub name: &'a str,
    pub items: &'a Texts,
}

impl List<'_> {
    /// Points are what the quiz asks about and presentation reveals first; examples are not.
    pub fn is_points(&self) -> bool {
        self.kind != ListKind::Examples
    }
}

/// The guide's criterion and criteria, then the topic's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criteria<'a> {
    /// The guide's criterion and its further criteria.
    guide: (&'a str, &'a Texts),
    /// The topic's own criteria, beyond its guide's.
    pub own: &'a Texts,
}

impl<'a> Criteria<'a> {
    /// How many of [`Criteria::all`] come from the guide (they come first).
    pub fn inherited(&self) -> usize {
        1 + self.guide.1.len()
    }

    /// Every criterion, the guide's first.
    pub fn all(&self) -> impl Iterator<Item = &'a str> + 'a {
        std::iter::once(self.guide.0).chain(self.guide.1.iter().chain(self.own))
    }
}

impl Section<'_> {
    /// The heading a view shows above the part (`None` for the summary).
    pub fn heading(&self) -> Option<&str> {
        Some(match self {
            Section::Summary(_) => return None,
            Section::Question(_) => ASSESSMENT_QUESTION,
            Section::List(list) => list.name,
            Section::Table(table) => &table.name,
            Section::ModelAnswer(_) => MODEL_ANSWER,
            Section::SeeAlso(_) => SEE_ALSO,
            Section::SearchTerms(_) => SEARCH_TERMS,
            Section::Criteria(_) => CRITERIA,
            Section::Source(_) => "Source",
            Section::References(_) => "References",
        })
    }
}

impl Topic {
    /// The topic's parts in the one order every view shows them: summary, assessment question,
    /// key features, examples, the other lists, tables, model answer, see also, search terms,
    /// criteria, source, references. `guide` is the topic's own guide (for its criteria and source).
    pub fn sections<'a>(&'a self, guide: &'a Guide) -> Vec<Section<'a>> {
        let list = |kind, name, items: &'a Texts| {
            (!items.is_empty()).then_some(Section::List(List { kind, name, items }))
        };
        let mut sections = Vec::with_capacity(8 + self.lists.len() + self.tables.len());
        sections
            .extend((!self.summary.trim().is_empty()).then_some(Section::Summary(&self.summary)));
        sections.extend(self.question.as_deref().map(Section::Question));
        sections.extend(list(
            ListKind::KeyFeatures,
            KEY_FEATURES,
            &self.key_features,
        ));
        sections.extend(list(ListKind::Examples, EXAMPLES, &self.examples));
        for named in &self.lists {
            sections.extend(list(ListKind::Named, &named.name, &named.points));
        }
        sections.extend(self.tables.iter().map(Section::Table));
        if !self.model_answer.is_empty() {
            sections.push(Section::ModelAnswer(&self.model_answer));
        }
        if !self.see_also.is_empty() {
            sections.push(Section::SeeAlso(&self.see_also));
        }
        if !self.search_terms.is_empty() {
            sections.push(Section::SearchTerms(&self.search_terms));
        }
        sections.push(Section::Criteria(Criteria {
            guide: (&guide.criterion, &guide.criteria),
            own: &self.criteria,
        }));
        if !guide.source.trim().is_empty() {
            sections.push(Section::Source(&guide.source));
        }
        if !guide.references.is_empty() {
            sections.push(Section::References(&guide.references));
        }
        sections
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;

    const GUIDE: &str = "+++\nid = \"g\"\ntitle = \"G\"\ncriterion = \"4.2 Describe\"\nverb = \"describe\"\nsource = \"S\"\ncriteria = [\"CC 1.4\"]\n+++\n\n## Colleagues {#colleagues}\n\nPeople you work beside.\n\n### Tips\n\n- Ask.\n\n### Examples\n\n- A nurse.\n\n### Key features\n\n- Formal.\n\n### Search terms\n\n- handover\n\n### Criteria\n\n- 1.1 Own\n";

    #[test]
    fn parts_come_in_the_one_order_whatever_the_file_says() {
        let guide = parse_guide("g.md", GUIDE.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        let topic = &guide.topics[0];
        let sections = topic.sections(&guide);
        let headings: Vec<Option<&str>> = sections.iter().map(|s| s.heading()).collect();
        assert_eq!(
            headings,
            [
                None,
                Some("Key features"),
                Some("Examples"),
                Some("Tips"),
                Some("Search terms"),
                Some("Criteria"),
                Some("Source"),
            ]
        );
    }

    #[test]
    fn criteria_are_the_guides_then_the_topics_own() {
        let guide = parse_guide("g.md", GUIDE.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        let sections = guide.topics[0].sections(&guide);
        let Some(Section::Criteria(criteria)) =
            sections.iter().find(|s| matches!(s, Section::Criteria(_)))
        else {
            panic!("no criteria in {sections:?}");
        };
        let all: Vec<&str> = criteria.all().collect();
        assert_eq!(all, ["4.2 Describe", "CC 1.4", "1.1 Own"]);
        assert_eq!(criteria.inherited(), 2);
    }
}
