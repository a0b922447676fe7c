//! Dutch compounds split into known words, so that their parts can match across cards:
//! `keukentafelgesprek` shares `gesprek` with `het gesprek aan de keukentafel`,
//! `jeugdhulpverlening` shares `hulpverlening` with `hulpverlening dichtbij`.
//!
//! A word is split where both sides are *known*: a word written on its own somewhere on the
//! board (the corpus' own words), or one of the [`GENERAL_PARTS`] (common Dutch compound parts).
//! The last part (the head, which carries the meaning in Dutch) is taken as long as possible;
//! the rest may itself be a compound or end in a linking `s`, `e` or `en`
//! (`gezondheid|s|zorg`). Failing that, a known head of five letters or more is split off on
//! its own. A word without a known head stays whole.

use std::cell::RefCell;
use std::collections::HashMap;

/// Shortest part a compound is split into: shorter pieces (`ont`, `heid`) are affixes, not words.
pub const MIN_PART: usize = 4;

/// Common Dutch words that often stand in compounds of the social domain's general language,
/// so that a split does not depend on the part being written alone on the same board. Taken
/// from the method's own texts (`data/method/`), kept where they are frequent Dutch words
/// (wordfreq, Dutch list); `scripts/compound-parts.py` makes the list. One string, split on white
/// space, is the most compact form in the page.
pub const GENERAL_PARTS: &str = "\
aanbod aandacht aansluit aantal accountant acht achtergrond activiteit activiteiten actuele \
adviseur afleiding afscheid afspraken agenda algemeen ambtenaar ambtenaren amsterdam ander \
anderen anders antwoord arend artikel auteurs basis bedenk beeld beelden begin behalve behoeften \
belang belangen belangrijk beleid beleving belicht beperking bericht beschikbaar besloten \
bespreek best bestaan beste bestuur betaalbaar betalen betekenis beter betrokken betrouwbaar \
beurt bewegen bieden bijstand bijt binnen blijf blijft blijven blijvend blijvende blik boodschap \
boodschappen boren boven brede breed brengen bron bronnen bruikbaar budget buiten burger \
categorie client college combinatie complex compliment contact continu contract control controle \
cyclus daarop daarvan dank data deden deed deel delen denken derde dichter dienen dijk diner \
dingen directe divers documenten doel doen doet domein draag draagt dragen drie dure duurzaam \
dynamische echt eend eenvoud eerste effect effecten eigen eind eisen elders enthousiast erik \
erover eruit ervan ervaring even factoren fiets financiering functie gaan gaat gang gaven gaza \
gebeurt gebracht gebruik gedeeld gedrag gedragen geeft gekozen geld gelegd gelegenheid gemaakt \
gemeente gemeenten gemeenteraad gemeentes genoeg genoemd gericht gesneden gesprek gesprekken \
gesteld geval geven gevoel gewerkt gezet gezin gezondheid goed goede grip groep groot haarlem \
halen hand handelen handen handig harde hart hebt heel heen hele hendriks hiervan hoofd hoog \
hoogte hoor hoorde hoort houd houden houding houdt huis hulp idee identiteit ieder individu \
informatie ingezet initiatief initiatieven inrichting instantie instanties instellingen \
instrument intensief intern interne inzet inzicht israel jaar jaren kant karin kennis kent kern \
keuze kijken kinderen klas koffie komen komende komt korte kost kosten kracht krijg krijgen \
krijgt kring kwaliteit kwam laat laatste lagen landen lange langer langs last lasten lastig \
laten lees leggen leiden leidende leidt leren levend levendig levert lichten liggen ligt lijkt \
lijn lijnen lijst literatuur logisch logische loopt luis lukt lukte maak maakt maand maat maken \
management mede meer meld mensen minder minst minuten missie moest mogelijk moment mooie more \
morgen naast nader namelijk nederlands neem neemt nemen neutraal niemand niet nieuw nieuwe \
nieuws nodig normaal nummer ogen omgang omgeving onder onderdeel onderwerp onderzoek \
ontwikkeling opdracht opdrachten oplossing organisatie organisaties overeen overtuiging \
overzicht pagina pakt partijen partners past peil percentage periode persoonlijk plaats plan \
plek plus politiek pols pool praktijk praten principes problemen proces processen producten \
professional publicatie punt putten raad raakt raken recht regels regio regisseur resultaat \
resultaten richt richten richting rijden rijst rollen ruimte samen samenhang samenwerking \
scholen school sites situatie slag slim sluit snel sociaal sociale soort speelt spelen sporen \
sport spreken staan staande staat stam stap stappen stel stellen stelt sterk steun stromen \
structuur sturen subsidie systeem systemen tafel tegelijk termijn terug thema theorie thuis tijd \
tijden toegang toegankelijk toekomst toepassing toets tussen twee type typen uitgaan \
universiteit utrecht vanzelf vast vasthouden veiligheid vele velen verandering verband verbazing \
verbonden verder verkiezing verschil versie verspreid vertaling vertrekken vertrouwen verwacht \
verwachting vijf vind vinden vindt vinger visie vlakken voeren voert voeten volgen volgend \
volgende volgens volledig vond vooral voorbeeld voorkeur voorkom voorkomende voorop voorzitter \
vorm vraag vraagt vragen vreemde vrij waarden warm website weer wees weet welzijn wens werk \
werken werkgroep werkt werkte weten wijk wijken wonen woord woorden word zaak zagen zaken zeggen \
zeker zelf zelfstandig zette zetten zicht zien ziet zitten zoek zonder zorg zorgen zorgt zover";

/// The words a board knows: its cards' words (folded) and their stems, plus [`GENERAL_PARTS`].
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Sorted, without repeats (a binary search is as quick here as a hash set, and smaller).
    words: Vec<String>,
    /// Splits already made, the parts joined by spaces: a board repeats its words. (A map of
    /// strings to strings, as the stem cache has, adds no code to the page.)
    splits: RefCell<HashMap<String, String>>,
}

impl Known {
    /// Known words from the folded words and stems of the board.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Known {
        let mut list: Vec<String> = GENERAL_PARTS.split_whitespace().map(str::to_string).collect();
        list.extend(words.into_iter().filter(|w| w.len() >= MIN_PART).map(str::to_string));
        list.sort_unstable();
        list.dedup();
        Known { words: list, splits: RefCell::new(HashMap::new()) }
    }

    fn has(&self, w: &str) -> bool {
        w.len() >= MIN_PART && self.words.binary_search_by(|k| k.as_str().cmp(w)).is_ok()
    }

    /// The parts of a folded word, or an empty list if it is not a compound of known words.
    /// At most four parts; only ASCII words of at least twice [`MIN_PART`] letters are tried.
    pub fn split(&self, word: &str) -> Vec<String> {
        if word.len() < 2 * MIN_PART {
            return Vec::new();
        }
        if let Some(parts) = self.splits.borrow().get(word) {
            return parts.split_whitespace().map(str::to_string).collect();
        }
        let parts = self.split_uncached(word);
        let mut cache = self.splits.borrow_mut();
        if cache.len() < 100_000 {
            cache.insert(word.to_string(), parts.join(" "));
        }
        parts
    }

    fn split_uncached(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        if !word.is_ascii() || word.len() < 2 * MIN_PART || word.len() > 48 {
            return out;
        }
        if self.split_into(word, 3, &mut out) {
            return out;
        }
        // Else only a known head of at least five letters (`keukentafel|gesprek` on a board
        // that has `gesprek`): the head carries a Dutch compound's meaning.
        for i in MIN_PART..=word.len().saturating_sub(MIN_PART + 1) {
            let (left, head) = word.split_at(i);
            if self.has(head) {
                return vec![left.to_string(), head.to_string()];
            }
        }
        Vec::new()
    }

    fn split_into(&self, word: &str, depth: usize, out: &mut Vec<String>) -> bool {
        // The longest known head first.
        for i in MIN_PART..=word.len().saturating_sub(MIN_PART) {
            let (left, head) = word.split_at(i);
            if !self.has(head) {
                continue;
            }
            let mut stems: Vec<&str> = vec![left];
            for link in ["s", "e", "en"] {
                if let Some(l) = left.strip_suffix(link) {
                    stems.push(l);
                }
            }
            for l in stems {
                if self.has(l) {
                    out.push(l.to_string());
                    out.push(head.to_string());
                    return true;
                }
            }
            if depth > 1 && left.len() >= 2 * MIN_PART {
                let mut sub = Vec::new();
                if self.split_into(left, depth - 1, &mut sub) {
                    out.extend(sub);
                    out.push(head.to_string());
                    return true;
                }
            }
        }
        false
    }
}
