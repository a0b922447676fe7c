//! The curated lexicon: concepts of the social domain and the Dutch wordings that mean them.
//!
//! A concept is a recurring idea of *leidende principes* in youth care, Wmo, participation and
//! welfare (the guide of Movisie and NJi, and the vocabulary of municipal policy pages): for
//! example `eigen kracht`, `dichtbij`, `integraal werken`. Each has a short Dutch label (shown to
//! the user as the reason for a group) and a list of *terms*: the words and phrases in which it
//! shows up. Two statements that use different terms of one concept ("eigen regie" and
//! "zelfredzaamheid") share that concept as a feature, so they look alike even without a word in
//! common.
//!
//! Term syntax (all matching is on folded, lower-case tokens):
//! - `kracht`     a word, compared by its Snowball stem (`krachten` matches too);
//! - `wijk*`      a word *prefix*, for Dutch compounds (`wijkteam`, `wijkgerichtheid`, `wijken`);
//! - `*regie`     a word *suffix*, for compound heads (`procesregie`);
//! - `=regels`    exactly this (folded) word, where the stem would be too wide (`regelen`);
//! - `eigen kracht` a phrase: its words in this order, at most [`MAX_GAP`] other words between two
//!   of them (`zo licht en zo nabij als mogelijk` matches `zo licht`; `1 gezin, 1 plan` matches
//!   `gezin plan`).
//!
//! Longer phrases are matched first and each token is used by at most one term, so
//! `eigen regie` is read as *eigen kracht* and never also as *regie en sturing*; among terms of
//! equal length the concept listed first wins.
//!
//! The list is general vocabulary of the field, drawn from the guide's examples and the theme
//! definitions, not from particular statements. Add to it freely: a term is one line.

use super::normalise::{fold, stem, Token};
use std::collections::HashMap;
use std::sync::OnceLock;

/// At most this many tokens may stand between two words of a phrase term.
pub const MAX_GAP: usize = 2;

/// One concept of the field.
#[derive(Debug)]
pub struct Concept {
    /// Stable identifier.
    pub id: &'static str,
    /// Dutch label, shown as the reason for a group.
    pub label: &'static str,
    /// A broader concept (by id) this one belongs to; statements with either get partial credit.
    pub broader: Option<&'static str>,
    /// The wordings (see the module documentation for the syntax), separated by `|`: one string
    /// is the most compact form in the page (a list of strings costs a pointer and a length per
    /// term). [`Concept::terms`] gives them one by one.
    pub terms: &'static str,
}

impl Concept {
    /// The wordings one by one, as written.
    pub fn terms(&self) -> impl Iterator<Item = &'static str> {
        self.terms.split('|').map(str::trim).filter(|t| !t.is_empty())
    }
}

/// The lexicon. Order matters only for ties between terms of equal length.
pub const CONCEPTS: &[Concept] = &[
    Concept {
        id: "eigen_kracht",
        label: "eigen kracht",
        broader: None,
        terms: "\
            eigen kracht|eigen kracht*|zelfredzaam*|zelfredzaamheid|eigen regie|zelf regie|\
            zelfregie|regie over eigen leven|regie eigen leven|eigen verantwoordelijk*|\
            zelf verantwoordelijk*|verantwoordelijk*|zelf kan|zelf kunnen|zelf doen|\
            zelfstandig*|eigen mogelijkheden|=mogelijkheden|eigen kunnen|samenredzaam*|\
            samenkracht|veerkracht*|niet overnemen|niet over te nemen|zichzelf|eigen leven|\
            eigenaarschap|autonomie|zelf oplossen|regie bij de inwoner|regie op eigen",
    },
    Concept {
        id: "sociaal_netwerk",
        label: "sociaal netwerk",
        broader: Some("eigen_kracht"),
        terms: "\
            sociale netwerk|sociaal netwerk|netwerk*|mantelzorg*|vrijwillig*|familie|buren|\
            vrienden|sociale omgeving|sociale steun|wederkerig*|gebruikelijke zorg|\
            informele zorg|informele steun|burenhulp|naasten|sociale contacten",
    },
    Concept {
        id: "normaliseren",
        label: "normaliseren",
        broader: None,
        terms: "\
            normalis*|normaal|gewoon|gewone|ontzorg*|medicalis*|demedicalis*|\
            niet onnodig medicaliseren|kleine problemen klein|label*|niemand is normaal|\
            pedagogisch*|opvoedklimaat|ontproblematiser*|niet problematiseren|\
            niet alles is een probleem|diagnose*",
    },
    Concept {
        id: "opvoeden",
        label: "opvoeding",
        broader: None,
        terms: "\
            opvoed*|ouderschap|opgroei*|opgroeien",
    },
    Concept {
        id: "sociale_basis",
        label: "sociale basis",
        broader: None,
        terms: "\
            sociale basis|sociaal basis|basisvoorziening*|algemene voorziening*|\
            collectieve voorziening*|collectie*|voorliggend*|voorliggend veld|regulier*|\
            welzijn*|aangrenzende domein*|civil society|aanvullend*|subsidiariteit|\
            basisinfrastructuur|algemeen toegankelijk*|bestaanszekerheid|\
            maatschappelijke opvang|vangnet",
    },
    Concept {
        id: "meedoen",
        label: "meedoen",
        broader: None,
        terms: "\
            meedoen|meedoet|mee doen|mee laten doen|doet mee|doen mee|participatie*|particip*|\
            naar vermogen|inclusie*|inclusief*|arbeidsmarkt*|talent*|kansen*|kansengelijkheid|\
            werk naar vermogen|iedereen doet mee|bijdragen|bijdrage*|betaald werk|arbeid*|baan|\
            banen|ontwikkelkans*|erbij horen|ontmoeting*|eenzaam*",
    },
    Concept {
        id: "preventie",
        label: "preventie",
        broader: None,
        terms: "\
            preventie*|preventief*|voorkom*|voorkomen|eerder erbij|er eerder bij|vroegsignal*|\
            vroeg*|signaler*|signal*|gezondheid*|erger voorkomen|vroeg erbij|eerder bij|\
            vroegtijdig*|escalatie voorkomen|gezond*",
    },
    Concept {
        id: "dichtbij",
        label: "dichtbij",
        broader: None,
        terms: "\
            dichtbij|dicht bij|dicht bij huis|dichtbij huis|nabij*|wijk*|buurt*|dorp*|\
            kerngericht*|lokaal|lokale|thuis|eigen omgeving|vertrouwde omgeving|leefomgeving|\
            outreach*|laagdrempelig*|in de buurt|in de wijk|om de hoek|nabijheid|gezinsgericht*|\
            gezinsvorm*",
    },
    Concept {
        id: "licht_zwaar",
        label: "zo licht als mogelijk",
        broader: Some("dichtbij"),
        terms: "\
            zo licht|licht als mogelijk|zwaar als nodig|zo zwaar|thuis tenzij|lichte hulp|\
            lichte ondersteuning|lichtere",
    },
    Concept {
        id: "integraal",
        label: "integraal werken",
        broader: None,
        terms: "\
            integra*|ontschot*|ontkoker*|gezin plan|huishouden plan|een plan|plan regisseur|\
            een regisseur|een coordinator|een contactpersoon|samenhang*|erbij halen|\
            erbij te halen|niet doorverwijzen|leefgebied*|domeinoverstijgend*|\
            over domeinen heen|een loket|een aanspreekpunt|een gezicht|ketenaanpak|\
            integrale aanpak|over de schotten",
    },
    Concept {
        id: "eenvoud",
        label: "minder regels",
        broader: None,
        terms: "\
            eenvoud*|simpel*|minder regels|regeldruk*|=regels|regelgeving|regelarm*|bureaucrat*|\
            administratie*|administratieve last*|overzichtelijk*|rompslomp|papierwerk|\
            vereenvoudig*|ontregel*|terug naar de bedoeling|verantwoordingslast*|minder papier",
    },
    Concept {
        id: "professional",
        label: "ruimte voor de professional",
        broader: None,
        terms: "\
            ruimte voor de professional|professional*|professione*|vakmanschap|vakkracht*|\
            mandaat|vertrouwen*|handelingsruimte|doen wat nodig is|beroepskracht*|\
            handelingsvrijheid|professionele ruimte|discretionaire ruimte",
    },
    Concept {
        id: "inwoner_centraal",
        label: "inwoner centraal",
        broader: None,
        terms: "\
            centraal|staat centraal|staan centraal|maatwerk*|op maat|keuzevrij*|vraaggericht*|\
            luister*|perspectief|menselijke maat|passend*|juiste zorg|juiste hulp|\
            juiste ondersteuning|in een keer|leefwereld|toegankelijk*|wachtlijst*|wachttijd*|\
            tijdig*|snel*|vraag van de inwoner|behoefte*|client*|cliënt*|vraag achter de vraag|\
            mensgericht*|persoonsgericht*|mens centraal|wensen",
    },
    Concept {
        id: "samenwerking",
        label: "samenwerking",
        broader: None,
        terms: "\
            samenwerk*|samen|partnerschap*|partner*|cocreatie|co creatie|afstem*|ketenpartner*|\
            met elkaar|samen optrekken|verbinding*|verbind*|initiatie*|gezamenlijk*|\
            gemeenschappelijk*|solidair*|samenspel|coalitie*|allian*|regionaal*|regio|\
            bovenregionaal*",
    },
    Concept {
        id: "sturing",
        label: "regie en sturing",
        broader: None,
        terms: "\
            regie|*regie|sturing|sturen|stuur*|opdrachtgever*|opdracht*|resultaat*|resultaten|\
            meetba*|monitor*|contract*|gecontracteerd*|inkoop|ingekocht*|financier*|financ*|\
            budget*|pgb|persoonsgebonden budget|betaalba*|kosten*|lasten en baten|doelmatig*|\
            efficien*|beheers*|overheidsgeld|middelen|aanbieder*|stelsel*|bezuinig*|geld|\
            resultaatgericht*|outcome*|prestatie*|verantwoording|kostenbewust*|toezicht",
    },
    Concept {
        id: "leren",
        label: "leren en verbeteren",
        broader: None,
        terms: "\
            leren|lerend*|innov*|vernieuw*|verbeter*|data*|kennis*|wat werkt|experiment*|\
            reflect*|borg*|evalu*|onderzoek*|effectiviteit|bewezen|lerende organisatie|evidence|\
            praktijkkennis|ontwikkelen en leren|pilot*|proeftuin*",
    },
    Concept {
        id: "veiligheid",
        label: "veiligheid en kwaliteit",
        broader: None,
        terms: "\
            veilig*|onveilig*|kwaliteit*|bescherm*|kwetsba*|besluitvorming|zorgvuldig*|\
            uithuisplaats*|ondergrens|jeugdbescherming|huiselijk geweld|kindermishandeling|\
            geweld*|crisis*|zorgplicht|risico*",
    },
];

/// How one word of a term is compared with a token.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Word {
    Stem(String),
    Prefix(String),
    Suffix(String),
    Exact(String),
}

impl Word {
    fn parse(raw: &str) -> Option<Word> {
        let f = fold(raw);
        if let Some(p) = f.strip_suffix('*') {
            (!p.is_empty()).then(|| Word::Prefix(p.to_string()))
        } else if let Some(e) = f.strip_prefix('=') {
            (!e.is_empty()).then(|| Word::Exact(e.to_string()))
        } else if let Some(s) = f.strip_prefix('*') {
            (!s.is_empty()).then(|| Word::Suffix(s.to_string()))
        } else if f.is_empty() {
            None
        } else {
            Some(Word::Stem(stem(&f)))
        }
    }

    fn matches(&self, t: &Token) -> bool {
        match self {
            Word::Stem(s) => t.stem == *s || t.folded == *s,
            Word::Prefix(p) => t.folded.starts_with(p.as_str()),
            Word::Suffix(s) => t.folded.ends_with(s.as_str()),
            Word::Exact(e) => t.folded == *e,
        }
    }
}

#[derive(Debug, PartialEq)]
struct Term {
    concept: usize,
    words: Vec<Word>,
}

/// The compiled lexicon: terms in matching order (longest first, then listing order).
#[derive(Debug, PartialEq)]
pub struct Lexicon {
    terms: Vec<Term>,
    /// Terms (by index) whose first word is compared by stem, keyed by that stem.
    by_stem: HashMap<String, Vec<usize>>,
    /// Terms whose first word is a prefix, keyed by the prefix's first byte.
    by_prefix: HashMap<u8, Vec<usize>>,
    /// Terms whose first word is a suffix.
    by_suffix: Vec<usize>,
    /// For each concept, the index of its broader concept.
    broader: Vec<Option<usize>>,
}

/// A concept found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into [`CONCEPTS`].
    pub concept: usize,
    /// Indices of the tokens that matched the term's words.
    pub tokens: Vec<usize>,
}

impl Lexicon {
    fn build() -> Lexicon {
        Lexicon::build_filtered(&|_, _| true)
    }

    /// A lexicon of only the terms for which `keep(concept index, term as written)` holds: the
    /// evaluation leaves out the terms that may have been written from a held-out set.
    pub fn build_filtered(keep: &dyn Fn(usize, &str) -> bool) -> Lexicon {
        let mut terms = Vec::new();
        for (ci, c) in CONCEPTS.iter().enumerate() {
            for raw in c.terms().filter(|raw| keep(ci, raw)) {
                let words: Option<Vec<Word>> = raw.split_whitespace().map(Word::parse).collect();
                if let Some(words) = words {
                    if !words.is_empty() {
                        terms.push(Term { concept: ci, words });
                    }
                }
            }
        }
        // Stable sort: longest phrase first, then the listing order.
        crate::order::sort_by_key(&mut terms, |t| std::cmp::Reverse(t.words.len()));
        let broader =
            CONCEPTS.iter().map(|c| c.broader.and_then(|b| CONCEPTS.iter().position(|d| d.id == b))).collect();
        let mut by_stem: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_prefix: HashMap<u8, Vec<usize>> = HashMap::new();
        let mut by_suffix = Vec::new();
        for (ti, t) in terms.iter().enumerate() {
            match t.words.first() {
                Some(Word::Stem(s)) | Some(Word::Exact(s)) => by_stem.entry(s.clone()).or_default().push(ti),
                Some(Word::Prefix(p)) => {
                    if let Some(&b) = p.as_bytes().first() {
                        by_prefix.entry(b).or_default().push(ti);
                    }
                }
                Some(Word::Suffix(_)) => by_suffix.push(ti),
                None => {}
            }
        }
        Lexicon { terms, by_stem, by_prefix, by_suffix, broader }
    }

    /// The shared, compiled lexicon (built once).
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    /// The broader concept of `concept`, if any.
    pub fn broader(&self, concept: usize) -> Option<usize> {
        self.broader.get(concept).copied().flatten()
    }

    /// The terms (indices in matching order, ascending) whose first word matches `t`: where a
    /// phrase may start at this token. A reader that meets a word many times works this out
    /// once and passes it to [`Lexicon::find_words`].
    pub fn starts(&self, t: &Token) -> Vec<u32> {
        let first_matches =
            |ti: usize| self.terms.get(ti).and_then(|term| term.words.first()).is_some_and(|w| w.matches(t));
        let mut out: Vec<u32> = Vec::new();
        for key in [&t.stem, &t.folded] {
            if let Some(list) = self.by_stem.get(key.as_str()) {
                out.extend(list.iter().filter(|&&ti| first_matches(ti)).map(|&ti| ti as u32));
            }
        }
        if let Some(list) = t.folded.as_bytes().first().and_then(|b| self.by_prefix.get(b)) {
            out.extend(list.iter().filter(|&&ti| first_matches(ti)).map(|&ti| ti as u32));
        }
        out.extend(self.by_suffix.iter().filter(|&&ti| first_matches(ti)).map(|&ti| ti as u32));
        // Mostly none or one: sort (the app's sort allocates) only when out of order.
        if out.windows(2).any(|w| w[0] >= w[1]) {
            crate::order::sort(&mut out);
            out.dedup();
        }
        out
    }

    /// Find the concepts in a token sequence. Returns the hits and, per token, whether a hit
    /// used it.
    pub fn find(&self, tokens: &[Token]) -> (Vec<Hit>, Vec<bool>) {
        let starts: Vec<Vec<u32>> = tokens.iter().map(|t| self.starts(t)).collect();
        let refs: Vec<(&Token, &[u32])> = tokens.iter().zip(&starts).map(|(t, s)| (t, s.as_slice())).collect();
        self.find_words(&refs)
    }

    /// [`Lexicon::find`] on tokens given with their [`Lexicon::starts`].
    pub fn find_words(&self, tokens: &[(&Token, &[u32])]) -> (Vec<Hit>, Vec<bool>) {
        let n = tokens.len();
        let mut used = vec![false; n];
        let mut hits = Vec::new();
        if n == 0 {
            return (hits, used);
        }
        // Candidate starts: (term, token) pairs whose first word matches, tried in priority
        // order (longest term first, then listing order).
        let mut candidates: Vec<(u32, u32)> = Vec::new();
        for (i, (_, starts)) in tokens.iter().enumerate() {
            candidates.extend(starts.iter().map(|&ti| (ti, i as u32)));
        }
        crate::order::sort(&mut candidates);
        let mut matched: Vec<usize> = Vec::with_capacity(8);
        for (ti, i) in candidates {
            let i = i as usize;
            if used[i] {
                continue;
            }
            let Some(term) = self.terms.get(ti as usize) else { continue };
            matched.clear();
            matched.push(i);
            let mut pos = i;
            let mut ok = true;
            for w in term.words.iter().skip(1) {
                let hi = (pos + 1 + MAX_GAP).min(n - 1);
                match (pos + 1..=hi).find(|&j| !used[j] && w.matches(tokens[j].0)) {
                    Some(j) => {
                        matched.push(j);
                        pos = j;
                    }
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                for &j in &matched {
                    used[j] = true;
                }
                hits.push(Hit { concept: term.concept, tokens: matched.clone() });
            }
        }
        crate::order::sort_by_key(&mut hits, |h| h.tokens.first().copied().unwrap_or(0));
        (hits, used)
    }
}

/// The concepts (as indices into [`CONCEPTS`]) a text mentions, in order of appearance,
/// without repeats. Handy in tests: `concepts_of("meer zelfredzaamheid")`.
pub fn concepts_of(text: &str) -> Vec<usize> {
    let tokens = super::normalise::tokenize(text);
    let (hits, _) = Lexicon::get().find(&tokens);
    let mut out: Vec<usize> = Vec::new();
    for h in hits {
        if !out.contains(&h.concept) {
            out.push(h.concept);
        }
    }
    out
}

/// The ids of the concepts a text mentions (see [`concepts_of`]).
pub fn concept_ids_of(text: &str) -> Vec<&'static str> {
    concepts_of(text).into_iter().filter_map(|c| CONCEPTS.get(c).map(|c| c.id)).collect()
}
