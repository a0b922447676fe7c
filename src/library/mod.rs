//! The inspiration library (*inspiratiebibliotheek*): real, published sets of leidende principes
//! from Dutch municipalities and regions, shipped with the app, and a search over them.
//!
//! The data is `data/library.json` (a trimmed copy of the `data/principles-dev.json`: owner,
//! year, source address and the principles verbatim). It is not compiled into the app: the
//! build copies it beside the app's files as [`FILE`], and the workshop page fetches it (same
//! origin) only when someone first opens the library, then keeps it for the rest of the visit.
//! So the first load does not carry it, and once opened it keeps working offline. Plain Rust:
//! tested natively.
//!
//! The search is two: the literal one ([`Library::search_words`]), which the workshop page runs
//! itself, and, where that finds nothing, the normalised one ([`normalised`]), which needs the
//! cluster suggestions' lexicon and stemmer and so runs in the suggestion module on that page
//! ([`wire`]). [`Library::search`] is both, for native use.

pub mod normalised;
pub mod wire;

use crate::suggest::normalise::fold;
use crate::workshop::limits;
use crate::workshop::variants::read_struct;

/// The library's file name in `dist/`, beside `boot.js`.
pub const FILE: &str = "library.json";

/// Why the library cannot be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// The file could not be fetched: no connection, the server is gone, or it is not there.
    Unreachable,
    /// The file came, but is not a usable library.
    Broken,
}

/// The library from a fetch of [`FILE`]: its text, or `None` when nothing usable came back.
pub fn from_fetched(text: Option<&str>) -> Result<Library, Unavailable> {
    let text = text.ok_or(Unavailable::Unreachable)?;
    Library::parse(text).map_err(|_| Unavailable::Broken)
}

/// Every published set in the library.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    pub sets: Vec<PrincipleSet>,
}

read_struct!(Library { sets });

/// One published set of principles, with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipleSet {
    /// Who published it: "Gemeente Zutphen", "Regio Gooi en Vechtstreek".
    pub owner: String,
    /// What the document is (may be empty).
    pub about: String,
    /// Year of publication, when the source gives one.
    pub year: Option<u16>,
    /// The public page the principles were copied from.
    pub source: String,
    /// The principles, in the source's order and words.
    pub principles: Vec<Entry>,
}

read_struct!(PrincipleSet { owner, about = default, year = default, source, principles });

/// One principle as its source wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub title: String,
    pub explanation: Option<String>,
}

read_struct!(Entry { title, explanation = default });

/// Why library text could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    #[error("the library is not valid JSON: {0}")]
    NotJson(String),
    #[error("set {0} has no owner, no principles or an empty title")]
    Incomplete(usize),
    #[error("set {0} has a source that is not a web address")]
    BadSource(usize),
}

/// A search result: the set and the principle within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    pub set: usize,
    pub principle: usize,
}

impl Library {
    /// Reads library text and checks every set is usable (an owner, principles with titles, and an
    /// `http(s)` source, since the address is shown as a link).
    pub fn parse(text: &str) -> Result<Library, LibraryError> {
        let lib: Library = serde_json::from_str(text).map_err(|e| LibraryError::NotJson(e.to_string()))?;
        for (i, s) in lib.sets.iter().enumerate() {
            if s.owner.trim().is_empty()
                || s.principles.is_empty()
                || s.principles.iter().any(|p| p.title.trim().is_empty())
            {
                return Err(LibraryError::Incomplete(i));
            }
            let src = s.source.trim();
            if !(src.starts_with("https://") || src.starts_with("http://")) || src.chars().any(char::is_whitespace) {
                return Err(LibraryError::BadSource(i));
            }
        }
        Ok(lib)
    }

    /// How many principles the library holds in all.
    pub fn len(&self) -> usize {
        self.sets.iter().map(|s| s.principles.len()).sum()
    }

    /// Whether the library holds no principle.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Looks up one principle.
    pub fn get(&self, hit: Hit) -> Option<(&PrincipleSet, &Entry)> {
        let set = self.sets.get(hit.set)?;
        Some((set, set.principles.get(hit.principle)?))
    }

    /// Principles matching every word of the query (case and accents ignored; `eigen regie`
    /// finds "Eigen regie" and "de regie ligt bij de inwoner zelf, met eigen kracht"), best
    /// first: the whole phrase in the title, then every word in the title, then anywhere
    /// (explanation, owner). An empty query gives everything in library order.
    ///
    /// Where no principle has the words, the cluster suggestions' normalisation is used: a word
    /// matches another form of it (`ontschotten` finds "ontschotting", by stem or compound
    /// part) and the words of a lexicon concept match the same idea in other words
    /// (`dichtbij huis` finds "zorg dichtbij").
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let literal = self.search_words(query);
        if !literal.is_empty() || query.trim().is_empty() {
            return literal;
        }
        self.search_normalised(query)
    }

    /// [`Library::search`]'s second try ([`normalised::Index::search`] over this library):
    /// every content word of the query is found by stem, as a compound part, or through a
    /// lexicon concept the principle shares; best first by how many of them the title has.
    pub fn search_normalised(&self, query: &str) -> Vec<Hit> {
        let texts = self.normalised_texts();
        let index = normalised::Index::new(texts.iter().map(|(t, r)| (*t, r.as_str())));
        self.hits_at(index.search(query))
    }

    /// The principles at these places of [`Library::hits`], in the order given; a place the
    /// library does not have is left out.
    pub fn hits_at(&self, places: impl IntoIterator<Item = usize>) -> Vec<Hit> {
        let all = self.hits();
        places.into_iter().filter_map(|i| all.get(i).copied()).collect()
    }

    /// Every principle in library order, as the places of a [`normalised::Index`] are counted.
    pub fn hits(&self) -> Vec<Hit> {
        self.sets
            .iter()
            .enumerate()
            .flat_map(|(si, set)| (0..set.principles.len()).map(move |pi| Hit { set: si, principle: pi }))
            .collect()
    }

    /// What [`normalised::Index`] reads of every principle, in library order: its title, and
    /// its explanation with the set's owner and what the document is.
    pub fn normalised_texts(&self) -> Vec<(&str, String)> {
        self.sets
            .iter()
            .flat_map(|set| {
                set.principles.iter().map(move |p| {
                    (
                        p.title.as_str(),
                        format!("{} {} {}", p.explanation.as_deref().unwrap_or(""), set.owner, set.about),
                    )
                })
            })
            .collect()
    }

    /// The literal search: every query word in the folded text (the first of
    /// [`Library::search`]; it needs no more than [`fold`], so the workshop page runs it itself).
    pub fn search_words(&self, query: &str) -> Vec<Hit> {
        let q = fold(query);
        let words: Vec<&str> = q.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let phrase = words.join(" ");
        let mut scored: Vec<(u8, Hit)> = Vec::new();
        for (si, set) in self.sets.iter().enumerate() {
            let owner = fold(&set.owner);
            let about = fold(&set.about);
            for (pi, p) in set.principles.iter().enumerate() {
                let hit = Hit { set: si, principle: pi };
                if words.is_empty() {
                    scored.push((0, hit));
                    continue;
                }
                let title = squash(&fold(&p.title));
                let explanation = p.explanation.as_deref().map(fold).unwrap_or_default();
                let all = format!("{title} {} {owner} {about}", squash(&explanation));
                if !words.iter().all(|w| all.contains(w)) {
                    continue;
                }
                let score = if title.contains(&phrase) {
                    3
                } else if words.iter().all(|w| title.contains(w)) {
                    2
                } else {
                    1
                };
                scored.push((score, hit));
            }
        }
        // Stable: equal scores keep library order.
        crate::order::sort_by_key(&mut scored, |s| std::cmp::Reverse(s.0));
        scored.into_iter().map(|(_, h)| h).collect()
    }
}

/// Punctuation to spaces and runs of spaces to one, so a phrase matches across "regie," or "(eigen)".
fn squash(folded: &str) -> String {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

impl PrincipleSet {
    /// The name of the workshop source a borrowed principle goes under: the owner and the year,
    /// "Gemeente Zutphen (2017)", short enough for a source title.
    pub fn source_title(&self) -> String {
        let name = match self.year {
            Some(y) => format!("{} ({y})", self.owner.trim()),
            None => self.owner.trim().to_string(),
        };
        shorten(&name, limits::SOURCE_TITLE)
    }

    /// The notes of that source: what the document is and where it was published.
    pub fn source_notes(&self) -> String {
        let about = self.about.trim();
        let notes =
            if about.is_empty() { self.source.trim().to_string() } else { format!("{about}\n{}", self.source.trim()) };
        shorten(&notes, limits::SOURCE_NOTES)
    }
}

impl Entry {
    /// The text of the card made from this principle: the title verbatim, shortened with "…"
    /// (at a word) only when it is longer than a card may be.
    pub fn card_text(&self) -> String {
        shorten(self.title.trim(), limits::CARD)
    }
}

/// At most `max` characters; longer text is cut at a word and ends with "…".
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':']))
}
