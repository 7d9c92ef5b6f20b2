//! The Blue Sheet laid out: a table of the people, where each fact came
//! from, and the red flags (`coach account`), or one JSON document
//! (`--format json`, DESIGN.md section 3).

use std::fmt::Write as _;

use serde::Serialize;

use super::Account;
use crate::text::{printable_line, wrap};

/// The sheet as text, at most `width` columns wide.
pub fn render(a: &Account, width: usize) -> String {
    let mut out = String::new();
    let sessions = match a.sessions {
        1 => "1 session".to_string(),
        n => format!("{n} sessions"),
    };
    let last = a
        .last
        .as_ref()
        .map_or(String::new(), |(id, day)| format!(" · last {day} ({id})"));
    let _ = writeln!(
        out,
        "{}",
        wrap(
            &printable_line(&format!("{} · {sessions}{last}", a.name)),
            width,
            ""
        )
    );
    out.push('\n');
    if a.people.is_empty() {
        out.push_str("Nobody is known here yet: name the people in a prep (`coach prep --playbook group-decision`).\n");
    } else {
        let mut table = crate::report::new_table(
            [
                "Name",
                "Part",
                "Influence",
                "Mode",
                "Rating",
                "Met",
                "Personal win",
            ],
            width,
        );
        for k in &a.people {
            let roles: Vec<&str> = k
                .roles
                .iter()
                .flat_map(|r| r.value.iter().map(|r| r.as_str()))
                .collect();
            let or_dash = |t: String| if t.is_empty() { "—".to_string() } else { t };
            table.add_row([
                printable_line(&k.name),
                or_dash(roles.join(", ")),
                or_dash(
                    k.influence
                        .as_ref()
                        .map_or(String::new(), |i| i.value.as_str().into()),
                ),
                or_dash(
                    k.mode
                        .as_ref()
                        .map_or(String::new(), |m| m.value.label().into()),
                ),
                or_dash(
                    k.rating
                        .as_ref()
                        .map_or(String::new(), |r| format!("{:+}", r.value)),
                ),
                if k.met.is_some() { "yes" } else { "no" }.to_string(),
                or_dash(
                    k.win
                        .as_ref()
                        .map_or(String::new(), |w| printable_line(&w.value)),
                ),
            ]);
        }
        let _ = writeln!(out, "{table}");
        out.push_str("\nWhere each fact comes from (the latest word wins):\n");
        for k in &a.people {
            let mut from: Vec<String> = k
                .sources()
                .into_iter()
                .map(|(id, facts)| format!("{} from {id}", facts.join(", ")))
                .collect();
            if from.is_empty() {
                from.push(format!("named in {}", k.last_seen));
            }
            let line = format!("{}: {}", printable_line(&k.name), from.join("; "));
            let _ = writeln!(
                out,
                "  {}",
                wrap(&line, width.saturating_sub(2), "    ").trim_start()
            );
        }
    }
    out.push('\n');
    if a.red_flags.is_empty() {
        out.push_str("No red flags.\n");
    } else {
        out.push_str("Red flags:\n");
        for f in &a.red_flags {
            let _ = writeln!(
                out,
                "  ! {}",
                wrap(&printable_line(&f.message), width.saturating_sub(4), "    ").trim_start()
            );
        }
    }
    out
}

/// The sheet as one JSON document, keys in DESIGN's order: `{"account",
/// "sessions", "people": [{"name", "roles", "influence", "mode", "rating",
/// "win", "met", "last_seen", "sources"}], "red_flags": [{"kind",
/// "message"}]}`, each fact's session under `sources`.
pub fn json(a: &Account) -> impl Serialize + '_ {
    Sheet {
        account: &a.name,
        sessions: a.sessions,
        people: a
            .people
            .iter()
            .map(|k| PersonJson {
                name: &k.name,
                roles: k
                    .roles
                    .as_ref()
                    .map_or(Vec::new(), |r| r.value.iter().map(|r| r.as_str()).collect()),
                influence: k.influence.as_ref().map(|i| i.value.as_str()),
                mode: k.mode.as_ref().map(|m| m.value.as_str()),
                rating: k.rating.as_ref().map(|r| r.value),
                win: k.win.as_ref().map(|w| w.value.as_str()),
                met: k.met.is_some(),
                last_seen: &k.last_seen,
                sources: k
                    .sources()
                    .into_iter()
                    .flat_map(|(id, facts)| facts.into_iter().map(move |f| (f, id)))
                    .collect(),
            })
            .collect(),
        red_flags: &a.red_flags,
    }
}

#[derive(Serialize)]
struct Sheet<'a> {
    account: &'a str,
    sessions: usize,
    people: Vec<PersonJson<'a>>,
    red_flags: &'a [super::RedFlag],
}

#[derive(Serialize)]
struct PersonJson<'a> {
    name: &'a str,
    roles: Vec<&'static str>,
    influence: Option<&'static str>,
    mode: Option<&'static str>,
    rating: Option<i8>,
    win: Option<&'a str>,
    met: bool,
    last_seen: &'a str,
    /// Each fact and the session it came from, in the facts' order.
    sources: std::collections::BTreeMap<&'static str, &'a str>,
}
