//! `coach prep`: walk a prep playbook before a conversation and save notes.

use crate::cli::PrepArgs;
use crate::error::Result;
use crate::store::Store;
use crate::workflow::{self, Answering, Prep};

pub fn run(args: PrepArgs, store: &Store) -> Result<()> {
    let done = workflow::prep(
        store,
        Prep {
            playbook: args.playbook,
            with: args.with,
            account: args.account,
            invite: args.invite.map(|file| workflow::Invite {
                file,
                event: args.event,
            }),
            answering: Answering {
                file: args.answers,
                no_input: args.no_input,
            },
            resume: args.resume,
            full: args.full,
        },
    )?;
    super::print_finished(args.format, &done, store)
}
