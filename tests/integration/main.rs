//! Integration tests: the real `coach` binary, each test in its own home.

mod env;
mod prep;
mod pty;
