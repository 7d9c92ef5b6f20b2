//! The test environment and a small builder for running the real `coach`.
//!
//! [`TestEnv`] gives each test its own `COACH_HOME`, an empty config
//! directory, a fixed clock, no colour and no editor, so runs are
//! reproducible and never touch the real user's files. [`Coach`] runs the
//! binary in one, so a test reads as a sentence:
//!
//! ```ignore
//! let env = TestEnv::new();
//! let doc = env.run(["prep", "--format", "json", "--answers", "a.yaml"]).success().stdout_json();
//! Coach::new().args(["check", "Can you sign today?"]).run().success();
//! env.coach().args(["show", "latest"]).stdin("…").run().code(66).stderr_has("no session");
//! ```
//!
//! [`TestEnv::settings`] holds the snapshot filters: the temporary
//! directory becomes `[TMP]` and coach's version `[VERSION]`.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const NOW: &str = "2026-11-22T14:03:00+01:00";

pub struct TestEnv {
    pub dir: tempfile::TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        TestEnv {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    pub fn notes_dir(&self) -> PathBuf {
        self.home().join("sessions")
    }

    /// A `coach` run in this environment, to add arguments to.
    pub fn coach(&self) -> Coach<'_> {
        Coach::in_env(Place::Borrowed(self))
    }

    /// `coach ARGS` in this environment, run.
    pub fn run<I, S>(&self, args: I) -> Out
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.coach().args(args).run()
    }

    /// The same command as a `std::process::Command` (for a pty).
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_coach"));
        for (key, value) in self.vars() {
            cmd.env(key, value);
        }
        for key in ["COACH_PLAYBOOK_PATH", "VISUAL", "EDITOR", "CLICOLOR_FORCE"] {
            cmd.env_remove(key);
        }
        cmd
    }

    /// The variables every run gets.
    pub fn vars(&self) -> Vec<(&'static str, String)> {
        vec![
            ("COACH_HOME", self.home().display().to_string()),
            (
                "COACH_CONFIG",
                self.dir
                    .path()
                    .join("config/config.yaml")
                    .display()
                    .to_string(),
            ),
            ("COACH_NOW", NOW.to_string()),
            ("NO_COLOR", "1".to_string()),
            ("HOME", self.dir.path().display().to_string()),
        ]
    }

    /// Write a file under the environment's directory and return its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Replace this environment's paths so output can be snapshotted.
    pub fn redact(&self, text: &str) -> String {
        text.replace(&self.dir.path().display().to_string(), "[TMP]")
    }

    /// Snapshot settings with this environment's filters: the temporary
    /// directory as `[TMP]`, coach's version as `[VERSION]`.
    pub fn settings(&self) -> insta::Settings {
        let mut settings = insta::Settings::clone_current();
        settings.add_filter(
            &regex_escape(&self.dir.path().display().to_string()),
            "[TMP]",
        );
        settings.add_filter(
            &format!(
                "coach_version: \"?{}\"?",
                regex_escape(env!("CARGO_PKG_VERSION"))
            ),
            "coach_version: [VERSION]",
        );
        settings
    }

    /// A prep answered from the discovery answers, with `with` (and the
    /// objective, when given) replaced; its id. Any text goes: it is written
    /// as a YAML string with every character YAML would refuse escaped.
    pub fn prep(&self, with: &str, objective: Option<&str>) -> String {
        let mut text = std::fs::read_to_string(fixture("answers/discovery.yaml"))
            .unwrap()
            .replace("with: Jane Smith", &format!("with: {}", yaml_string(with)));
        if let Some(objective) = objective {
            text = text.replace(
                "objective: Understand how new hires are onboarded today and whether we can help",
                &format!("objective: {}", yaml_string(objective)),
            );
        }
        let answers = self.write("prep-answers.yaml", &text);
        self.coach()
            .args(["prep", "--format", "json", "--answers"])
            .arg(answers)
            .run()
            .success()
            .stdout_json()["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The one notes file written so far.
    pub fn only_notes(&self) -> PathBuf {
        let files = self.notes();
        assert_eq!(files.len(), 1, "expected one notes file, found {files:?}");
        files.into_iter().next().unwrap()
    }

    pub fn notes(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.notes_dir()) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        files
    }
}

/// `text` as a double-quoted YAML string (JSON's escapes are YAML's).
pub fn yaml_string(text: &str) -> String {
    let mut out = Vec::new();
    coach::text::write_json(&mut out, text, false).unwrap();
    String::from_utf8(out).unwrap().trim_end().to_string()
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The repository's fixture directory.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

enum Place<'e> {
    Owned(Box<TestEnv>),
    Borrowed(&'e TestEnv),
}

/// One run of `coach`, being put together.
pub struct Coach<'e> {
    place: Place<'e>,
    cmd: Command,
    shown: Vec<String>,
    stdin: Option<Vec<u8>>,
    timeout: Option<Duration>,
}

impl Coach<'static> {
    /// `coach` in a fresh environment of its own, for a run that needs no
    /// files from another.
    pub fn new() -> Coach<'static> {
        Coach::in_env(Place::Owned(Box::new(TestEnv::new())))
    }
}

impl<'e> Coach<'e> {
    fn in_env(place: Place<'e>) -> Coach<'e> {
        let env = match &place {
            Place::Owned(env) => env.as_ref(),
            Place::Borrowed(env) => env,
        };
        let mut cmd = env.command();
        cmd.stdin(Stdio::null());
        Coach {
            cmd,
            place,
            shown: vec!["coach".into()],
            stdin: None,
            timeout: None,
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.shown.push(arg.as_ref().to_string_lossy().into_owned());
        self.cmd.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for arg in args {
            self = self.arg(arg);
        }
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.cmd.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: &str) -> Self {
        self.cmd.env_remove(key);
        self
    }

    /// Run coach in `dir`, for relative paths.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.cmd.current_dir(dir);
        self
    }

    /// Kill coach if it runs longer than `limit` (it then has no exit code).
    pub fn timeout(mut self, limit: Duration) -> Self {
        self.timeout = Some(limit);
        self
    }

    /// What coach reads on standard input (by default: nothing, not a terminal).
    pub fn stdin(mut self, text: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(text.into());
        self
    }

    /// Run as a user without root's power to read anything (`nobody`), so a
    /// file made unreadable stays unreadable. Does nothing for other users.
    /// The binary is copied into the environment's directory (opened to
    /// all), since the build directory may sit where `nobody` cannot reach.
    /// Call it after the arguments.
    #[cfg(target_os = "linux")]
    pub fn unprivileged(mut self) -> Self {
        use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
        use std::os::unix::process::CommandExt as _;
        if !std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0) {
            return self;
        }
        let dir = match &self.place {
            Place::Owned(env) => env.dir.path().to_path_buf(),
            Place::Borrowed(env) => env.dir.path().to_path_buf(),
        };
        let open = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(&dir, open.clone()).expect("open the test directory");
        let copy = dir.join("coach-unprivileged");
        if !copy.exists() {
            std::fs::copy(env!("CARGO_BIN_EXE_coach"), &copy).expect("copy coach");
            std::fs::set_permissions(&copy, open).expect("make the copy runnable");
        }
        let mut cmd = Command::new(&copy);
        cmd.args(self.cmd.get_args());
        for (key, value) in self.cmd.get_envs() {
            match value {
                Some(value) => cmd.env(key, value),
                None => cmd.env_remove(key),
            };
        }
        if let Some(cwd) = self.cmd.get_current_dir() {
            cmd.current_dir(cwd);
        }
        cmd.uid(65534).gid(65534);
        self.cmd = cmd;
        self
    }

    pub fn run(mut self) -> Out {
        self.cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            });
        let mut child = self.cmd.spawn().expect("start coach");
        if let Some(bytes) = self.stdin.take() {
            let mut pipe = child.stdin.take().expect("stdin");
            // coach may stop reading early; that is its business.
            let _ = pipe.write_all(&bytes);
        }
        let output = match self.timeout {
            Some(limit) => wait_at_most(child, limit),
            None => child.wait_with_output().expect("wait for coach"),
        };
        let tmp = match &self.place {
            Place::Owned(env) => env.dir.path().display().to_string(),
            Place::Borrowed(env) => env.dir.path().display().to_string(),
        };
        Out {
            command: self.shown.join(" "),
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            tmp,
        }
    }
}

/// Wait for `child`, killing it once `limit` has passed.
fn wait_at_most(mut child: Child, limit: Duration) -> Output {
    fn read_all(mut pipe: impl std::io::Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    }
    let stdout = read_all(child.stdout.take().expect("stdout"));
    let stderr = read_all(child.stderr.take().expect("stderr"));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for coach") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            break child.wait().expect("wait for coach");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: stdout.join().expect("read stdout"),
        stderr: stderr.join().expect("read stderr"),
    }
}

/// What a run of coach did.
#[derive(Debug, Clone)]
pub struct Out {
    command: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
    tmp: String,
}

impl Out {
    /// Exit 0, or a failure that shows the command and what it printed.
    #[track_caller]
    pub fn success(self) -> Self {
        self.code(0)
    }

    /// This exit code, or a failure that shows the command and what it printed.
    #[track_caller]
    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code,
            Some(code),
            "`{}` exited {:?}, not {code}\n--- stdout\n{}--- stderr\n{}",
            self.command,
            self.code,
            self.stdout,
            self.stderr
        );
        self
    }

    pub fn stdout(&self) -> &str {
        &self.stdout
    }

    pub fn stderr(&self) -> &str {
        &self.stderr
    }

    /// stdout and stderr with the environment's directory as `[TMP]`.
    pub fn redacted(&self) -> (String, String) {
        (
            self.stdout.replace(&self.tmp, "[TMP]"),
            self.stderr.replace(&self.tmp, "[TMP]"),
        )
    }

    /// stdout as the one JSON document it must be.
    #[track_caller]
    pub fn stdout_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "`{}` printed no JSON document ({e}):\n{}",
                self.command, self.stdout
            )
        })
    }

    #[track_caller]
    pub fn stdout_has(self, needle: &str) -> Self {
        assert!(
            self.stdout.contains(needle),
            "`{}`: stdout lacks {needle:?}:\n{}",
            self.command,
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(self, needle: &str) -> Self {
        assert!(
            self.stderr.contains(needle),
            "`{}`: stderr lacks {needle:?}:\n{}",
            self.command,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_lacks(self, needle: &str) -> Self {
        assert!(
            !self.stderr.contains(needle),
            "`{}`: stderr has {needle:?}:\n{}",
            self.command,
            self.stderr
        );
        self
    }
}
