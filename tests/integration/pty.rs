//! The real terminal UI of `coach prep`, driven through a pseudo-terminal.
