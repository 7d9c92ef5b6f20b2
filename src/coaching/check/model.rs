//! The question coach's second reader: a small linear model that weighs the
//! rules' verdicts together with the words around them, one logistic scorer per
//! kind. The rules say why; the model decides when their reading of a question
//! should stand, and catches the forms they miss ("over the line", a deadline
//! after the question, a presumption inside an open question). Its weights,
//! `model.tsv`, are trained by `train.rs` on the corpus's tuning part only and
//! are reproducible from it (a test retrains and compares).

use std::sync::OnceLock;

use super::*;

/// One scorer a kind.
pub(super) const N: usize = KINDS.len();

/// The committed weights: a `bias` line, then one line a feature, each with a
/// weight per kind in the order of `KINDS`,
/// in thousandths (integers read faster than decimals: the first check of a
/// session pays for reading them).
pub(super) const WEIGHTS: &str = include_str!("model.tsv");

/// The weights' lines, sorted by feature name as `train.rs` writes them: a
/// feature is found by binary search, and only the lines found are parsed.
pub(super) struct Weights {
    bias: [f32; N],
    /// Each line with its feature name, split once.
    lines: Vec<(&'static str, &'static str)>,
}

pub(super) fn parse(text: &'static str) -> Weights {
    let mut lines: Vec<&str> = text.lines().collect();
    let bias = lines
        .iter()
        .position(|l| name(l) == "bias")
        .map(|i| lines.remove(i))
        .and_then(values)
        .unwrap_or_default();
    debug_assert!(
        lines.is_sorted_by_key(|l| name(l)),
        "model.tsv is sorted by feature"
    );
    let lines = lines.into_iter().map(|l| (name(l), l)).collect();
    Weights { bias, lines }
}

fn name(line: &str) -> &str {
    line.split_once('\t').map_or(line, |(name, _)| name)
}

fn values(line: &str) -> Option<[f32; N]> {
    let (_, ws) = line.split_once('\t')?;
    let mut out = [0.0; N];
    for (slot, w) in out.iter_mut().zip(ws.split(' ')) {
        *slot = w.parse::<i32>().ok()? as f32 / 1000.0;
    }
    Some(out)
}

fn weights() -> &'static Weights {
    static WEIGHTS_MAP: OnceLock<Weights> = OnceLock::new();
    WEIGHTS_MAP.get_or_init(|| parse(WEIGHTS))
}

/// How readily each kind is given, added to its score: chosen by
/// cross-validation on the tuning part (`train.rs`), where finding pressure a
/// little more readily found more of it at the same exactness.
pub(super) const LEAN: [f32; N] = [0.0, 0.0, 0.0, 0.0, 0.75, 0.0];

/// Which kinds the model gives a question, from its features.
pub(super) fn decide(features: &[String]) -> [bool; N] {
    decided(score(weights(), features), LEAN)
}

/// The kinds whose leaned score is above zero.
pub(super) fn decided(z: [f32; N], lean: [f32; N]) -> [bool; N] {
    std::array::from_fn(|k| z[k] + lean[k] > 0.0)
}

pub(super) fn score(weights: &Weights, features: &[String]) -> [f32; N] {
    let mut z = weights.bias;
    for f in features {
        let at = weights.lines.binary_search_by(|l| l.0.cmp(f.as_str()));
        if let Some(w) = at.ok().and_then(|i| values(weights.lines[i].1)) {
            for (z, w) in z.iter_mut().zip(w) {
                *z += w;
            }
        }
    }
    z
}

/// What the model reads: the rules' verdicts and how each sentence opens, then
/// the words (stemmed), pairs of words, and the first and last words of each
/// sentence. At most the first 400 words count, so a pasted page stays cheap.
pub(super) fn features(read: &[Reading], rules: &[Finding], text: &str) -> Vec<String> {
    let mut out = vec![format!("sentences:{}", read.len().min(3))];
    for f in rules {
        out.push(format!("rule:{}", f.kind.as_str()));
        // Which of the rule's causes: some are surer than others.
        let why: String = f.message.chars().take(24).collect();
        out.push(format!("why:{}:{why}", f.kind.as_str()));
    }
    if rules.is_empty() {
        out.push("rule:none".into());
    }
    if text.trim_end().ends_with('?') {
        out.push("ends:?".into());
    }
    let asked = read.iter().filter(|r| r.asks_something()).count();
    out.push(format!("asked:{}", asked.min(2)));
    let mut budget = 400usize;
    for (n, r) in read.iter().enumerate() {
        if budget == 0 {
            break;
        }
        let at = if n == 0 { "first" } else { "later" };
        out.push(format!("head:{at}:{:?}", r.head));
        out.push(format!("asks:{at}:{}", r.asks));
        let cues: Vec<&str> = r.cues().names().collect();
        for (i, a) in cues.iter().enumerate() {
            out.push(format!("cue:{a}"));
            for b in &cues[i + 1..] {
                out.push(format!("cue:{a}+{b}"));
            }
        }
        if r.tag {
            out.push("tag".into());
        }
        if r.menu {
            out.push("menu".into());
        }
        let words: Vec<&str> = r.stems.iter().take(budget).map(|s| s.as_ref()).collect();
        budget -= words.len();
        let head = r.at.min(words.len().saturating_sub(1));
        out.push(format!("open:{}", get(&words, head)));
        out.push(format!(
            "open2:{} {}",
            get(&words, head),
            get(&words, head + 1)
        ));
        out.push(format!("start:{at}:{}", get(&words, 0)));
        if let Some(last) = words.last() {
            out.push(format!("last:{last}"));
        }
        if words.len() >= 2 {
            out.push(format!("last2:{}", words[words.len() - 2..].join(" ")));
        }
        // The words' classes, alone, beside each other and beside a word:
        // "for YOU to DEAL" reaches questions whose exact words were never
        // in the tuning part.
        let classes: Vec<Option<&str>> = r.low.iter().take(words.len()).map(|w| class(w)).collect();
        for (i, c) in classes.iter().enumerate() {
            let Some(c) = c else { continue };
            out.push(format!("c:{c}"));
            // What the question opens with, beside what it speaks of: "how
            // much" and a cost presumed, "what" and a liking presumed.
            out.push(format!("hc:{}:{c}", get(&words, head)));
            out.push(format!("hc:{:?}:{c}", r.head));
            let next = classes.get(i + 1).copied().flatten();
            let next = next.unwrap_or_else(|| get(&words, i + 1));
            out.push(format!("cb:{c} {next}"));
            if i > 0 {
                let prev = classes[i - 1].unwrap_or(words[i - 1]);
                out.push(format!("cb:{prev} {c}"));
            }
        }
        for (i, w) in words.iter().enumerate() {
            out.push(format!("w:{w}"));

            if let Some(next) = words.get(i + 1) {
                out.push(format!("b:{w} {next}"));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}
