//! Integration tests: the real `coach` binary, each test in its own home.

mod check;
mod env;
mod playbook;
mod prep;
mod pty;
mod safety;
