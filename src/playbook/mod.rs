//! Playbooks: the hand-editable YAML files that hold the coaching. `model`
//! is the format, `load` finds and reads files, `validate` checks them, and
//! `answer` fits a person's answer to a question.

pub mod answer;
pub mod builtin;
pub mod link;
pub mod lint;
pub mod load;
pub mod meaning;
pub mod model;
pub mod person;
#[cfg(test)]
mod props;
mod validate;

pub use meaning::Meaning;
pub use model::{
    Answer, Influence, Kind, Meanings, Mode, Person, Playbook, Question, QuestionType, Role,
    Section,
};
