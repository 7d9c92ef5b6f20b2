//! The labelled corpus in `tests/fixtures/questions/`, and the question coach's
//! figures on it: the tuning part (`legacy.tsv`, `tune.tsv`, `more/`, and the
//! retired held-out parts `held-out.tsv` and `held-out-2/`) is what the rules
//! and the model are fitted to; the held-out part (`held-out-3/`) is only ever
//! measured, and a floor under its figures keeps a later change from quietly
//! lowering them.

use super::*;

/// One labelled question.
#[derive(Clone)]
pub(super) struct Row {
    pub(super) question: &'static str,
    pub(super) want: Vec<Kind>,
}

const LEGACY: &str = include_str!("../../../tests/fixtures/questions/legacy.tsv");
const TUNE: &str = include_str!("../../../tests/fixtures/questions/tune.tsv");
/// The first held-out part, split from `raw/` by `split.py`: measured only
/// until its figures had been looked at fourteen times, then retired into
/// tuning when `held-out-2/` was written (see the corpus README).
const RETIRED: &str = include_str!("../../../tests/fixtures/questions/held-out.tsv");
/// The second held-out part, retired into tuning after five looks when
/// `held-out-3/` was written.
const RETIRED_2: [&str; 2] = [
    include_str!("../../../tests/fixtures/questions/held-out-2/i-field.tsv"),
    include_str!("../../../tests/fixtures/questions/held-out-2/j-mixed.tsv"),
];
/// Written after the split, for tuning only.
const MORE: [&str; 12] = [
    include_str!("../../../tests/fixtures/questions/more/e-pressure-leading.tsv"),
    include_str!("../../../tests/fixtures/questions/more/f-statement-stacked-open.tsv"),
    include_str!("../../../tests/fixtures/questions/more/g-loaded-leading.tsv"),
    include_str!("../../../tests/fixtures/questions/more/h-mixed.tsv"),
    include_str!("../../../tests/fixtures/questions/more/k-pressure.tsv"),
    include_str!("../../../tests/fixtures/questions/more/l-open-lookalikes.tsv"),
    include_str!("../../../tests/fixtures/questions/more/m-subtle.tsv"),
    include_str!("../../../tests/fixtures/questions/more/p-presumptions.tsv"),
    include_str!("../../../tests/fixtures/questions/more/q-voices.tsv"),
    include_str!("../../../tests/fixtures/questions/more/r-voices.tsv"),
    include_str!("../../../tests/fixtures/questions/more/s-voices.tsv"),
    include_str!("../../../tests/fixtures/questions/more/t-voices.tsv"),
];

pub(super) fn rows(text: &'static str) -> Vec<Row> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (kinds, question) = line.split_once('\t').expect("KINDS<TAB>QUESTION");
            let want = kinds
                .split(',')
                .filter(|k| *k != "open")
                .map(|k| {
                    *KINDS
                        .iter()
                        .find(|x| x.as_str() == k)
                        .expect("a known kind")
                })
                .collect();
            Row { question, want }
        })
        .collect()
}

pub(super) fn tuning() -> Vec<Row> {
    let mut all = rows(LEGACY);
    all.extend(rows(TUNE));
    all.extend(rows(RETIRED));
    for more in RETIRED_2.into_iter().chain(MORE) {
        all.extend(rows(more));
    }
    all
}

/// The held-out part: written by two more writers from the guide alone, who
/// saw no other row, and never run through coach before its first measure.
const HELD_OUT: [&str; 2] = [
    include_str!("../../../tests/fixtures/questions/held-out-3/n-field.tsv"),
    include_str!("../../../tests/fixtures/questions/held-out-3/o-mixed.tsv"),
];

pub(super) fn held_out() -> Vec<Row> {
    HELD_OUT.iter().flat_map(|text| rows(text)).collect()
}

/// What the README reports for a set of rows.
#[derive(Debug)]
pub(super) struct Figures {
    pub(super) rows: usize,
    /// Rows whose kinds are exactly right.
    pub(super) exact: f64,
    /// The same, `loaded` left aside on both sides: the five kinds before it.
    pub(super) exact_five: f64,
    /// Per kind: rows that should get it, share that get it, and share of
    /// rows given it that should have it.
    pub(super) per_kind: Vec<(Kind, usize, f64, f64)>,
    /// Open rows given any kind.
    pub(super) open: usize,
    pub(super) false_positive: f64,
}

/// The rules alone, without the model: for choosing between the two.
pub(super) fn rule_kinds(question: &str) -> Vec<Kind> {
    reading(question, |read| {
        rules(read).iter().map(|f| f.kind).collect()
    })
}

pub(super) fn figures(rows: &[Row]) -> Figures {
    figures_of(rows, kinds)
}

pub(super) fn figures_of(rows: &[Row], judge: fn(&str) -> Vec<Kind>) -> Figures {
    let got: Vec<Vec<Kind>> = rows.iter().map(|r| judge(r.question)).collect();
    let share = |n: usize, of: usize| n as f64 / of.max(1) as f64;
    let exact = rows.iter().zip(&got).filter(|(r, g)| r.want == **g).count();
    let five =
        |ks: &[Kind]| -> Vec<Kind> { ks.iter().copied().filter(|k| *k != Kind::Loaded).collect() };
    let exact_five = rows
        .iter()
        .zip(&got)
        .filter(|(r, g)| five(&r.want) == five(g))
        .count();
    let per_kind = KINDS
        .iter()
        .map(|k| {
            let should = rows.iter().filter(|r| r.want.contains(k)).count();
            let given = got.iter().filter(|g| g.contains(k)).count();
            let both = rows
                .iter()
                .zip(&got)
                .filter(|(r, g)| r.want.contains(k) && g.contains(k))
                .count();
            (*k, should, share(both, should), share(both, given))
        })
        .collect();
    let open: Vec<_> = rows
        .iter()
        .zip(&got)
        .filter(|(r, _)| r.want.is_empty())
        .collect();
    let flagged = open.iter().filter(|(_, g)| !g.is_empty()).count();
    Figures {
        rows: rows.len(),
        exact: share(exact, rows.len()),
        exact_five: share(exact_five, rows.len()),
        per_kind,
        open: open.len(),
        false_positive: share(flagged, open.len()),
    }
}

impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "{} rows: exact {:.1}% ({:.1}% loaded aside);",
            self.rows,
            self.exact * 100.0,
            self.exact_five * 100.0
        )?;
        for (k, n, recall, precision) in &self.per_kind {
            write!(
                f,
                " {} found {:.1}% of {n} (precision {:.0}%);",
                k.as_str(),
                recall * 100.0,
                precision * 100.0
            )?;
        }
        write!(
            f,
            " open flagged {:.1}% of {}",
            self.false_positive * 100.0,
            self.open
        )
    }
}

/// Run with `cargo test --lib question_coach_figures -- --nocapture` to see the
/// figures the README quotes; the tuning misses are listed, the held-out ones
/// never are.
#[test]
fn question_coach_figures() {
    let tuned = figures(&tuning());
    let held = figures(&held_out());
    println!("tuning  {tuned}\nheld-out {held}");
    let rules_only = figures_of(&held_out(), rule_kinds);
    println!("held-out, the rules alone: {rules_only}");
    let floor = HELD_OUT_FLOOR;
    assert!(held.exact >= floor.exact, "held-out exact fell: {held}");
    assert!(
        held.exact_five >= floor.exact_five,
        "held-out exact, loaded aside, fell: {held}"
    );
    assert!(
        held.false_positive <= floor.open_flagged,
        "held-out open flagged rose: {held}"
    );
    let found = |k: Kind| held.per_kind.iter().find(|p| p.0 == k).map_or(0.0, |p| p.2);
    assert!(
        found(Kind::Pressure) >= floor.pressure,
        "held-out pressure found fell: {held}"
    );
    assert!(
        found(Kind::Loaded) >= floor.loaded,
        "held-out loaded found fell: {held}"
    );
}

/// `COACH_SHOW_MISSES=1 cargo test --lib tuning_misses -- --nocapture` lists
/// the tuning rows the coach gets wrong (`=rules`: the rules alone), and
/// nothing of the held-out part.
#[test]
fn tuning_misses() {
    let Some(show) = std::env::var_os("COACH_SHOW_MISSES") else {
        return;
    };
    let judge = if show == "rules" { rule_kinds } else { kinds };
    println!("tuning {}", figures(&tuning()));
    println!("tuning, rules alone: {}", figures_of(&tuning(), rule_kinds));
    for r in tuning() {
        let got = judge(r.question);
        if got != r.want {
            println!("miss: want {:?} got {got:?}: {}", r.want, r.question);
        }
    }
}

/// What the held-out part gave, a little under: a later change may not go below.
struct Floor {
    exact: f64,
    exact_five: f64,
    open_flagged: f64,
    pressure: f64,
    loaded: f64,
}

/// `held-out-3/` gave, on 2026-12-01: exact 96.0%, loaded aside 96.3%,
/// open flagged 0.8%, pressure found 90.6%, loaded found 93.9%.
const HELD_OUT_FLOOR: Floor = Floor {
    exact: 0.955,
    exact_five: 0.96,
    open_flagged: 0.015,
    pressure: 0.895,
    loaded: 0.9,
};

/// `COACH_RULES="question"` prints what the rules alone and the whole coach give it.
#[test]
fn explain() {
    if let Some(q) = std::env::var_os("COACH_RULES") {
        let q = q.to_string_lossy();
        println!("rules {:?} coach {:?}", rule_kinds(&q), kinds(&q));
        let features = super::train::features_of(&q);
        let weights = super::model::parse(super::model::WEIGHTS);
        println!("scores {:?}", super::model::score(&weights, &features));
        if std::env::var_os("COACH_FEATURES").is_some() {
            let one = |f: &String| super::model::score(&weights, std::slice::from_ref(f));
            let bias = super::model::score(&weights, &[]);
            for f in &features {
                let z = one(f);
                let d: Vec<i32> = (0..z.len())
                    .map(|k| ((z[k] - bias[k]) * 1000.0) as i32)
                    .collect();
                if d.iter().any(|v| *v != 0) {
                    println!("  {f}: {d:?}");
                }
            }
        }
    }
}

/// The split is the hash rule of `split.py`, row by row: nothing moved later.
#[test]
fn the_corpus_is_split_by_its_rule() {
    let normal = |t: &str| {
        t.to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let fnv = |t: &str| {
        t.bytes().fold(0xcbf29ce484222325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
        })
    };
    let held = |q: &str| fnv(&normal(q)) % 10 < 3;
    assert!(rows(TUNE).iter().all(|r| !held(r.question)));
    assert!(rows(RETIRED).iter().all(|r| held(r.question)));
    let total = rows(TUNE).len() + rows(RETIRED).len() + rows(LEGACY).len();
    assert!(total >= 1_500 + 596, "{total} rows");
}
