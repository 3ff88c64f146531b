//! Synthetic decks for benchmarks: every card kind and every fact kind, with made-up words that
//! never collide, so a deck of any size loads without errors.
//!
//! Shared by `examples/synth` (the command) and `benches/` (through `#[path]`), so the
//! benchmarks and the whole-process script measure the same decks.

use std::fmt::Write as _;

/// Syllables for made-up names. Sixteen of them, so a number is written in base 16.
const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ren", "tas", "vor", "zel", "quin", "bru", "dax", "fen", "gor", "hul", "jis",
    "nep", "pav",
];

/// Fields of one block that need a name of their own; names are `word(block * FIELDS + n)`.
const FIELDS: u64 = 40;

/// A unique capitalised word for `n`: its base-16 digits as syllables, at least four of them,
/// so no word is a prefix of another and no two are one typo apart at a glance.
pub fn word(n: u64) -> String {
    let mut digits = Vec::new();
    let mut x = n;
    loop {
        digits.push((x % 16) as usize);
        x /= 16;
        if x == 0 {
            break;
        }
    }
    while digits.len() < 4 {
        digits.push(0);
    }
    let mut w: String = digits.iter().rev().map(|&d| SYLLABLES[d]).collect();
    // Words only: the checker ignores "a", "an", "the", so keep clear of them.
    w[..1].make_ascii_uppercase();
    w
}

/// The cards one block loads into: 10 hand-written ones, and from its facts event 2, place 5,
/// person 2, list (3 items) 5, number 2, term 2; timelines add one card per 4 events.
pub const CARDS_PER_BLOCK: usize = 10 + 2 + 5 + 2 + 5 + 2 + 2;

/// A deck of `cards` cards (give or take one: the last timeline may take five events), with deck
/// id `id`. Extra typed cards fill what whole blocks leave.
pub fn deck(id: &str, cards: usize) -> String {
    // A block makes CARDS_PER_BLOCK cards plus a quarter of a timeline card.
    let blocks = (cards * 4 / (CARDS_PER_BLOCK * 4 + 1)).max(if cards >= 30 { 1 } else { 0 });
    // Events are ordered in runs of four; a last run of two or three is a timeline of its own.
    let made = blocks * CARDS_PER_BLOCK + blocks / 4 + usize::from(blocks % 4 >= 2);
    let mut out = String::with_capacity(cards * 160 + 512);
    let _ = writeln!(
        out,
        "# Synthetic deck made by `cargo run --release --example synth -- deck`.\n\
         format = 1\nid = \"{id}\"\ntitle = \"Synthetic deck of {cards} cards\"\n\
         description = \"Made-up places and people for benchmarks.\"\ntags = [\"synth\"]\nseed = 7\n"
    );
    for b in 0..blocks as u64 {
        block(&mut out, b);
    }
    for extra in 0..cards.saturating_sub(made) as u64 {
        let n = blocks as u64 * FIELDS + extra * 2;
        let _ = writeln!(
            out,
            "[[card]]\nid = \"x{extra}\"\nkind = \"typed\"\nprompt = \"What is the harbour of {}?\"\nanswer = \"{}\"\n",
            word(n),
            word(n + 1)
        );
    }
    out
}

/// One block: ten hand-written cards of every kind and six facts of every kind.
fn block(out: &mut String, b: u64) {
    let w = |i: u64| word(b * FIELDS + i);
    let year = 1000 + (b % 1000) as i64;
    // Each event gets its own date, so "which event happened then" has one answer.
    let date = jiff::civil::date(1000, 1, 1)
        .checked_add(jiff::Span::new().days(b as i64))
        .unwrap_or(jiff::civil::date(2999, 12, 31));
    let _ = write!(
        out,
        r#"[[card]]
id = "b{b}-basic"
kind = "basic"
front = "Which beast guards the gate of {a}?"
back = "{c}"
tags = ["basic"]

[[card]]
id = "b{b}-typed"
kind = "typed"
prompt = "What is the capital of {d}?"
answer = "{e}"
accept = ["{e} City"]
explain = "{e} has been the seat of {d} since the founding."
source = "atlas, block {b}"

[[card]]
id = "b{b}-choice"
kind = "choice"
prompt = "Which river flows through {f}?"
correct = "{g}"
wrong = ["{h}", "{i}", "{j}"]

[[card]]
id = "b{b}-tf"
kind = "truefalse"
prompt = "{k} lies north of {l}."
answer = {tf}

[[card]]
id = "b{b}-number"
kind = "number"
prompt = "How long is the canal of {m}?"
answer = {num}
tolerance = 5
unit = "km"

[[card]]
id = "b{b}-year"
kind = "year"
prompt = "In which year was {n} founded?"
answer = {year}

[[card]]
id = "b{b}-list"
kind = "list"
prompt = "Name the ports of {o}."
items = ["{p}", "{q}", ["{r}", "{r} Bay"]]

[[card]]
id = "b{b}-order"
kind = "order"
prompt = "Put the rulers of {s} in order, earliest first."
items = ["{t}", "{u}", "{v}"]

[[card]]
id = "b{b}-cloze"
kind = "cloze"
text = "The pact of {x} was signed in {{{{{y}}}}} by {{{{{z}}}}}."

[[card]]
id = "b{b}-match"
kind = "match"
prompt = "Match each town of {aa} to its river."
pairs = [["{ab}", "{ac}"], ["{ad}", "{ae}"], ["{af}", "{ag}"]]

[[fact]]
id = "f{b}-event"
kind = "event"
what = "the accord of {ah}"
date = "{date}"
place = "{ai}"

[[fact]]
id = "f{b}-place"
kind = "place"
subject = "the council of {aj}"
relation = "seat"
place = "{ak}"
since = "{year}"
previously = ["{al}"]

[[fact]]
id = "f{b}-person"
kind = "person"
name = "{am} {an}"
role = "keeper of the {ao} archive"
since = "{year}"

[[fact]]
id = "f{b}-list"
kind = "list"
name = "the guilds of {ap}"
items = ["{aq}", "{ar}", "{as_}"]

[[fact]]
id = "f{b}-number"
kind = "number"
quantity = "the length of the wall of {at}"
value = {num2}
unit = "km"
tolerance = 2

[[fact]]
id = "f{b}-term"
kind = "term"
term = "{au}"
definition = "the assembly that oversees the harbours of {av}"

"#,
        a = w(0),
        c = w(1),
        d = w(2),
        e = w(3),
        f = w(4),
        g = w(5),
        h = w(6),
        i = w(7),
        j = w(8),
        k = w(9),
        l = w(10),
        tf = b.is_multiple_of(2),
        m = w(11),
        num = 100 + b % 5000,
        n = w(12),
        o = w(13),
        p = w(14),
        q = w(15),
        r = w(16),
        s = w(17),
        t = w(18),
        u = w(19),
        v = w(20),
        x = w(21),
        y = w(22),
        z = w(23),
        aa = w(24),
        ab = w(25),
        ac = w(26),
        ad = w(27),
        ae = w(28),
        af = w(29),
        ag = w(30),
        ah = w(31),
        ai = w(32),
        aj = w(33),
        ak = w(34),
        al = w(35),
        am = w(36),
        an = w(37),
        ao = w(38),
        ap = w(39),
        aq = word(b * FIELDS + 39) + "ex",
        ar = word(b * FIELDS + 38) + "ul",
        as_ = word(b * FIELDS + 37) + "ost",
        at = word(b * FIELDS + 36) + "ia",
        num2 = 10 + b % 9000,
        au = word(b * FIELDS + 35) + "an",
        av = word(b * FIELDS + 34) + "ar",
    );
}
