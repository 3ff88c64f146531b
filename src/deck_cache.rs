//! A cache of parsed decks, so that starting a session with a large deck does not parse,
//! generate and lint the same TOML again: for a 10k-card deck that is most of the time from
//! launch to the first question.
//!
//! One file per deck path in the cache directory (`DATA_DIR/cache/decks/`), holding the deck
//! in postcard's compact binary form (twice as fast to read back as JSON) behind a key line:
//! the cache format, this recall's build, and the length and hash of the deck file's bytes. Anything that does not match (an edited deck, another build of
//! recall, a damaged file) is a miss and the deck is parsed as usual. Only decks that load
//! without errors and are big enough to be worth it are cached; their warnings are not kept,
//! so `recall check` never uses the cache.
//!
//! The cached form is its own set of serialisable structs, so the deck model stays free of
//! serde and free to change (a change is a compile error here, not a silent misreading).

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::deck::apart::{Giveaway, Place};

use crate::deck::{
    Answer, Apart, Card, CardId, Checking, ClozePart, Deck, DeckSettings, Fact, FactDate,
    FactHints, FactKind, Kind, Media, NewOrder, Shared, SourceRef, Span, TagLists, Text,
};
use crate::safe_file;

/// Decks smaller than this are parsed every time: it takes about a millisecond.
pub const MIN_CACHED_BYTES: usize = 64 * 1024;

/// Bumped whenever the cached structs below change.
const CACHE_FORMAT: u32 = 9;

/// Where parsed decks are kept.
#[derive(Debug, Clone)]
pub struct DeckCache {
    dir: PathBuf,
    build: String,
}

impl DeckCache {
    /// The cache in `dir`; temporary files that killed processes left there are removed.
    pub fn new(dir: impl Into<PathBuf>) -> DeckCache {
        let dir = dir.into();
        crate::safe_file::sweep(&dir);
        DeckCache {
            dir,
            build: build_id(),
        }
    }

    fn file_for(&self, path: &Path) -> PathBuf {
        let abs = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let name = fnv1a(abs.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{name:016x}.bin"))
    }

    fn key(&self, bytes: &[u8]) -> String {
        format!(
            "recall-deck-cache {CACHE_FORMAT} {} {} {:016x}",
            self.build,
            bytes.len(),
            content_hash(bytes)
        )
    }

    /// The deck parsed earlier from exactly these bytes at `path`, if cached.
    pub fn get(&self, path: &Path, bytes: &[u8]) -> Option<Deck> {
        let text = safe_file::read(&self.file_for(path)).ok()?;
        let newline = text.iter().position(|&b| b == b'\n')?;
        if text[..newline] != *self.key(bytes).as_bytes() {
            return None;
        }
        let cached: CDeck = postcard::from_bytes(&text[newline + 1..]).ok()?;
        Some(cached.into())
    }

    /// The id of the deck cached for exactly these bytes at `path`, read without decoding the
    /// rest: so that a session can start reading the deck's progress while the deck itself
    /// is decoded.
    pub fn peek_id(&self, path: &Path, bytes: &[u8]) -> Option<String> {
        use std::io::Read;
        let mut head = Vec::new();
        safe_file::open_read(&self.file_for(path))
            .ok()?
            .take(8 * 1024)
            .read_to_end(&mut head)
            .ok()?;
        let newline = head.iter().position(|&b| b == b'\n')?;
        if head[..newline] != *self.key(bytes).as_bytes() {
            return None;
        }
        // The id is the first field of the cached deck.
        let (id, _) = postcard::take_from_bytes::<String>(&head[newline + 1..]).ok()?;
        Some(id)
    }

    /// Keeps `deck`, parsed from `bytes` at `path`. Best effort: a cache that cannot be
    /// written only means the next start parses again.
    pub fn put(&self, path: &Path, bytes: &[u8], deck: &Deck) {
        let _ = self.try_put(path, bytes, deck);
    }

    fn try_put(&self, path: &Path, bytes: &[u8], deck: &Deck) -> std::io::Result<()> {
        safe_file::own_dir(&self.dir)?;
        // Written beside and renamed into place, so a reader never sees half a file; on a
        // full disk the partial temporary file is removed at once.
        safe_file::write_replacing(&self.file_for(path), |out| {
            writeln!(out, "{}", self.key(bytes))?;
            postcard::to_io(&deck_out(deck), out)
                .map(drop)
                .map_err(|e| std::io::Error::other(e.to_string()))
        })
    }
}

/// Identifies this build of recall, so a rebuilt loader never reads a deck cached by another:
/// the version and the executable's size and modification time.
pub(crate) fn build_id() -> String {
    let exe = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}-{mtime}", m.len())
        })
        .unwrap_or_else(|_| "unknown".to_string());
    format!("{}-{exe}", env!("CARGO_PKG_VERSION"))
}

/// The hash of a deck file's bytes in the cache key: foldhash with a fixed seed, which reads a
/// large deck in a fraction of a millisecond (FNV, one byte at a time, took about 2 ms for a
/// 10k-card deck, and a session hashes the deck twice). Not for bytes chosen to collide: the
/// deck file is the learner's own.
fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0x7265_6361_6c6c).hash_one(bytes)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A cached deck as read back.
type CDeck = CDeckOf<Vec<CFact>, Vec<CCard>>;

/// A cached deck. Written with its facts and cards as [`Lazy`] sequences, converted one at a
/// time as they are written (a copy of a million-card deck took 250 MB more at the peak), and
/// read back as [`CDeck`]: postcard writes a sequence as its length and its items, whatever
/// the type holding them, so both are the same bytes.
#[derive(Serialize, Deserialize)]
struct CDeckOf<F, C> {
    id: String,
    title: String,
    description: Option<String>,
    author: Option<String>,
    source: Option<CSource>,
    tags: Vec<Text>,
    seed: u64,
    settings: CSettings,
    facts: F,
    cards: C,
    /// `Deck::apart`: its keys sorted by card id, and what the file declared.
    apart: Vec<(Text, Vec<Text>)>,
    declared: Vec<(Text, Text, (usize, usize))>,
    /// `Apart::giveaways`: giver, victim, whether the victim is a whole fact, answer, place.
    giveaways: Vec<(usize, usize, bool, String, u8)>,
}

/// Items of a deck written as their cached form `C`, each converted as it is written.
struct Lazy<'a, T, C>(&'a [T], std::marker::PhantomData<C>);

impl<'a, T, C: From<&'a T> + Serialize> Serialize for Lazy<'a, T, C> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(C::from))
    }
}

fn lazy<T, C>(items: &[T]) -> Lazy<'_, T, C> {
    Lazy(items, std::marker::PhantomData)
}

#[derive(Serialize, Deserialize)]
struct CSource {
    title: String,
    author: Option<String>,
    date: Option<String>,
    publication: Option<String>,
    url: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct CSettings {
    new_per_day: Option<u32>,
    reviews_per_day: Option<u32>,
    learning_steps: Option<Vec<u32>>,
    relearning_steps: Option<Vec<u32>>,
    desired_retention: Option<f32>,
    day_start_hour: Option<u8>,
    leech_threshold: Option<u32>,
    maximum_interval: Option<u32>,
    exam: Option<String>,
    parameters: Option<Vec<f32>>,
    new_order: Option<bool>,
    fuzz: Option<bool>,
}

/// An answer: its text first, then the accepted alternatives.
type CAnswer = Vec<Text>;

#[derive(Serialize, Deserialize)]
struct CCard {
    id: Text,
    kind: CKind,
    prompt: Text,
    tags: Vec<Text>,
    explain: Option<String>,
    source: Option<Text>,
    fact: Option<Text>,
    span: (usize, usize),
    /// Files shown with the question, then with the answer.
    media: Option<(Vec<Text>, Vec<Text>)>,
    /// A name in either order, accents count, units converted.
    checking: (bool, bool, bool),
}

/// One piece of a cloze sentence.
#[derive(Serialize, Deserialize)]
enum CPart {
    Text(Text),
    Blank(CAnswer),
    Hint(Text),
}

#[derive(Serialize, Deserialize)]
enum CKind {
    Basic(Text),
    Typed(CAnswer),
    Choice(Vec<Text>, Vec<Text>),
    TrueFalse(bool),
    Number(f64, f64, Option<Text>),
    Year(i32, u32),
    Date(CDate),
    List(Vec<CAnswer>, bool),
    Order(Vec<Text>),
    Cloze(Vec<CPart>),
    Match(Vec<(Text, Text)>),
}

#[derive(Serialize, Deserialize)]
struct CFact {
    id: Text,
    kind: CFactKind,
    tags: Vec<Text>,
    explain: Option<Text>,
    source: Option<Text>,
    span: (usize, usize),
    hints: CHints,
}

/// `FactHints`: verb, current, item kind, place kind, prompts by form, wrong options by form.
#[derive(Serialize, Deserialize)]
struct CHints(
    Option<Text>,
    Option<bool>,
    Option<Text>,
    Option<Text>,
    Vec<(Text, Text)>,
    Vec<(Text, Vec<Text>)>,
);

type CDate = (i32, Option<u8>, Option<u8>);

#[derive(Serialize, Deserialize)]
enum CFactKind {
    Event(Text, CDate, Option<Text>),
    Place(Text, Text, CAnswer, Option<CDate>, Vec<Text>),
    Person(CAnswer, Text, Option<CDate>),
    List(Text, Vec<CAnswer>, bool),
    Number(Text, f64, Option<Text>, f64),
    Term(CAnswer, Text),
}

fn answer_out(a: &Answer) -> CAnswer {
    a.all().map(Text::from).collect()
}

fn answer_in(mut a: CAnswer) -> Answer {
    if a.is_empty() {
        return Answer::default();
    }
    let text = a.remove(0);
    Answer { text, accept: a }
}

fn date_out(d: &FactDate) -> CDate {
    (d.year, d.month, d.day)
}

fn date_in((year, month, day): CDate) -> FactDate {
    FactDate { year, month, day }
}

fn span_in((start, end): (usize, usize)) -> Span {
    Span::new(start, end)
}

/// The form of `d` written to the cache.
fn deck_out(d: &Deck) -> CDeckOf<Lazy<'_, Fact, CFact>, Lazy<'_, Card, CCard>> {
    let s = &d.settings;
    CDeckOf {
        id: d.id.clone(),
        title: d.title.clone(),
        description: d.description.clone(),
        author: d.author.clone(),
        source: d.source.as_ref().map(|s| CSource {
            title: s.title.clone(),
            author: s.author.clone(),
            date: s.date.clone(),
            publication: s.publication.clone(),
            url: s.url.clone(),
        }),
        tags: d.tags.clone(),
        seed: d.seed,
        settings: CSettings {
            new_per_day: s.new_per_day,
            reviews_per_day: s.reviews_per_day,
            learning_steps: s.learning_steps.clone(),
            relearning_steps: s.relearning_steps.clone(),
            desired_retention: s.desired_retention,
            day_start_hour: s.day_start_hour,
            leech_threshold: s.leech_threshold,
            maximum_interval: s.maximum_interval,
            exam: s.exam.clone(),
            parameters: s.parameters.clone(),
            new_order: s.new_order.map(|o| o == NewOrder::Mixed),
            fuzz: s.fuzz,
        },
        facts: lazy(&d.facts),
        cards: lazy(&d.cards),
        apart: d
            .apart
            .sorted()
            .into_iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        declared: d
            .apart
            .declared
            .iter()
            .map(|(a, b, span)| (a.clone(), b.clone(), (span.start, span.end)))
            .collect(),
        giveaways: d
            .apart
            .giveaways
            .iter()
            .map(|g| {
                let place = match g.place {
                    Place::Prompt => 0,
                    Place::Options => 1,
                    Place::Explanation => 2,
                };
                (g.giver, g.victim, g.whole_fact, g.answer.clone(), place)
            })
            .collect(),
    }
}

impl From<CDeck> for Deck {
    fn from(d: CDeck) -> Deck {
        let s = d.settings;
        Deck {
            id: d.id,
            title: d.title,
            description: d.description,
            author: d.author,
            source: d.source.map(|s| SourceRef {
                title: s.title,
                author: s.author,
                date: s.date,
                publication: s.publication,
                url: s.url,
            }),
            tags: d.tags,
            seed: d.seed,
            settings: DeckSettings {
                new_per_day: s.new_per_day,
                reviews_per_day: s.reviews_per_day,
                learning_steps: s.learning_steps,
                relearning_steps: s.relearning_steps,
                desired_retention: s.desired_retention,
                day_start_hour: s.day_start_hour,
                leech_threshold: s.leech_threshold,
                maximum_interval: s.maximum_interval,
                exam: s.exam,
                parameters: s.parameters,
                new_order: s.new_order.map(|mixed| {
                    if mixed {
                        NewOrder::Mixed
                    } else {
                        NewOrder::Deck
                    }
                }),
                fuzz: s.fuzz,
            },
            facts: d.facts.into_iter().map(Fact::from).collect(),
            cards: {
                let mut shares = Shares::default();
                d.cards
                    .into_iter()
                    .map(|c| card_in(c, &mut shares))
                    .collect()
            },
            apart: Apart {
                keys: d.apart.into_iter().collect(),
                declared: d
                    .declared
                    .into_iter()
                    .map(|(a, b, span)| (a, b, span_in(span)))
                    .collect(),
                giveaways: d
                    .giveaways
                    .into_iter()
                    .map(|(giver, victim, whole_fact, answer, place)| Giveaway {
                        giver,
                        victim,
                        whole_fact,
                        answer,
                        place: match place {
                            0 => Place::Prompt,
                            1 => Place::Options,
                            _ => Place::Explanation,
                        },
                    })
                    .collect(),
            },
        }
    }
}

impl From<&Card> for CCard {
    fn from(c: &Card) -> CCard {
        let kind = match &c.kind {
            Kind::Basic { back } => CKind::Basic(back.clone()),
            Kind::Typed { answer } => CKind::Typed(answer_out(answer)),
            Kind::Choice { correct, wrong } => CKind::Choice(correct.clone(), wrong.clone()),
            Kind::TrueFalse { answer } => CKind::TrueFalse(*answer),
            Kind::Number {
                answer,
                tolerance,
                unit,
            } => CKind::Number(*answer, *tolerance, unit.clone()),
            Kind::Year { answer, tolerance } => CKind::Year(*answer, *tolerance),
            Kind::Date { answer } => CKind::Date(date_out(answer)),
            Kind::List { items, ordered } => {
                CKind::List(items.iter().map(answer_out).collect(), *ordered)
            }
            Kind::Order { items } => CKind::Order(items.clone()),
            Kind::Cloze { parts } => CKind::Cloze(
                parts
                    .iter()
                    .map(|p| match p {
                        ClozePart::Text(t) => CPart::Text(t.clone()),
                        ClozePart::Blank(a) => CPart::Blank(answer_out(a)),
                        ClozePart::Hint(h) => CPart::Hint(h.clone()),
                    })
                    .collect(),
            ),
            Kind::Match { pairs } => CKind::Match(pairs.clone()),
        };
        CCard {
            id: c.id.0.clone(),
            kind,
            prompt: c.prompt.clone(),
            tags: c.tags.to_vec(),
            explain: c.explain.as_deref().map(str::to_string),
            source: c.source.clone(),
            fact: c.fact.clone(),
            span: (c.span.start, c.span.end),
            media: c
                .media
                .as_ref()
                .map(|m| (m.question.clone(), m.answer.clone())),
            checking: (
                c.checking.name,
                c.checking.accents,
                c.checking.convert_units,
            ),
        }
    }
}

/// What decoded cards share, as the loader shares it: one tag list per distinct list, and one
/// explanation for the cards of a fact (which are written one after another).
#[derive(Default)]
struct Shares {
    tags: TagLists,
    explain: Option<Shared>,
}

impl Shares {
    fn explain(&mut self, text: String) -> Shared {
        match &self.explain {
            Some(last) if **last == *text => last.clone(),
            _ => self.explain.insert(Shared::from(text)).clone(),
        }
    }
}

fn card_in(c: CCard, shares: &mut Shares) -> Card {
    let kind = match c.kind {
        CKind::Basic(back) => Kind::Basic { back },
        CKind::Typed(a) => Kind::Typed {
            answer: answer_in(a),
        },
        CKind::Choice(correct, wrong) => Kind::Choice { correct, wrong },
        CKind::TrueFalse(answer) => Kind::TrueFalse { answer },
        CKind::Number(answer, tolerance, unit) => Kind::Number {
            answer,
            tolerance,
            unit,
        },
        CKind::Year(answer, tolerance) => Kind::Year { answer, tolerance },
        CKind::Date(d) => Kind::Date { answer: date_in(d) },
        CKind::List(items, ordered) => Kind::List {
            items: items.into_iter().map(answer_in).collect(),
            ordered,
        },
        CKind::Order(items) => Kind::Order { items },
        CKind::Cloze(parts) => Kind::Cloze {
            parts: parts
                .into_iter()
                .map(|p| match p {
                    CPart::Text(t) => ClozePart::Text(t),
                    CPart::Blank(a) => ClozePart::Blank(answer_in(a)),
                    CPart::Hint(h) => ClozePart::Hint(h),
                })
                .collect(),
        },
        CKind::Match(pairs) => Kind::Match { pairs },
    };
    Card {
        id: CardId(c.id),
        kind,
        prompt: c.prompt,
        tags: shares.tags.get(&c.tags),
        explain: c.explain.map(|e| shares.explain(e)),
        source: c.source,
        fact: c.fact,
        media: c
            .media
            .and_then(|(question, answer)| Media::boxed(question, answer)),
        span: span_in(c.span),
        checking: Checking {
            name: c.checking.0,
            accents: c.checking.1,
            convert_units: c.checking.2,
        },
    }
}

impl From<&Fact> for CFact {
    fn from(f: &Fact) -> CFact {
        let kind = match &f.kind {
            FactKind::Event { what, date, place } => {
                CFactKind::Event(what.clone(), date_out(date), place.clone())
            }
            FactKind::Place {
                subject,
                relation,
                place,
                since,
                previously,
            } => CFactKind::Place(
                subject.clone(),
                relation.clone(),
                answer_out(place),
                since.as_ref().map(date_out),
                previously.clone(),
            ),
            FactKind::Person { name, role, since } => {
                CFactKind::Person(answer_out(name), role.clone(), since.as_ref().map(date_out))
            }
            FactKind::List {
                name,
                items,
                ordered,
            } => CFactKind::List(
                name.clone(),
                items.iter().map(answer_out).collect(),
                *ordered,
            ),
            FactKind::Number {
                quantity,
                value,
                unit,
                tolerance,
            } => CFactKind::Number(quantity.clone(), *value, unit.clone(), *tolerance),
            FactKind::Term { term, definition } => {
                CFactKind::Term(answer_out(term), definition.clone())
            }
        };
        CFact {
            id: f.id.clone(),
            kind,
            tags: f.tags.clone(),
            explain: f.explain.clone(),
            source: f.source.clone(),
            span: (f.span.start, f.span.end),
            hints: CHints(
                f.hints.verb.clone(),
                f.hints.current,
                f.hints.item_kind.clone(),
                f.hints.place_kind.clone(),
                f.hints.ask.clone(),
                f.hints.wrong.clone(),
            ),
        }
    }
}

impl From<CFact> for Fact {
    fn from(f: CFact) -> Fact {
        let kind = match f.kind {
            CFactKind::Event(what, date, place) => FactKind::Event {
                what,
                date: date_in(date),
                place,
            },
            CFactKind::Place(subject, relation, place, since, previously) => FactKind::Place {
                subject,
                relation,
                place: answer_in(place),
                since: since.map(date_in),
                previously,
            },
            CFactKind::Person(name, role, since) => FactKind::Person {
                name: answer_in(name),
                role,
                since: since.map(date_in),
            },
            CFactKind::List(name, items, ordered) => FactKind::List {
                name,
                items: items.into_iter().map(answer_in).collect(),
                ordered,
            },
            CFactKind::Number(quantity, value, unit, tolerance) => FactKind::Number {
                quantity,
                value,
                unit,
                tolerance,
            },
            CFactKind::Term(term, definition) => FactKind::Term {
                term: answer_in(term),
                definition,
            },
        };
        Fact {
            id: f.id,
            kind,
            tags: f.tags,
            explain: f.explain,
            source: f.source,
            span: span_in(f.span),
            hints: FactHints {
                verb: f.hints.0,
                current: f.hints.1,
                item_kind: f.hints.2,
                place_kind: f.hints.3,
                ask: f.hints.4,
                wrong: f.hints.5,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::load::load;

    fn sco() -> (Vec<u8>, Deck) {
        let bytes = crate::library::BUNDLED_SCO.as_bytes().to_vec();
        let deck = load(&bytes).deck.unwrap();
        (bytes, deck)
    }

    #[test]
    fn a_deck_written_lazily_is_the_bytes_of_its_cached_form() {
        let (_, deck) = sco();
        let bytes = postcard::to_stdvec(&deck_out(&deck)).unwrap();
        let back: CDeck = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.cards.len(), deck.cards.len());
        assert_eq!(postcard::to_stdvec(&back).unwrap(), bytes);
    }

    #[test]
    fn a_cached_deck_comes_back_equal() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = DeckCache::new(tmp.path().join("cache"));
        let (bytes, deck) = sco();
        // The comparison covers the giveaways `check` reads back.
        assert!(!deck.apart.giveaways.is_empty());
        let path = tmp.path().join("sco.toml");
        assert_eq!(cache.get(&path, &bytes), None);
        cache.put(&path, &bytes, &deck);
        assert_eq!(cache.get(&path, &bytes), Some(deck));
    }

    #[test]
    fn media_hints_and_ranges_come_back_from_the_cache() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = DeckCache::new(tmp.path().join("cache"));
        let bytes = b"format = 1\nid = \"m\"\ntitle = \"M\"\n\
            [[card]]\nid = \"f\"\nkind = \"basic\"\nfront = \"Whose flag?\"\nback = \"France\"\n\
            media = [\"fr.png\"]\nanswer_media = [\"fr.mp3\"]\n\
            [[card]]\nid = \"c\"\nkind = \"cloze\"\ntext = \"{{Frankfurt::city}} is big.\"\n\
            [[card]]\nid = \"r\"\nkind = \"number\"\nprompt = \"When?\"\nrange = [2000, 2003]\n"
            .to_vec();
        let deck = load(&bytes).deck.unwrap();
        assert_eq!(deck.cards[0].question_media(), ["fr.png"]);
        let path = tmp.path().join("m.toml");
        cache.put(&path, &bytes, &deck);
        assert_eq!(cache.get(&path, &bytes), Some(deck));
    }

    #[test]
    fn a_cached_decks_cards_share_explanations_and_tags_as_loaded() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = DeckCache::new(tmp.path());
        let (bytes, deck) = sco();
        let path = tmp.path().join("sco.toml");
        cache.put(&path, &bytes, &deck);
        let back = cache.get(&path, &bytes).unwrap();
        let fact = back.cards.iter().find_map(|c| c.fact.clone()).unwrap();
        let siblings: Vec<&Card> = back
            .cards
            .iter()
            .filter(|c| c.fact.as_ref() == Some(&fact))
            .collect();
        assert!(siblings.len() > 1, "{fact}");
        for c in &siblings[1..] {
            let (a, b) = (&siblings[0], c);
            assert!(std::sync::Arc::ptr_eq(
                a.explain.as_ref().unwrap(),
                b.explain.as_ref().unwrap()
            ));
            assert!(std::sync::Arc::ptr_eq(&a.tags, &b.tags));
        }
    }

    #[test]
    fn the_id_of_a_cached_deck_is_read_without_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = DeckCache::new(tmp.path());
        let (bytes, deck) = sco();
        let path = tmp.path().join("sco.toml");
        assert_eq!(cache.peek_id(&path, &bytes), None);
        cache.put(&path, &bytes, &deck);
        assert_eq!(cache.peek_id(&path, &bytes), Some("sco".to_string()));
        let mut edited = bytes.clone();
        edited.push(b'\n');
        assert_eq!(cache.peek_id(&path, &edited), None);
    }

    #[test]
    fn an_edited_deck_is_a_miss() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = DeckCache::new(tmp.path());
        let (bytes, deck) = sco();
        let path = tmp.path().join("sco.toml");
        cache.put(&path, &bytes, &deck);
        let mut edited = bytes.clone();
        edited.push(b'\n');
        assert_eq!(cache.get(&path, &edited), None);
    }

    #[test]
    fn a_damaged_cache_file_is_a_miss() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = DeckCache::new(tmp.path());
        let (bytes, deck) = sco();
        let path = tmp.path().join("sco.toml");
        cache.put(&path, &bytes, &deck);
        let file = cache.file_for(&path);
        let mut text = fs::read(&file).unwrap();
        text.truncate(text.len() / 2);
        fs::write(&file, text).unwrap();
        assert_eq!(cache.get(&path, &bytes), None);
    }

    #[test]
    fn another_build_is_a_miss() {
        let tmp = tempfile::tempdir().unwrap();
        let (bytes, deck) = sco();
        let path = tmp.path().join("sco.toml");
        DeckCache::new(tmp.path()).put(&path, &bytes, &deck);
        let other = DeckCache {
            dir: tmp.path().to_path_buf(),
            build: "0.0.0-other".into(),
        };
        assert_eq!(other.get(&path, &bytes), None);
    }
}
