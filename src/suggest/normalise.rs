//! Dutch normalisation: case, diacritics, tokens, stop words and the Snowball stemmer.
//!
//! Every step is total: any `&str` (empty, emoji, right-to-left marks, combining accents,
//! 10 000 characters without a space) gives a (possibly empty) list of tokens, never a panic.

use rust_stemmers::{Algorithm, Stemmer};

/// Tokens longer than this (in bytes, after folding) are kept whole but not stemmed: they are
/// noise (pasted URLs, keyboard mashing) and the stemmer need not see them.
const MAX_STEM_LEN: usize = 48;

/// One word of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lower case, diacritics removed (`één` -> `een`, `cliënt` -> `client`), the numeral `1` -> `een`.
    pub folded: String,
    /// The Snowball (Dutch) stem of `folded`; equal to `folded` for non-ASCII or very long tokens.
    pub stem: String,
    /// The original word in lower case, diacritics kept: what a person would recognise.
    pub surface: String,
    /// True for Dutch function words (`de`, `het`, `en`, `we` ...) and bare numbers.
    pub stop: bool,
}

/// Lower-case `c` and strip its diacritics, pushing the result (zero or more chars) onto `out`.
/// Combining marks (U+0300..U+036F, as in decomposed `e\u{301}`) are dropped.
pub fn fold_char_into(c: char, out: &mut String) {
    for l in c.to_lowercase() {
        let mapped: &str = match l {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
            'ĳ' => "ij",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'œ' => "oe",
            'ŕ' | 'ř' => "r",
            'ß' => "ss",
            'ś' | 'š' | 'ş' => "s",
            'ť' | 'ţ' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            '\u{0300}'..='\u{036F}' => "",
            _ => {
                out.push(l);
                continue;
            }
        };
        out.push_str(mapped);
    }
}

/// Lower case and diacritics removed, everything else kept: `"Één Gezin"` -> `"een gezin"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

/// Dutch function words: the Snowball Dutch stop list plus a few more (`we`, `onze`, `zodat` ...).
/// Deliberately *not* here: `zelf`, `eigen`, `samen`, `meer`, `minder`, `niet`, `iedereen`: the
/// lexicon needs them (`zelf regie`, `minder regels`, `niet overnemen`) and they carry meaning.
/// From `boven` on: adpositions, adverbs and pronouns of general Dutch grammar, filler that must
/// never make two cards "share" something ("Maatwerk boven standaardoplossingen" is not about
/// prevention); the lexicon still sees them inside its phrases (`met elkaar`, `over domeinen
/// heen`). One string, split on white space: the most compact form in the page.
pub const STOP_WORDS: &str = "\
aan al alle alles als altijd andere ben bij cq daar daarbij daarmee daarom dan dat de der \
deze die dit doch door dus een eens en er ge geen geweest haar had heb hebben heeft hem het \
hier hierbij hij hoe hun ik in is ja je kan kon kunnen maar me men met mij mijn moet na \
naar nog nu o of om omdat on ons onze ook op over reeds te tegen toch toen tot u uit uw van \
via voor waar wanneer want waren was wat we werd wezen wie wij wil worden wordt ze zich zij \
zijn zo zoals zodat zou zal a b nl etc bv ca zullen willen wel veel iets niets iemand \
hierin waarbij waarin share Maatwerk boven standaardoplossingen boven onder langs heen \
elkaar binnen buiten achter naast tussen zonder sinds vanuit vanaf rond rondom per dankzij \
volgens tijdens voorbij zelfs daarna eerst steeds weer juist echt vooral even alleen nooit \
zeer heel erg enkel bijvoorbeeld elk elke ieder iedere welk welke waarom waardoor daarin \
daarvan daarvoor hiervoor hiermee ervan erop erin ermee eraan ten ter zowel noch hen jullie \
jouw werden kunt gaan gaat doet daardoor waarmee waarop hierdoor anders verder ergens";

/// True if the folded word is a stop word (or a bare number).
pub fn is_stop_word(folded: &str) -> bool {
    if folded.is_empty() || folded.bytes().all(|c| c.is_ascii_digit()) {
        return true;
    }
    // Sorted once: a binary search instead of comparing with every stop word (this is asked
    // for every word and every compound part of a board).
    // (A list of `String`s, as the weak words are kept: the page then holds one copy of the code.)
    static SORTED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut v: Vec<String> = STOP_WORDS.split_whitespace().map(str::to_string).collect();
        crate::order::sort(&mut v);
        v
    });
    sorted.binary_search_by(|w| w.as_str().cmp(folded)).is_ok()
}

/// The Dutch Snowball stem of a folded word (`zelfredzaamheid` -> `zelfredzam`,
/// `wijken` -> `wijk`). Non-ASCII and very long words are returned as they are.
pub fn stem(folded: &str) -> String {
    if folded.is_empty() || folded.len() > MAX_STEM_LEN || !folded.is_ascii() {
        return folded.to_string();
    }
    let stemmer = Stemmer::create(Algorithm::Dutch);
    undouble(stemmer.stem(folded).into_owned())
}

/// Snowball leaves some stems with a doubled final consonant (`gezinnen` -> `gezinn`, beside
/// `gezin` -> `gezin`); drop the second one so singular and plural meet.
fn undouble(mut s: String) -> String {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 4 && b[n - 1] == b[n - 2] && b[n - 1].is_ascii_lowercase() && !b"aeiouy".contains(&b[n - 1]) {
        s.pop();
    }
    s
}

/// A stemmer that remembers: a board repeats its words, and stemming is the costliest step of
/// normalisation.
pub struct Stems {
    stemmer: Stemmer,
    cache: std::collections::HashMap<String, String>,
}

impl Default for Stems {
    fn default() -> Self {
        Stems { stemmer: Stemmer::create(Algorithm::Dutch), cache: std::collections::HashMap::new() }
    }
}

impl Stems {
    /// Every word stemmed so far (folded) with its stem.
    pub fn words(&self) -> impl Iterator<Item = (&str, &str)> {
        self.cache.iter().map(|(w, s)| (w.as_str(), s.as_str()))
    }

    /// The stem of a folded word, as [`stem`] gives it.
    pub fn stem(&mut self, folded: &str) -> String {
        if folded.len() > MAX_STEM_LEN || !folded.is_ascii() {
            return folded.to_string();
        }
        if let Some(s) = self.cache.get(folded) {
            return s.clone();
        }
        let s = undouble(self.stemmer.stem(folded).into_owned());
        if self.cache.len() < 100_000 {
            self.cache.insert(folded.to_string(), s.clone());
        }
        s
    }
}

/// Split `text` into tokens: runs of letters and digits, after folding. Hyphens, slashes,
/// apostrophes, punctuation, emoji and invisible marks all separate words.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with(text, &mut Stems::default())
}

/// [`tokenize`] with a shared stem cache.
pub fn tokenize_with(text: &str, stems: &mut Stems) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut scratch = String::new();
    split_words(text, &mut scratch, |raw, scratch| {
        let (folded, surface) = fold_word(raw, scratch);
        let stop = is_stop_word(&folded);
        let stem = stems.stem(&folded);
        tokens.push(Token { folded, stem, surface, stop });
    });
    tokens
}

/// What a character is to the tokenizer.
#[derive(PartialEq)]
enum CharKind {
    /// Part of a word; a non-ASCII letter's folded form is in the scratch string.
    Letter,
    /// A combining mark: part of the word it follows, invisible in the folded form.
    Mark,
    /// Anything else: it ends a word.
    Separator,
}

fn char_kind(c: char, scratch: &mut String) -> CharKind {
    if c.is_ascii() {
        // Most characters: lower case is the whole fold, and nothing to look up.
        return if c.is_ascii_alphanumeric() { CharKind::Letter } else { CharKind::Separator };
    }
    scratch.clear();
    fold_char_into(c, scratch);
    if scratch.is_empty() {
        CharKind::Mark
    } else if scratch.chars().all(|x| x.is_alphanumeric()) {
        CharKind::Letter
    } else {
        CharKind::Separator
    }
}

/// Calls `word` with each word of `text` as written (a slice of `text`, from its first letter
/// up to the separator after it): what [`fold_word`] turns into one token. A board repeats its
/// words, so a reader can look the written word up before folding it.
pub(crate) fn split_words(text: &str, scratch: &mut String, mut word: impl FnMut(&str, &mut String)) {
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match char_kind(c, scratch) {
            CharKind::Letter => {
                start.get_or_insert(i);
            }
            CharKind::Mark => {}
            CharKind::Separator => {
                if let Some(s) = start.take() {
                    word(text.get(s..i).unwrap_or(""), scratch);
                }
            }
        }
    }
    if let Some(s) = start {
        word(text.get(s..).unwrap_or(""), scratch);
    }
}

/// A written word (from [`split_words`]) as (folded, surface): lower case without diacritics,
/// the numeral `1` read as `een`; and lower case as written.
pub(crate) fn fold_word(raw: &str, scratch: &mut String) -> (String, String) {
    let mut folded = String::with_capacity(raw.len());
    let mut surface = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_ascii() {
            let l = c.to_ascii_lowercase();
            folded.push(l);
            surface.push(l);
        } else if char_kind(c, scratch) == CharKind::Letter {
            folded.push_str(scratch);
            surface.extend(c.to_lowercase());
        }
    }
    if folded == "1" {
        folded = "een".to_string();
    }
    (folded, surface)
}

/// The content stems of a text, in order: what remains after folding, stop-word removal and
/// stemming. A convenience for tests and for the word-overlap baseline's richer cousin.
pub fn content_stems(text: &str) -> Vec<String> {
    tokenize(text).into_iter().filter(|t| !t.stop).map(|t| t.stem).collect()
}
