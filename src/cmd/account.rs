//! `coach account NAME [--format table|json]`: the Blue Sheet of one
//! account, put together from every session at it (see `crate::account`).

use std::io::Write;

use crate::cli::{AccountArgs, ListFormat};
use crate::error::Result;
use crate::store::Store;
use crate::workflow::who::settle_account;

pub fn run(args: AccountArgs, store: &Store) -> Result<()> {
    let name = settle_account(store, &args.name)?;
    let sheet = crate::workflow::account(store, &name)?;
    let mut out = crate::stdout();
    match args.format {
        ListFormat::Table => write!(
            out,
            "{}",
            crate::account::render(&sheet, crate::report::stdout_width())
        )?,
        ListFormat::Json => {
            crate::text::write_json(&mut out, &crate::account::json(&sheet), true)?;
        }
    }
    out.flush()?;
    Ok(())
}
