//! Integration tests: the real `coach` binary, each test in its own home.

mod check;
mod debrief;
mod env;
mod followups;
mod listen;
mod playbook;
mod prep;
mod pty;
mod safety;
