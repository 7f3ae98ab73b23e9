//! What the end-to-end tests share. Each test file includes it and uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `../shared/REL` beside the checkout (real articles and data sets that are never copied into
/// the repository), or `None` after saying the test is skipped because it is absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// Runs the `annals` binary in the checkout with `args`.
pub fn annals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("annals runs")
}

/// Runs the `annals` binary with `args`, writing `input` to its standard input.
pub fn annals_fed(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("annals runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("annals reads its input");
    child.wait_with_output().expect("annals ends")
}
