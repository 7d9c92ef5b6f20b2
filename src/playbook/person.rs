//! One person who influences a decision, as a `type: people` question
//! records them (DESIGN.md section 4): Strategic Selling's buying
//! influence, with the parts they play, how much their word weighs, how
//! they see their situation, how strongly they back you and what they win.
//! Each closed field has its names (as files write them) and its labels
//! (as people read them) in one place.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One person who influences a decision (Strategic Selling's buying
/// influence), as a `people` question records them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Their name, as you would write it after `--with`.
    #[schemars(length(min = 1))]
    pub name: String,
    /// The parts they play in the decision; one person may play several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// How much their word weighs in the decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<Influence>,
    /// How they see their situation, and so how ready they are to change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    /// How strongly they back you: -5 (against you) to +5 (for you).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = -5, max = 5))]
    pub rating: Option<i8>,
    /// What they win personally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win: Option<String>,
}

/// A part a person plays in a decision: `economic` (gives final approval,
/// releases the money), `user` (will use it), `technical` (screens it
/// against standards), `coach` (guides you).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Economic,
    User,
    Technical,
    Coach,
}

/// How much a person's word weighs: `high`, `medium` or `low`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Influence {
    High,
    Medium,
    Low,
}

/// How a person sees their situation: `growth` (wants more), `trouble`
/// (something is wrong), `even_keel` (all is fine: no reason to change) or
/// `overconfident` (sure all is better than it is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Growth,
    Trouble,
    EvenKeel,
    Overconfident,
}

/// The names, in order, of a field's values: what a `people` record's
/// field accepts, and what a prompt offers.
macro_rules! names {
    ($ty:ident { $($v:ident => $name:literal, $label:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$v),+];

            pub fn as_str(self) -> &'static str {
                match self { $($ty::$v => $name),+ }
            }

            /// How it reads on screen and in the notes.
            pub fn label(self) -> &'static str {
                match self { $($ty::$v => $label),+ }
            }

            pub fn parse(name: &str) -> Option<$ty> {
                let name = name.trim().to_lowercase().replace([' ', '-'], "_");
                Self::ALL.iter().copied().find(|v| v.as_str() == name)
            }

            pub fn names() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }
    };
}

names!(Role {
    Economic => "economic", "signs (economic)",
    User => "user", "uses it (user)",
    Technical => "technical", "screens it (technical)",
    Coach => "coach", "guides you (coach)",
});
names!(Influence { High => "high", "high", Medium => "medium", "medium", Low => "low", "low" });
names!(Mode {
    Growth => "growth", "growth",
    Trouble => "trouble", "trouble",
    EvenKeel => "even_keel", "even keel",
    Overconfident => "overconfident", "overconfident",
});

impl Mode {
    /// The mode with what it means, as a prompt offers it.
    pub fn hint(self) -> &'static str {
        match self {
            Mode::Growth => "growth — wants more",
            Mode::Trouble => "trouble — something is wrong",
            Mode::EvenKeel => "even keel — no reason to change",
            Mode::Overconfident => "overconfident — sure all is well",
        }
    }
}

impl Person {
    /// The person on one line: `Jane Smith (economic, user; high; trouble;
    /// +2; promotion)`, the name alone when nothing else is known.
    pub fn display(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.roles.is_empty() {
            let roles: Vec<&str> = self.roles.iter().map(|r| r.as_str()).collect();
            parts.push(roles.join(", "));
        }
        if let Some(i) = self.influence {
            parts.push(format!("{} influence", i.as_str()));
        }
        if let Some(m) = self.mode {
            parts.push(m.label().to_string());
        }
        if let Some(r) = self.rating {
            parts.push(format!("rating {r:+}"));
        }
        if let Some(w) = self.win.as_deref().filter(|w| !w.trim().is_empty()) {
            parts.push(format!("wins: {w}"));
        }
        if parts.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, parts.join("; "))
        }
    }
}
