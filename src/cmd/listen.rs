//! `coach listen FILE [--me NAME]`: how much did I listen? Reads a call
//! transcript (`-`: standard input) and shows, per speaker, time, share,
//! words, questions and the longest monologue; with `--me`, the user's
//! figures against the published bands; and the three longest monologues.
//! The measuring is in `coaching::listen`; this file opens the file, reports
//! problems with its name, and prints: JSON or the table on stdout, warnings
//! on stderr.

use std::io::Write;

use comfy_table::{CellAlignment, Table};
use dialoguer::console::style;

use crate::cli::{ListFormat, ListenArgs};
use crate::coaching::listen::{
    Analysis, BANDS_SOURCE, Figure, Problem, Report, Speaker, Verdict, Warning, clock,
};
use crate::diag::Diagnostics;
use crate::error::Result;
use crate::report::stdout_width;
use crate::store::Store;
use crate::store::transcripts::transcript_name;
use crate::text::{printable_line, wrap};

/// Cells in a share bar.
const BAR: usize = 12;

pub fn run(args: ListenArgs, store: &Store) -> Result<()> {
    let name = transcript_name(&args.file);
    let analysis = store.transcript(&args.file, &args.speakers)?;
    if !analysis.warnings.is_empty() {
        crate::note!("{}", warnings(&name, &analysis.warnings));
    }
    let report = match analysis.report(args.me.as_deref().or(store.config.me.as_deref())) {
        Ok(report) => report,
        // The config's `me` is not in this call: the figures still show,
        // with who does speak, and how to name them.
        Err(err) if args.me.is_none() => {
            crate::note!(
                "coach: the `me` of your config: {err} Or name a label as you: --speaker LABEL=\"Your Name\"."
            );
            analysis.report(None).map_err(|err| err.into_error(&name))?
        }
        Err(err) => return Err(err.into_error(&name)),
    };
    let width = stdout_width().clamp(60, 200);
    let mut out = crate::stdout();
    let written = match args.format {
        ListFormat::Json => crate::text::write_json(&mut out, &report, true),
        ListFormat::Table => write!(out, "{}", text(&analysis, &report, width)),
    };
    match written.and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Warnings as the loaders show them: `file:line:1: warning: ...`.
fn warnings(name: &str, warnings: &[Warning]) -> String {
    let all = warnings
        .iter()
        .map(|w| Problem::new(w.line, &w.message).diagnostic(name).warning())
        .collect();
    Diagnostics(all).to_string()
}

/// The table, the user's figures against the bands, and the longest monologues.
fn text(analysis: &Analysis, report: &Report, width: usize) -> String {
    let mut out = String::new();
    out.push_str(&heading(analysis));
    out.push_str(&format!("{}\n\n", speakers(analysis, width)));
    match report.me.and_then(|me| analysis.speakers.iter().find(|s| s.name == me)) {
        Some(me) => out.push_str(&you(me, report, analysis.timed, width)),
        None => out.push_str(&format!(
            "{}\n\n",
            wrap(
                "Pass --me with your name as it appears above (coach listen FILE --me \"Your Name\") \
                 to see your figures against the published bands.",
                width,
                ""
            )
        )),
    }
    out.push_str(&monologues(analysis));
    out
}

fn heading(analysis: &Analysis) -> String {
    let count = analysis.speakers.len();
    let people = format!("{count} speaker{}", if count == 1 { "" } else { "s" });
    let line = match analysis.duration_seconds {
        Some(seconds) if analysis.timed => format!(
            "{}, {people}, {} from the first cue to the last.",
            analysis.format.describe(),
            clock(ms(seconds))
        ),
        _ => format!(
            "{}, {people}. There are no times, so shares and monologues are measured in words.",
            analysis.format.describe()
        ),
    };
    format!("{}\n", style(line).bold())
}

fn speakers(analysis: &Analysis, width: usize) -> Table {
    let mut header = vec!["Speaker"];
    if analysis.timed {
        header.push("Time");
    }
    header.extend([
        if analysis.timed {
            "Share of time"
        } else {
            "Share of words"
        },
        "Words",
        "Questions",
        "Longest monologue",
    ]);
    let mut table = crate::report::new_table(header, width);
    let shares: Vec<f64> = analysis.speakers.iter().map(|s| s.share).collect();
    let mut order: Vec<(&Speaker, u32)> = analysis.speakers.iter().zip(percents(&shares)).collect();
    order.sort_by(|a, b| b.0.share.total_cmp(&a.0.share));
    for (s, percent) in order {
        let mut row = vec![printable_line(&s.shown())];
        if let Some(seconds) = s.seconds.filter(|_| analysis.timed) {
            row.push(clock(ms(seconds)));
        }
        row.extend([
            bar(s.share, percent),
            s.words.to_string(),
            s.questions.to_string(),
            longest(s),
        ]);
        table.add_row(row);
    }
    // Numbers to the right; the share bars stay flush left.
    let numbers: &[usize] = if analysis.timed {
        &[1, 3, 4, 5]
    } else {
        &[2, 3, 4]
    };
    for &i in numbers {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

/// `████████░░░░ 61%`
fn bar(share: f64, percent: u32) -> String {
    let filled = ((share * BAR as f64).round() as usize).min(BAR);
    format!(
        "{}{} {percent:>3}%",
        "█".repeat(filled),
        "░".repeat(BAR - filled),
    )
}

/// Whole percents for `shares` that add up to 100 (when the shares do):
/// each rounded down, then the points left over go to the largest remainders.
fn percents(shares: &[f64]) -> Vec<u32> {
    let exact: Vec<f64> = shares.iter().map(|s| s.max(0.0) * 100.0).collect();
    let mut out: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    let total = exact.iter().sum::<f64>().round() as u32;
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())));
    let short = total.saturating_sub(out.iter().sum());
    for &i in order.iter().take(short as usize) {
        out[i] += 1;
    }
    out
}

fn longest(s: &Speaker) -> String {
    match s.longest_monologue_seconds {
        Some(seconds) => clock(ms(seconds)),
        None => words(s.longest_monologue_words),
    }
}

fn words(n: u64) -> String {
    format!("{n} word{}", if n == 1 { "" } else { "s" })
}

/// The user's three figures, each against its band, with a coaching note.
fn you(me: &Speaker, report: &Report, timed: bool, width: usize) -> String {
    let mut out = format!(
        "{}\n",
        style(format!("You ({}):", printable_line(&me.name))).bold()
    );
    for note in &report.coaching {
        let figure = match note.figure {
            Figure::TalkShare if timed => format!("talked {:.0}% of the time", me.share * 100.0),
            Figure::TalkShare => format!("spoke {:.0}% of the words", me.share * 100.0),
            Figure::Questions => format!(
                "asked {} question{}",
                me.questions,
                if me.questions == 1 { "" } else { "s" }
            ),
            Figure::LongestMonologue => format!("longest monologue {}", longest(me)),
        };
        let band = match &note.band {
            Some(band) => format!(" (band: {band})"),
            None => String::new(),
        };
        let mark = match note.verdict {
            Verdict::InBand => style("✓").green(),
            Verdict::Low | Verdict::High => style("➜").yellow(),
        };
        out.push_str(&format!("  {mark} {figure}{band}\n"));
        out.push_str(&format!("{}\n", wrap(&note.note, width, "    ")));
    }
    if let Some(patience) = me.patience_seconds {
        let cut_in = match me.interruptions {
            Some(0) | None => "you never started before they had stopped".to_string(),
            Some(1) => "you started once before they had stopped".to_string(),
            Some(n) => format!("you started {n} times before they had stopped"),
        };
        out.push_str(&format!(
            "  · waited {patience:.1} s on average before answering; {cut_in}\n"
        ));
    }
    out.push_str(&judged(report, width));
    out.push_str(&format!(
        "{}\n\n",
        style(wrap(BANDS_SOURCE, width, "  ")).dim()
    ));
    out
}

/// Flagged questions shown under the counts; JSON lists them all.
const FLAGGED_SHOWN: usize = 5;

/// My questions as the question coach judged them: the counts by kind, then
/// the first few it found something in.
fn judged(report: &Report, width: usize) -> String {
    let Some(by_kind) = &report.questions_by_kind else {
        return String::new();
    };
    let mut counts = vec![format!("{} open", by_kind.open)];
    counts.extend(
        by_kind
            .found()
            .map(|(kind, n)| format!("{n} {}", kind.as_str())),
    );
    if by_kind.open == 0 && counts.len() == 1 {
        return String::new();
    }
    let mut out = format!(
        "  · your questions, as coach check reads them: {}\n",
        counts.join(", ")
    );
    for flagged in report.flagged_questions.iter().take(FLAGGED_SHOWN) {
        let kinds: Vec<&str> = flagged.kinds.iter().map(|k| k.as_str()).collect();
        let line = format!(
            "{}: \"{}\"",
            kinds.join(", "),
            printable_line(&flagged.question)
        );
        out.push_str(&format!("{}\n", wrap(&line, width, "      ")));
    }
    let more = report.flagged_questions.len().saturating_sub(FLAGGED_SHOWN);
    if more > 0 {
        out.push_str(&format!(
            "      … and {more} more (--format json lists them all)\n"
        ));
    }
    out
}

fn monologues(analysis: &Analysis) -> String {
    if analysis.monologues.is_empty() {
        return String::new();
    }
    let mut out = format!("{}\n", style("Longest monologues:").bold());
    for (i, m) in analysis.monologues.iter().enumerate() {
        let length_and_start = match (m.seconds, m.start_seconds) {
            (Some(seconds), Some(start)) => {
                format!("{}, from {}", clock(ms(seconds)), clock(ms(start)))
            }
            _ => format!("{}, from line {}", words(m.words), m.line),
        };
        out.push_str(&format!(
            "  {}. {} — {length_and_start}\n",
            i + 1,
            printable_line(&m.speaker)
        ));
    }
    out
}

fn ms(seconds: f64) -> u64 {
    (seconds * 1000.0).round() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars() {
        for (share, want) in [
            (0.0, "░░░░░░░░░░░░   0%"),
            (0.43, "█████░░░░░░░  43%"),
            (0.61, "███████░░░░░  61%"),
            (1.0, "████████████ 100%"),
        ] {
            let percent = (share * 100.0_f64).round() as u32;
            assert_eq!(bar(share, percent), want, "{share}");
        }
    }

    #[test]
    fn shown_shares_add_up_to_100() {
        assert_eq!(percents(&[0.335, 0.335, 0.33]), [34, 33, 33]);
        assert_eq!(percents(&[0.125, 0.125, 0.125, 0.625]), [13, 13, 12, 62]);
        assert_eq!(percents(&[0.5, 0.5]), [50, 50]);
        assert_eq!(percents(&[1.0]), [100]);
        assert_eq!(percents(&[]), Vec::<u32>::new());
        let odd = [0.2067, 0.1916, 0.2003, 0.2011, 0.2003];
        assert_eq!(percents(&odd).iter().sum::<u32>(), 100);
    }
}
