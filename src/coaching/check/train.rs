//! Training the question coach's model (`model.rs`) on the corpus's tuning part:
//! one logistic regression a kind, L2-regularised, full-batch gradient descent
//! with AdaGrad steps from zero, so the same corpus always gives the same
//! weights. Retrain after changing the rules, the features or the tuning part:
//!
//!     COACH_TRAIN=1 cargo test --lib train_question_model -- --ignored
//!
//! writes `src/coaching/check/model.tsv`; `the_model_is_reproducible` fails
//! until the committed file matches.

use super::corpus::{Row, tuning};
use super::model::N;
use super::*;

/// A feature must occur in this many tuning rows to get a weight.
const MIN_ROWS: usize = 3;
const EPOCHS: usize = 800;
const STEP: f64 = 0.5;
const L2: f64 = 0.0001;

pub(super) fn features_of(question: &str) -> Vec<String> {
    reading(question, |read| {
        model::features(read, &rules(read), question)
    })
}

/// The weights for `rows`, as `model.tsv` holds them.
pub(super) fn train(rows: &[Row], l2: f64) -> String {
    let data: Vec<Vec<String>> = rows.iter().map(|r| features_of(r.question)).collect();
    let mut count: std::collections::BTreeMap<&str, usize> = Default::default();
    for f in data.iter().flatten() {
        *count.entry(f).or_default() += 1;
    }
    let names: Vec<&str> = count
        .iter()
        .filter(|(_, n)| **n >= MIN_ROWS)
        .map(|(f, _)| *f)
        .collect();
    let index: std::collections::HashMap<&str, usize> =
        names.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let x: Vec<Vec<usize>> = data
        .iter()
        .map(|fs| {
            fs.iter()
                .filter_map(|f| index.get(f.as_str()).copied())
                .collect()
        })
        .collect();
    let n = rows.len() as f64;
    // Column 0 is the bias, feature i is column i + 1.
    let mut w = vec![[0f64; N]; names.len() + 1];
    let mut g2 = vec![[1e-8f64; N]; names.len() + 1];
    for _ in 0..EPOCHS {
        let mut grad = vec![[0f64; N]; names.len() + 1];
        for (xs, row) in x.iter().zip(rows) {
            for (k, kind) in KINDS.iter().enumerate() {
                let z = w[0][k] + xs.iter().map(|&i| w[i + 1][k]).sum::<f64>();
                let y = f64::from(u8::from(row.want.contains(kind)));
                let err = (1.0 / (1.0 + (-z).exp()) - y) / n;
                grad[0][k] += err;
                for &i in xs {
                    grad[i + 1][k] += err;
                }
            }
        }
        for (j, (gj, wj)) in grad.iter_mut().zip(&w).enumerate() {
            for k in 0..N {
                if j > 0 {
                    gj[k] += l2 * wj[k];
                }
            }
        }
        for ((wj, gj), sj) in w.iter_mut().zip(&grad).zip(g2.iter_mut()) {
            for k in 0..N {
                sj[k] += gj[k] * gj[k];
                wj[k] -= STEP * gj[k] / sj[k].sqrt();
            }
        }
    }
    let milli = |v: f64| (v * 1000.0).round() as i64;
    let line = |name: &str, ws: &[f64; N]| {
        let ws: Vec<String> = ws.iter().map(|v| milli(*v).to_string()).collect();
        format!("{name}\t{}\n", ws.join(" "))
    };
    let mut out = line("bias", &w[0]);
    for (name, ws) in names.iter().zip(&w[1..]) {
        if ws.iter().any(|v| milli(*v) != 0) {
            out.push_str(&line(name, ws));
        }
    }
    out
}

#[test]
#[ignore = "writes model.tsv; run with COACH_TRAIN=1"]
fn train_question_model() {
    if std::env::var_os("COACH_CV").is_some() {
        cross_validate();
    }
    if std::env::var_os("COACH_TRAIN").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/coaching/check/model.tsv");
        std::fs::write(path, train(&tuning(), L2)).unwrap();
    }
}

/// Five folds of the tuning part, for choosing the constants above and the
/// model's leans without looking at the held-out part.
fn cross_validate() {
    let rows = tuning();
    for l2 in [0.00003, 0.0001] {
        // Each tuning row's scores from the folds that did not train on it.
        let mut scored = Vec::new();
        for fold in 0..5 {
            let (test, fit): (Vec<_>, Vec<_>) =
                rows.iter().enumerate().partition(|(i, _)| i % 5 == fold);
            let fit: Vec<Row> = fit.into_iter().map(|(_, r)| r.clone()).collect();
            let weights = model::parse(train(&fit, l2).leak());
            for (_, r) in test {
                let z = model::score(&weights, &features_of(r.question));
                scored.push((z, KINDS.map(|k| r.want.contains(&k)), r.question));
            }
        }
        let line = |lean: [f32; N]| {
            let (mut exact, mut five, mut pressed, mut pressure, mut flagged, mut open) =
                (0, 0, 0, 0, 0, 0);
            for (z, want, _) in &scored {
                let got = model::decided(*z, lean);
                exact += usize::from(got == *want);
                five += usize::from(got[..5] == want[..5]);
                pressure += usize::from(want[4]);
                pressed += usize::from(want[4] && got[4]);
                let is_open = !want.contains(&true);
                open += usize::from(is_open);
                flagged += usize::from(is_open && got.contains(&true));
            }
            let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
            format!(
                "exact {:.1}% ({:.1}% loaded aside), pressure found {:.1}%, open flagged {:.1}%",
                pct(exact, scored.len()),
                pct(five, scored.len()),
                pct(pressed, pressure),
                pct(flagged, open)
            )
        };
        println!("l2 {l2}: cross-validated {}", line(model::LEAN));
        if l2 != L2 {
            continue;
        }
        if std::env::var_os("COACH_CV_MISSES").is_some() {
            for (z, want, question) in &scored {
                let got = model::decided(*z, model::LEAN);
                if got != *want {
                    println!("cv miss: want {want:?} got {got:?}: {question}");
                }
            }
        }
        // Each kind leaned on its own, the others as they are.
        for (k, kind) in KINDS.iter().enumerate() {
            for step in [-0.5, 0.25, 0.5, 0.75] {
                let mut lean = model::LEAN;
                lean[k] += step;
                println!("  {} leaned {step:+}: {}", kind.as_str(), line(lean));
            }
        }
    }
}

/// The committed weights are what the tuning part trains, to the printed
/// precision (a release build may round the last digit the other way).
#[test]
fn the_model_is_reproducible() {
    let read = |text: &str| -> std::collections::HashMap<String, Vec<i32>> {
        let values = |ws: &str| ws.split(' ').map(|w| w.parse().unwrap_or(0)).collect();
        text.lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(name, ws)| (name.to_string(), values(ws)))
            .collect()
    };
    let (fresh, committed) = (read(&train(&tuning(), L2)), read(model::WEIGHTS));
    let zero = vec![0; N];
    let mut off = Vec::new();
    for name in fresh.keys().chain(committed.keys()) {
        let a = fresh.get(name).unwrap_or(&zero);
        let b = committed.get(name).unwrap_or(&zero);
        if a.iter().zip(b).any(|(x, y)| (x - y).abs() > 2) {
            off.push(format!("{name}: trained {a:?}, committed {b:?}"));
        }
    }
    assert!(
        off.is_empty(),
        "model.tsv is not what the tuning part trains: retrain (see train.rs)\n{}",
        off[..off.len().min(10)].join("\n")
    );
}
