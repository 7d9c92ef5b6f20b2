//! `coach completions SHELL` and `coach man`: both generated from the clap
//! definitions in `cli.rs`, so they never drift from the flags.
//!
//! clap_complete's scripts are static; playbook names and session ids only
//! exist at run time. For bash, zsh and fish coach adds a few shell functions
//! that ask coach itself: `coach playbook list --format json` for playbook
//! names, and `coach config path` for the notes and drafts directories, whose
//! file names are the session and draft ids. They complete `--playbook`,
//! `--from`, `--prep`, `--resume` and the ids of `show` and `card`.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Result;

pub fn completions(shell: Shell) -> Result<()> {
    let mut out = crate::stdout();
    out.write_all(script(shell).as_bytes())?;
    out.flush()?;
    Ok(())
}

pub fn man() -> Result<()> {
    let mut out = crate::stdout();
    out.write_all(&man_page()?)?;
    out.flush()?;
    Ok(())
}

/// The man page, as roff.
pub fn man_page() -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    Ok(buf)
}

/// The completion script for `shell`, with coach's dynamic values where the
/// shell allows.
pub fn script(shell: Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "coach", &mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    match shell {
        Shell::Bash => format!("{text}{BASH}"),
        Shell::Fish => format!("{text}{FISH}"),
        Shell::Zsh => zsh(&text),
        _ => text,
    }
}

/// Point zsh's value completers for playbooks and ids at coach's functions.
fn zsh(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + ZSH.len());
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let with = if line.contains("--playbook=[") || line.contains("--from=[") {
            Some("_coach_playbooks")
        } else if line.contains("--prep=[")
            || line.starts_with("':id -- ")
            || line.starts_with("'::id -- ")
        {
            Some("_coach_sessions")
        } else if line.contains("--resume=[") {
            Some("_coach_drafts")
        } else {
            None
        };
        match with {
            Some(f) => out.push_str(&line.replacen(":_default'", &format!(":{f}'"), 1)),
            None => out.push_str(line),
        }
        // The functions go right after `#compdef coach`.
        if n == 0 {
            out.push_str(ZSH);
        }
    }
    out
}

const BASH: &str = r#"
# coach: playbook names and session ids, asked of coach itself. Only names
# made of a-z, 0-9 and - are offered, and they are matched here rather than
# handed to compgen -W, which would expand them: a file name is never code.
_coach_playbooks() {
    coach playbook list --format json 2>/dev/null | sed -n 's/^    "id": "\([a-z0-9-]*\)",$/\1/p'
}
_coach_ids() {
    local dir f
    dir=$(coach config path 2>/dev/null | sed -n "s/^$1  *//p")
    [[ -n "$dir" && -d "$dir" ]] || return 0
    for f in "$dir"/*."$2"; do
        [[ -e "$f" ]] || continue
        f=${f##*/}
        f=${f%."$2"}
        [[ "$f" =~ ^[a-z0-9-]+$ ]] && printf '%s\n' "$f"
    done
}
_coach_offer() {
    local cur="$1" w
    COMPREPLY=()
    while IFS= read -r w; do
        [[ "$w" == "$cur"* ]] && COMPREPLY+=("$w")
    done
    return 0
}
_coach_dynamic() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local sub="" i w skip=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        w="${COMP_WORDS[i]}"
        if [[ -n "$skip" ]]; then skip=""; continue; fi
        case "$w" in
            --home|--color) skip=1 ;;
            -*) ;;
            *) sub="$w"; break ;;
        esac
    done
    if [[ "$cur" != */* ]]; then
        case "$prev" in
            --playbook|--from)
                _coach_offer "$cur" < <(_coach_playbooks); return 0 ;;
            --prep)
                _coach_offer "$cur" < <(printf 'latest\n'; _coach_ids notes md); return 0 ;;
            --resume)
                _coach_offer "$cur" < <(_coach_ids drafts yaml); return 0 ;;
        esac
        if [[ ("$sub" == show || "$sub" == card) && "$cur" != -* && "$prev" != --* ]]; then
            _coach_offer "$cur" < <(_coach_ids notes md); return 0
        fi
    fi
    _coach "$@"
}
complete -F _coach_dynamic -o bashdefault -o default coach
"#;

const ZSH: &str = r#"
# coach: playbook names and session ids, asked of coach itself.
_coach_playbooks() {
    local -a names
    names=(${(f)"$(coach playbook list --format json 2>/dev/null | sed -n 's/^    "id": "\([a-z0-9-]*\)",$/\1/p')"})
    _describe -t playbooks 'playbook' names
    _files -g '*.(yaml|yml)'
}
_coach_list_ids() {
    local dir
    dir=$(coach config path 2>/dev/null | sed -n "s/^$1  *//p")
    [[ -n "$dir" && -d "$dir" ]] && print -l -- "$dir"/*.$2(N:t:r) | grep -E '^[a-z0-9-]+$'
}
_coach_sessions() {
    local -a ids
    ids=(${(f)"$(_coach_list_ids notes md)"})
    _describe -t sessions 'session' ids
}
_coach_drafts() {
    local -a ids
    ids=(${(f)"$(_coach_list_ids drafts yaml)"})
    _describe -t drafts 'draft' ids
}
"#;

const FISH: &str = r#"
# coach: playbook names and session ids, asked of coach itself.
function __fish_coach_playbooks
    coach playbook list --format json 2>/dev/null | string match -rg '^    "id": "([a-z0-9-]*)",$'
end
function __fish_coach_ids
    set -l dir (coach config path 2>/dev/null | string match -rg "^$argv[1] +(.*)\$")
    test -n "$dir"; and test -d "$dir"; or return 0
    for f in $dir/*.$argv[2]
        basename $f .$argv[2] | string match -r '^[a-z0-9-]+$'
    end
end
complete -c coach -n "__fish_coach_using_subcommand prep debrief history" -l playbook -x -a "(__fish_coach_playbooks)"
complete -c coach -n "__fish_coach_using_subcommand playbook; and __fish_seen_subcommand_from new" -l from -x -a "(__fish_coach_playbooks)"
complete -c coach -n "__fish_coach_using_subcommand playbook; and __fish_seen_subcommand_from show validate lint" -f -a "(__fish_coach_playbooks)"
complete -c coach -n "__fish_coach_using_subcommand debrief" -l prep -x -a "latest (__fish_coach_ids notes md)"
complete -c coach -n "__fish_coach_using_subcommand prep debrief" -l resume -x -a "(__fish_coach_ids drafts yaml)"
complete -c coach -n "__fish_coach_using_subcommand show card" -f -a "(__fish_coach_ids notes md)"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_gets_a_script() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            assert!(script(shell).contains("coach"), "{shell}");
        }
    }

    #[test]
    fn zsh_completes_playbooks_and_ids() {
        let text = script(Shell::Zsh);
        assert!(
            text.starts_with("#compdef coach\n\n# coach:"),
            "{}",
            &text[..80]
        );
        assert!(text.contains(":NAME|PATH:_coach_playbooks'"));
        assert!(text.contains(":_coach_sessions'"));
        assert!(text.contains(":_coach_drafts'"));
    }

    #[test]
    fn the_man_page_names_every_command() {
        let page = String::from_utf8(man_page().unwrap()).unwrap();
        assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{}", &page[..40]);
        for name in ["prep", "debrief", "card", "config", "completions"] {
            assert!(page.contains(name), "{name}");
        }
    }
}

/// `docs/commands.md`: every command's full help, generated from the clap
/// definitions. A unit test fails when the file drifts; run
/// `UPDATE_DOCS=1 cargo test commands_md` to write it again.
#[cfg(test)]
const PREAMBLE: &str = r#"# Commands

<!-- Generated from src/cli.rs by `UPDATE_DOCS=1 cargo test commands_md`; do not edit by hand. -->

Every command's `--help`, as coach prints it.

## Shell completions and the man page

Both are generated from the same clap definitions as this page. The bash, zsh and
fish scripts also complete playbook names (`--playbook`, `--from`, `playbook show`)
and session ids (`show`, `card`, `--prep`) and draft ids (`--resume`) by asking
`coach` itself, so `coach` must be on your `PATH`.

```sh
# bash
mkdir -p ~/.local/share/bash-completion/completions
coach completions bash > ~/.local/share/bash-completion/completions/coach
# zsh: a directory on your $fpath, then `autoload -U compinit && compinit` in ~/.zshrc
mkdir -p ~/.zfunc && coach completions zsh > ~/.zfunc/_coach   # fpath=(~/.zfunc $fpath)
# fish
coach completions fish > ~/.config/fish/completions/coach.fish
# elvish, PowerShell: static completions only
coach completions elvish > ~/.config/elvish/lib/coach.elv
coach completions powershell >> $PROFILE
# the man page
mkdir -p ~/.local/share/man/man1 && coach man > ~/.local/share/man/man1/coach.1
```
"#;

#[cfg(test)]
fn commands_markdown() -> String {
    // The value of COACH_HOME in the environment of whoever runs this is no
    // part of the docs.
    let mut cli = Cli::command()
        .term_width(100)
        .mut_arg("home", |a| a.hide_env_values(true));
    cli.build();
    let mut out = String::from(PREAMBLE);
    section(&mut out, &mut cli, "coach");
    out
}

#[cfg(test)]
fn section(out: &mut String, cmd: &mut clap::Command, path: &str) {
    let mut cmd_w = cmd.clone().term_width(100).bin_name(path);
    let help = cmd_w.render_long_help().to_string();
    let help: Vec<&str> = help.trim_end().lines().map(str::trim_end).collect();
    out.push_str(&format!(
        "\n## `{path}`\n\n```text\n{}\n```\n",
        help.join("\n")
    ));
    let names: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        if let Some(sub) = cmd.find_subcommand_mut(&name) {
            section(out, sub, &format!("{path} {name}"));
        }
    }
}

#[cfg(test)]
mod docs_tests {
    #[test]
    fn commands_md_matches_the_clap_definitions() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/commands.md");
        let generated = super::commands_markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            kept == generated,
            "docs/commands.md is out of date with src/cli.rs; run `UPDATE_DOCS=1 cargo test commands_md`"
        );
    }
}
