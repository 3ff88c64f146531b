//! Shared helper for integration tests: a temporary data and deck directory, and a way to run
//! the real `recall` binary in it with a fixed clock and no colours.

#![allow(dead_code)]

pub mod mutate;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct TestEnv {
    pub dir: tempfile::TempDir,
    pub now: String,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_recall")
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("decks")).unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        TestEnv {
            dir,
            now: "2026-03-02T10:00:00Z".to_string(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn decks(&self) -> PathBuf {
        self.dir.path().join("decks")
    }

    /// Writes a file under the test directory and returns its path.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// Copies a fixture deck into the deck directory.
    pub fn add_deck(&self, fixture: &str) -> PathBuf {
        let src = repo().join("tests/fixtures").join(fixture);
        let name = Path::new(fixture).file_name().unwrap();
        let dst = self.decks().join(name);
        std::fs::copy(&src, &dst).unwrap_or_else(|e| panic!("copy {}: {e}", src.display()));
        dst
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(bin());
        c.args(args)
            .current_dir(self.dir.path())
            .env("RECALL_DATA_DIR", self.data())
            .env("RECALL_DECKS", self.decks())
            .env("RECALL_NOW", &self.now)
            .env("NO_COLOR", "1")
            .env("TZ", "UTC")
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env_remove("RECALL_DATA_DIR_OVERRIDE");
        c
    }

    /// Runs recall with `input` on standard input (line mode, as stdin is a pipe).
    pub fn run(&self, args: &[&str], input: &str) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn recall");
        let mut stdin = child.stdin.take().unwrap();
        let input = input.to_string();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let out = child.wait_with_output().expect("wait recall");
        writer.join().unwrap();
        Run::from(out)
    }
}

/// `recall status --json` for one deck.
pub fn status_of(t: &TestEnv, deck: &str) -> serde_json::Value {
    let s = t.run(&["status", "--json"], "");
    assert_eq!(s.code, 0, "{}", s.stderr);
    let v: serde_json::Value = serde_json::from_str(&s.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .find(|d| d["deck"] == deck)
        .unwrap_or_else(|| panic!("no deck {deck} in {v}"))
        .clone()
}
