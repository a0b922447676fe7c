//! The library's second search, where the literal one ([`super::Library::search_words`]) finds
//! nothing: every content word of the query is found by stem, as a compound part, or through a
//! lexicon concept the principle shares (`ontschotten` finds "ontschotting", `dichtbij huis`
//! finds "zorg dichtbij").
//!
//! It uses the cluster suggestions' normalisation (the lexicon and its word lists, the Snowball
//! stemmer, the compound splitter), which the workshop page does not carry: the page asks the
//! suggestion module (`src/bin/suggest.rs`), which keeps an [`Index`] of the library's texts
//! (question and answer: [`super::wire`]). Natively, [`super::Library::search`] uses it directly.

use crate::suggest::compound::Known;
use crate::suggest::lexicon::Lexicon;
use crate::suggest::normalise::{stem, tokenize};

/// Every principle of a library as the normalised search reads it, in library order: its title,
/// and the rest of its text (explanation, the set's owner and what the document is).
pub struct Index {
    principles: Vec<(Side, Side)>,
}

impl Index {
    /// Reads each principle's (title, rest) once, so a search reads only the query.
    pub fn new<'a>(principles: impl IntoIterator<Item = (&'a str, &'a str)>) -> Index {
        Index {
            principles: principles.into_iter().map(|(title, rest)| (Side::read(title), Side::read(rest))).collect(),
        }
    }

    /// How many principles the index holds.
    pub fn len(&self) -> usize {
        self.principles.len()
    }

    /// Whether the index holds no principle.
    pub fn is_empty(&self) -> bool {
        self.principles.is_empty()
    }

    /// The principles (their places in the index) that have every content word of the query,
    /// by stem, as a compound part, or through a lexicon concept; best first by how many of
    /// them the title has, equal ones in library order. None for a query of only stop words.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let lexicon = Lexicon::get();
        let q = tokenize(query);
        let (q_hits, _) = lexicon.find(&q);
        // Per content word of the query: its stem and the concept of the phrase it is part of.
        let wanted: Vec<(String, Option<usize>)> = q
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.stop)
            .map(|(i, t)| (t.stem.clone(), q_hits.iter().find(|h| h.tokens.contains(&i)).map(|h| h.concept)))
            .collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        let found = |side: &Side, w: &(String, Option<usize>)| {
            side.stems.contains(&w.0) || w.1.map(|c| side.concepts.contains(&c)).unwrap_or(false)
        };
        let mut scored: Vec<(usize, usize)> = Vec::new();
        for (i, (title, rest)) in self.principles.iter().enumerate() {
            if !wanted.iter().all(|w| found(title, w) || found(rest, w)) {
                continue;
            }
            let in_title = wanted.iter().filter(|w| found(title, w)).count();
            scored.push((in_title, i));
        }
        // Stable: equal scores keep library order.
        crate::order::sort_by_key(&mut scored, |s| std::cmp::Reverse(s.0));
        scored.into_iter().map(|(_, i)| i).collect()
    }
}

/// A text as the normalised search sees it: content stems (with those of compound parts) and
/// lexicon concepts.
struct Side {
    stems: Vec<String>,
    concepts: Vec<usize>,
}

impl Side {
    fn read(text: &str) -> Side {
        let tokens = tokenize(text);
        let (hits, _) = Lexicon::get().find(&tokens);
        let known = Known::new(tokens.iter().filter(|t| !t.stop).map(|t| t.folded.as_str()));
        let mut stems: Vec<String> = Vec::new();
        for t in tokens.iter().filter(|t| !t.stop) {
            stems.push(t.stem.clone());
            stems.extend(known.split(&t.folded).iter().map(|part| stem(part)));
        }
        Side { stems, concepts: hits.into_iter().map(|h| h.concept).collect() }
    }
}
