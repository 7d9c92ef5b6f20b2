//! `coach debrief`: after a conversation, hold what happened against the prep
//! point by point, and turn what was agreed into follow-ups.

use crate::cli::DebriefArgs;
use crate::error::Result;
use crate::store::Store;
use crate::workflow::{self, Answering, Debrief};

pub fn run(args: DebriefArgs, store: &Store) -> Result<()> {
    let done = workflow::debrief(
        store,
        Debrief {
            prep: args.prep,
            with: args.with,
            account: args.account,
            playbook: args.playbook,
            transcript: args.transcript.zip(args.me),
            speakers: args.speakers,
            answering: Answering {
                file: args.answers,
                no_input: args.no_input,
            },
            resume: args.resume,
        },
    )?;
    super::print_finished(args.format, &done, store)
}
