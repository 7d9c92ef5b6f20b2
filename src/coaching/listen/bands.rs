//! The user's figures held against published bands, each with a one-line
//! coaching note.
//!
//! The bands are Gong Labs' published call studies (DESIGN.md section 2): the
//! best-converting talk-to-listen ratio was 43:57, and 11–14 questions did
//! best in discovery calls. 43% is a best point, not a range; coach calls
//! 38–48% "near" it. No published band for the longest monologue is among
//! our sources, so coach shows none and its note uses its own rule of thumb:
//! up to a minute is easy to follow, over two minutes is long (without
//! times, 150 and 300 words, at about 150 spoken words a minute).

use serde::Serialize;

use super::Speaker;

/// Gong Labs: the best-converting talk share.
pub const TALK_SHARE: f64 = 0.43;
/// How far from [`TALK_SHARE`] still counts as near it.
pub const TALK_SHARE_SLACK: f64 = 0.05;
/// Gong Labs: the number of questions that did best in discovery calls.
pub const QUESTIONS: (u64, u64) = (11, 14);
/// Coach's rule of thumb for the longest monologue: easy, and long.
const MONOLOGUE_SECONDS: (f64, f64) = (60.0, 120.0);
const MONOLOGUE_WORDS: (u64, u64) = (150, 300);

/// Where the bands come from, for the line under them.
pub const SOURCE: &str = "Bands: Gong Labs' published call studies \
    (talk-to-listen 43:57 converted best; 11–14 questions did best in discovery calls).";

/// The transcript's figures set beside the user's own guesses (a talk
/// share in percent, a number of questions), one line each: people misjudge
/// how much they talk, and seeing the gap is the lesson. The sales calls'
/// band is named only for a sales conversation (`sales`), never for a talk
/// at home.
pub fn beside_estimates(
    talk_share: f64,
    questions: u64,
    guessed_share: Option<i64>,
    guessed_questions: Option<i64>,
    sales: bool,
) -> Vec<String> {
    let share = (talk_share * 100.0).round() as i64;
    let best = (TALK_SHARE * 100.0).round();
    let band = if sales {
        format!(" (the best-converting calls were near {best}%)")
    } else {
        String::new()
    };
    vec![
        match guessed_share {
            Some(guess) => {
                format!("Talk share: you guessed {guess}%, the transcript says {share}%{band}.")
            }
            None => {
                format!("Talk share: the transcript says you talked {share}% of the call{band}.")
            }
        },
        match guessed_questions {
            Some(guess) => {
                format!("Questions: you guessed {guess}, the transcript counts {questions}.")
            }
            None => format!("Questions: the transcript counts {questions} from you."),
        },
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    TalkShare,
    Questions,
    LongestMonologue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Low,
    InBand,
    High,
}

/// One figure against its band, with what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub figure: Figure,
    pub verdict: Verdict,
    /// The band in words (`about 43%`); `None` where none is published.
    pub band: Option<String>,
    pub note: String,
}

/// The notes for `me`, in the order talk share, questions, longest monologue.
pub fn notes(me: &Speaker) -> Vec<Note> {
    vec![talk_share(me.share), questions(me.questions), monologue(me)]
}

fn talk_share(share: f64) -> Note {
    // In basis points, so 0.48 is not lost to floating point.
    let points = |x: f64| (x * 10_000.0).round() as i64;
    let (share, target, slack) = (points(share), points(TALK_SHARE), points(TALK_SHARE_SLACK));
    let (verdict, note) = if share > target + slack {
        (
            Verdict::High,
            "You did most of the talking. Next time, after each point ask what they think, \
             and let the silence do some work.",
        )
    } else if share < target - slack {
        (
            Verdict::Low,
            "You gave them the floor, which is good; make sure you also said enough \
             to guide the call and agree the next step.",
        )
    } else {
        (
            Verdict::InBand,
            "A good balance: enough of you to guide the call, and room for them to think aloud.",
        )
    };
    Note {
        figure: Figure::TalkShare,
        verdict,
        band: Some(format!("about {:.0}%", TALK_SHARE * 100.0)),
        note: note.to_string(),
    }
}

fn questions(asked: u64) -> Note {
    let (low, high) = QUESTIONS;
    let (verdict, note) = if asked == 0 {
        (
            Verdict::Low,
            "You asked no questions. Bring three or four open ones to the next call \
             (`coach check` helps you word them).",
        )
    } else if asked < low {
        (
            Verdict::Low,
            "A few more open questions would let them tell you what matters; \
             prepare some before the next call (`coach check` helps).",
        )
    } else if asked > high {
        (
            Verdict::High,
            "Plenty of questions. Make sure each answer had room, so it felt like \
             a conversation rather than an interview.",
        )
    } else {
        (
            Verdict::InBand,
            "Right in the range that did best in discovery calls.",
        )
    };
    Note {
        figure: Figure::Questions,
        verdict,
        band: Some(format!("{low}–{high} in discovery")),
        note: note.to_string(),
    }
}

fn monologue(me: &Speaker) -> Note {
    let (easy, long) = match me.longest_monologue_seconds {
        Some(seconds) => (
            seconds <= MONOLOGUE_SECONDS.0,
            seconds > MONOLOGUE_SECONDS.1,
        ),
        None => {
            let words = me.longest_monologue_words;
            (words <= MONOLOGUE_WORDS.0, words > MONOLOGUE_WORDS.1)
        }
    };
    let (verdict, note) = if easy {
        (
            Verdict::InBand,
            "Short turns: they could come in whenever they wanted.",
        )
    } else if long {
        (
            Verdict::High,
            "A long stretch. Break it up: make one point, then ask how it lands.",
        )
    } else {
        (
            Verdict::High,
            "Long enough to lose them; after a minute or so, check in with a question.",
        )
    };
    Note {
        figure: Figure::LongestMonologue,
        verdict,
        band: None,
        note: note.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(share: f64, questions: u64, monologue: Option<f64>, words: u64) -> Speaker {
        Speaker {
            labels: Vec::new(),
            asked: Vec::new(),
            patience_seconds: None,
            interruptions: None,
            name: "Alex".into(),
            seconds: monologue.map(|_| 100.0),
            share,
            words: 500,
            questions,
            longest_monologue_seconds: monologue,
            longest_monologue_words: words,
            turns: 3,
        }
    }

    #[test]
    fn verdicts_at_the_edges_of_the_bands() {
        use Verdict::*;
        type Case = (f64, u64, Option<f64>, u64, [Verdict; 3]);
        let cases: &[Case] = &[
            (0.43, 12, Some(45.0), 0, [InBand, InBand, InBand]),
            (0.48, 11, Some(60.0), 0, [InBand, InBand, InBand]),
            (0.38, 14, Some(60.5), 0, [InBand, InBand, High]),
            (0.4801, 15, Some(121.0), 0, [High, High, High]),
            (0.3799, 10, Some(30.0), 0, [Low, Low, InBand]),
            (0.61, 0, None, 150, [High, Low, InBand]),
            (0.2, 4, None, 301, [Low, Low, High]),
        ];
        for (share, asked, seconds, words, want) in cases {
            let got: Vec<Verdict> = notes(&speaker(*share, *asked, *seconds, *words))
                .iter()
                .map(|n| n.verdict)
                .collect();
            assert_eq!(
                got, want,
                "share {share}, {asked} questions, {seconds:?} s, {words} words"
            );
        }
    }

    #[test]
    fn bands_in_words() {
        let notes = notes(&speaker(0.5, 3, Some(10.0), 0));
        let bands: Vec<Option<&str>> = notes.iter().map(|n| n.band.as_deref()).collect();
        assert_eq!(bands, [Some("about 43%"), Some("11–14 in discovery"), None]);
        assert!(notes[1].note.contains("coach check"));
    }

    #[test]
    fn estimates_are_set_beside_the_transcript() {
        assert_eq!(
            beside_estimates(0.614, 4, Some(40), Some(12), true),
            [
                "Talk share: you guessed 40%, the transcript says 61% (the best-converting calls were near 43%).",
                "Questions: you guessed 12, the transcript counts 4."
            ]
        );
        let plain = beside_estimates(0.3, 1, None, None, true);
        assert!(plain[0].starts_with("Talk share: the transcript says you talked 30%"));
        assert_eq!(plain[1], "Questions: the transcript counts 1 from you.");
        // A talk at home is not held to sales calls.
        assert_eq!(
            beside_estimates(0.3, 1, Some(50), None, false)[0],
            "Talk share: you guessed 50%, the transcript says 30%."
        );
    }
}
