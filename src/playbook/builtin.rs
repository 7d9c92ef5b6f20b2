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
    ("personal", include_str!("../../playbooks/personal.yaml")),
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
