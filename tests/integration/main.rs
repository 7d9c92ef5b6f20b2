//! Integration tests: the real `coach` binary, each test in its own home.

mod card;
mod check;
mod config;
mod debrief;
mod env;
mod followups;
mod history;
mod listen;
mod playbook;
mod prep;
mod pty;
mod safety;
mod shell;
