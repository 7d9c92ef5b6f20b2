//! Integration tests: the real `coach` binary, each test in its own home.

mod account;
mod architecture;
mod calendar;
mod card;
mod check;
mod config;
mod debrief;
mod env;
mod followups;
mod history;
mod hostile;
mod listen;
mod meanings;
mod naming;
mod playbook;
mod prep;
mod pty;
mod safety;
mod shell;
mod team;
mod vault;
