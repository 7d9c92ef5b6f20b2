//! The playbooks shipped with coach, embedded in the binary so it works on a
//! fresh machine with nothing installed beside it.

use std::sync::OnceLock;

use super::Meanings;

/// `(id, YAML text)` of every shipped playbook; the first is the default.
pub const BUILTIN: &[(&str, &str)] = &[
    ("discovery", include_str!("../../playbooks/discovery.yaml")),
    (
        "group-decision",
        include_str!("../../playbooks/group-decision.yaml"),
    ),
    ("follow-up", include_str!("../../playbooks/follow-up.yaml")),
    (
        "negotiation",
        include_str!("../../playbooks/negotiation.yaml"),
    ),
    ("renewal", include_str!("../../playbooks/renewal.yaml")),
    ("proposal", include_str!("../../playbooks/proposal.yaml")),
    ("internal", include_str!("../../playbooks/internal.yaml")),
    ("personal", include_str!("../../playbooks/personal.yaml")),
    ("repair", include_str!("../../playbooks/repair.yaml")),
    ("debrief", include_str!("../../playbooks/debrief.yaml")),
    (
        "group-debrief",
        include_str!("../../playbooks/group-debrief.yaml"),
    ),
    (
        "personal-debrief",
        include_str!("../../playbooks/personal-debrief.yaml"),
    ),
];

/// The playbook `coach prep` follows when none is named.
pub const DEFAULT_PREP: &str = "discovery";

/// The built-in playbooks for talks at home: no sales word, no sales call
/// statistic, in them or in what coach says of their sessions.
pub const AT_HOME: [&str; 3] = ["personal", "repair", "personal-debrief"];

/// Whether playbook `id` is one of the talks at home ([`AT_HOME`]).
pub fn at_home(id: &str) -> bool {
    AT_HOME.contains(&id)
}

/// Whether a conversation walked with these playbooks (a debrief's, and
/// its prep's when known) was a sales call, to be held to the sales call
/// studies' bands and outcomes: not a talk at home, nor one with a
/// colleague (`internal`). A playbook of the user's own counts as a sales
/// one.
pub fn sales_call<'a>(playbooks: impl IntoIterator<Item = &'a str>) -> bool {
    !playbooks
        .into_iter()
        .any(|id| at_home(id) || id == "internal")
}

pub fn get(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, text)| *text)
}

/// What the questions of built-in playbook `id` mean. Sessions written
/// before playbooks declared meanings hold none of their own; their
/// playbook was a built-in one (nothing else could declare them), so this
/// is what they meant.
pub fn meanings(id: &str) -> Meanings {
    static ALL: OnceLock<Vec<(&'static str, Meanings)>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        BUILTIN
            .iter()
            .filter_map(|(name, text)| {
                let source = crate::diag::Source::new(format!("{name}.yaml"), *text);
                let playbook = super::load::parse(&source, name).ok()?;
                Some((*name, playbook.meanings()))
            })
            .collect()
    });
    all.iter()
        .find(|(name, _)| *name == id)
        .map(|(_, m)| m.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value a scale nudge's `when` turns on, and the side: `>= 4` is
    /// `(4, true)`, `< 3` is `(2, false)`.
    fn threshold(when: &str) -> Option<(i64, bool)> {
        let ops = [
            (">=", 0, true),
            ("<=", 0, false),
            (">", 1, true),
            ("<", -1, false),
        ];
        ops.iter().find_map(|(op, shift, high)| {
            let (_, rest) = when.split_once(op)?;
            let n: i64 = rest
                .trim()
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()?;
            Some((n + shift, *high))
        })
    }

    /// Words of `label` the nudge says again: a run of three, or the whole
    /// label when it is shorter.
    fn repeats(say: &str, label: &str) -> Option<String> {
        let words = |t: &str| -> Vec<String> {
            t.to_lowercase()
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        };
        let (say, label) = (words(say).join(" "), words(label));
        let run = label.len().min(3);
        label
            .windows(run)
            .map(|w| w.join(" "))
            .find(|phrase| format!(" {say} ").contains(&format!(" {phrase} ")))
    }

    /// A nudge that says a scale's end in its words ("It felt like
    /// everything") fires only at that end, not one point short of it.
    #[test]
    fn every_scale_nudge_fires_where_its_words_are_true() {
        let mut wrong = Vec::new();
        for (name, text) in BUILTIN {
            let source = crate::diag::Source::new(format!("{name}.yaml"), *text);
            let playbook = crate::playbook::load::parse(&source, name).expect("ships valid");
            for q in playbook.questions() {
                let (Some(labels), Some(min), Some(max)) = (&q.labels, q.min, q.max) else {
                    continue;
                };
                for nudge in &q.nudges {
                    let Some((at, high)) = threshold(&nudge.when) else {
                        wrong.push(format!("{name}/{}: cannot read {:?}", q.id, nudge.when));
                        continue;
                    };
                    let (label, end) = if high {
                        (&labels.high, max)
                    } else {
                        (&labels.low, min)
                    };
                    let said = label.as_deref().and_then(|l| repeats(&nudge.say, l));
                    if let Some(phrase) = said.filter(|_| at != end) {
                        wrong.push(format!(
                            "{name}/{}: says {phrase:?} (the label at {end}) but fires from {at}",
                            q.id
                        ));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// Gong Labs' call studies are named once a sales playbook, where their
    /// figures are first set beside the user's own; the nudges then quote the
    /// figures without the source again. The personal ones never name them
    /// (`no_personal_playbook_speaks_of_sales`).
    #[test]
    fn the_call_studies_are_named_once_where_they_help() {
        let mut over = Vec::new();
        for (name, text) in BUILTIN {
            let named = text.matches("Gong").count();
            if named > 1 {
                over.push(format!("{name}: Gong Labs named {named} times"));
            }
        }
        assert!(over.is_empty(), "{}", over.join("\n"));
    }

    /// Words of a sales call that have no place in a talk at home, and the
    /// sources of sales statistics.
    const SALES_WORDS: &str = "deal deals sale sales sell selling seller sellers buyer buyers \
        customer customers prospect prospects pipeline quota quotas objection objections pitch \
        pitching vendor vendors procurement stakeholder stakeholders roi revenue commission \
        discovery gong maister intimacy conversion upsell champion";

    /// No personal playbook talks sales: no sales word in anything it says
    /// or stores (`means:` names aside, they are coach's own), and no
    /// statistic.
    #[test]
    fn no_personal_playbook_speaks_of_sales() {
        let mut found = Vec::new();
        for name in AT_HOME {
            let text = get(name).unwrap_or_else(|| panic!("{name} ships"));
            for (n, line) in text.lines().enumerate() {
                let line = line.trim_start();
                if line.starts_with("means:") || line.starts_with('#') {
                    continue;
                }
                let low = line.to_lowercase();
                let words = low.split(|c: char| !c.is_alphanumeric());
                for w in words.filter(|w| SALES_WORDS.split_whitespace().any(|s| s == *w)) {
                    found.push(format!("{name}.yaml:{}: {w:?} in {line:?}", n + 1));
                }
                let figure = line
                    .char_indices()
                    .any(|(i, c)| c == '%' && line[..i].ends_with(|d: char| d.is_ascii_digit()));
                if figure {
                    found.push(format!("{name}.yaml:{}: a statistic in {line:?}", n + 1));
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn thresholds_and_repeats_read_as_meant() {
        assert_eq!(threshold("x and x >= 4"), Some((4, true)));
        assert_eq!(threshold("x and x > 3"), Some((4, true)));
        assert_eq!(threshold("x and x <= 2"), Some((2, false)));
        assert_eq!(threshold("x < 3"), Some((2, false)));
        let say = "It felt like everything. Next time, take a walk.";
        assert_eq!(
            repeats(say, "it felt like everything, and it showed"),
            Some("it felt like".into())
        );
        assert_eq!(
            repeats("They stayed guarded.", "guarded"),
            Some("guarded".into())
        );
        assert_eq!(repeats("Slow down.", "it feels like everything"), None);
    }
}
