//! The ways a person answers, each a [`Prompter`](crate::flow::Prompter):
//! `terminal` asks in a real terminal (dialoguer for picks, with `theme`;
//! rustyline for typed lines), `scripted` answers from an answers file (and
//! hands what it lacks to the terminal, if any). `editor` runs the user's
//! editor for long answers; `people` asks the buying influences person by
//! person.

mod coach;
pub mod editor;
pub mod people;
pub mod scripted;
pub mod terminal;
mod theme;
