//! The playbooks shipped with coach, embedded in the binary so it works on a
//! fresh machine with nothing installed beside it.

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
