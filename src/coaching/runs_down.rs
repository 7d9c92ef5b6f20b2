//! Whether the user's own words run something down: "Salesforce — clunky and
//! overpriced", "their agency is a joke", "building it in-house will fail".
//! Negative selling backfires (DESIGN.md section 2, point 6), so the playbooks'
//! nudge against it fires on these words, not on an alternative merely named.
//! Playbooks reach it as the template function `runs_down(answer)`.

/// Words that run a thing down, said of it: one word each.
const WORDS: &str = "clunky outdated terrible awful useless rubbish overpriced junk garbage crap \
    crappy dreadful horrible appalling shocking pathetic laughable buggy flaky unreliable \
    inferior second-rate amateurish amateur incompetent hopeless sloppy overhyped overrated \
    ancient archaic dinosaur dinosaurs clueless cowboys cowboy shambolic joke mess nightmare \
    disaster dire dodgy shoddy shady cheap naff lousy lame poor worse worst bad broken failing \
    dying doomed bloated clumsy slow sluggish";

/// Phrases that run a thing down.
const PHRASES: &[&str] = &[
    "a joke",
    "rip off",
    "rip-off",
    "behind the times",
    "out of date",
    "old-fashioned",
    "old fashioned",
    "doesn't work",
    "don't work",
    "never works",
    "will fail",
    "won't last",
    "going under",
    "going bust",
    "falling apart",
    "nobody uses",
    "no one uses",
    "waste of money",
    "waste of time",
    "can't deliver",
    "can't scale",
    "they'll regret",
    "is failing them",
    "are failing them",
];

/// Words before a judgement that take it back: "not bad", "isn't slow".
fn negates(word: &str) -> bool {
    matches!(word, "not" | "never" | "hardly" | "no") || word.ends_with("n't")
}

/// The first words in `text` that run something down, as written; none when
/// it only names or describes.
pub fn runs_down(text: &str) -> Option<String> {
    let low = text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let words: Vec<&str> = low
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let at = words.iter().enumerate().find(|(i, w)| {
        WORDS.split_whitespace().any(|j| j == **w)
            && !i.checked_sub(1).is_some_and(|p| negates(words[p]))
            && !(i.checked_sub(2).is_some_and(|p| negates(words[p])) && words[i - 1] == "that")
    });
    let phrase = PHRASES.iter().find_map(|p| {
        let p_words: Vec<&str> = p.split([' ']).collect();
        (0..words.len())
            .find(|&i| words[i..].starts_with(&p_words))
            .map(|i| (i, p.to_string()))
    });
    match (at, phrase) {
        (Some((i, w)), Some((j, p))) => Some(if j <= i { p } else { w.to_string() }),
        (Some((_, w)), None) => Some(w.to_string()),
        (None, Some((_, p))) => Some(p),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::runs_down;

    #[test]
    fn words_that_run_an_alternative_down_are_found() {
        for (text, word) in [
            ("Salesforce — clunky and overpriced", "clunky"),
            ("Their current agency is a joke", "a joke"),
            ("building it in-house, which will fail", "will fail"),
            ("HubSpot (nobody uses it properly)", "nobody uses"),
            ("The old spreadsheet is a total mess", "mess"),
            ("Acme\u{2019}s tool doesn't work offline", "doesn't work"),
        ] {
            assert_eq!(runs_down(text).as_deref(), Some(word), "{text:?}");
        }
    }

    #[test]
    fn naming_or_describing_an_alternative_is_not_running_it_down() {
        for text in [
            "Salesforce",
            "building it themselves",
            "doing nothing this year",
            "Acme's platform, which their IT team likes",
            "HubSpot: not bad at all, cheaper per seat than us",
            "a spreadsheet that isn't slow for them yet",
            "waiting for the new budget in April",
            "",
        ] {
            assert_eq!(runs_down(text), None, "{text:?}");
        }
    }
}
