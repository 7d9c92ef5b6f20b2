//! Ctrl-C handling. A handler is installed so that SIGINT does not kill coach
//! mid-write: inside a prompt, console turns the keypress into an error that
//! unwinds to a clean exit (130) with the terminal restored; outside a prompt
//! the handler only records it, and the next prompt stops. While an editor
//! runs, SIGINT belongs to the editor and coach ignores it.

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static EDITING: AtomicBool = AtomicBool::new(false);

/// Install the handler (once; later calls do nothing).
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        if !EDITING.load(Ordering::SeqCst) {
            INTERRUPTED.store(true, Ordering::SeqCst);
        }
    });
}

/// Whether Ctrl-C was pressed since the last call.
pub fn take_interrupt() -> bool {
    INTERRUPTED.swap(false, Ordering::SeqCst)
}

/// While this lives, SIGINT is left to a child process (the editor).
pub struct Editing(());

impl Editing {
    pub fn start() -> Editing {
        EDITING.store(true, Ordering::SeqCst);
        Editing(())
    }
}

impl Drop for Editing {
    fn drop(&mut self) {
        EDITING.store(false, Ordering::SeqCst);
    }
}
