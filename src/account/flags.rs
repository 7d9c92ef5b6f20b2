//! The Blue Sheet's red flags, as Strategic Selling uses them: a part
//! nobody plays, an economic buyer never met, a high-influence person
//! against you or of unknown mode, someone in even keel or overconfident
//! mode, no session in the last [`QUIET_DAYS`] days — each with a stable
//! kind, a sentence, and a few words for the one line on the card.

use jiff::civil::Date;

use super::{Account, Known, QUIET_DAYS, RedFlag};
use crate::playbook::{Influence, Mode, Role};

pub(super) fn red_flags(people: &[Known], last: Option<Date>, today: Date) -> Vec<RedFlag> {
    let mut flags = Vec::new();
    let mut flag = |kind: &'static str, short: String, message: String| {
        flags.push(RedFlag {
            kind,
            message,
            short,
        });
    };
    for (role, kind, short, message) in [
        (
            Role::Economic,
            "no_economic",
            "nobody signs",
            "Nobody is known to sign (economic): ask who gives final approval and can release the money.",
        ),
        (
            Role::User,
            "no_user",
            "nobody uses it",
            "Nobody is known to use it day to day (user): ask who will work with it every day.",
        ),
        (
            Role::Technical,
            "no_technical",
            "nobody screens it",
            "Nobody is known to screen it (technical): ask who will check it against their standards (IT, security, legal, finance, procurement).",
        ),
        (
            Role::Coach,
            "no_coach",
            "nobody guides you",
            "Nobody is known to guide you (coach): ask your best contact how they would approach this if they were you.",
        ),
    ] {
        if !people.iter().any(|k| k.plays(role)) {
            flag(kind, short.to_string(), message.to_string());
        }
    }
    for k in people {
        let name = &k.name;
        if k.plays(Role::Economic) && k.met.is_none() {
            flag(
                "economic_not_met",
                format!("never met {name}, who signs"),
                format!("You have never had a session with {name}, who signs."),
            );
        }
        let high = k
            .influence
            .as_ref()
            .is_some_and(|i| i.value == Influence::High);
        if let Some(r) = k.rating.as_ref().filter(|r| high && r.value < 0) {
            flag(
                "high_influence_against",
                format!("{name} rates you {:+}", r.value),
                format!(
                    "{name} weighs heavily and backs you at {:+}: learn what they need before anyone else.",
                    r.value
                ),
            );
        }
        if high && k.mode.is_none() {
            flag(
                "high_influence_mode_unknown",
                format!("how {name} sees it is unknown"),
                format!(
                    "{name} weighs heavily, and you don't know how they see their situation (growth, trouble, even keel, overconfident)."
                ),
            );
        }
        if let Some(m) = k
            .mode
            .as_ref()
            .filter(|m| matches!(m.value, Mode::EvenKeel | Mode::Overconfident))
        {
            let (kind, how) = match m.value {
                Mode::EvenKeel => ("even_keel", "even keel"),
                _ => ("overconfident", "overconfident"),
            };
            flag(
                kind,
                format!("{name} is {how}"),
                format!(
                    "{name} is {how}: no gap between where things are and where they want them, so no sale yet."
                ),
            );
        }
    }
    if let Some(last) = last {
        let days = (today - last).get_days();
        if days > QUIET_DAYS {
            flag(
                "no_recent_session",
                format!("no session in {days} days"),
                format!(
                    "No session in the last {QUIET_DAYS} days: the last was {last}, {days} days ago."
                ),
            );
        }
    }
    flags
}

/// The red flags on one line (the card, the next prep): `Red flags:
/// nobody guides you; never met Tom Reyes, who signs.` None without any.
pub fn flags_line(account: &Account) -> Option<String> {
    if account.red_flags.is_empty() {
        return None;
    }
    let shorts: Vec<&str> = account.red_flags.iter().map(|f| f.short.as_str()).collect();
    Some(format!("{}.", shorts.join("; ")))
}
