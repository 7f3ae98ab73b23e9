//! `annals fuzz` end to end: a short run over every kind of input finds nothing, and the
//! supervisor finds, blames and gets past a panic and a crash made on purpose.

use std::process::Command;

use serde_json::Value;

fn fuzz(args: &[&str], faults: &str) -> (Value, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["fuzz", "--format", "json"])
        .args(args)
        .env("ANNALS_FUZZ_FAULTS", faults)
        .output()
        .expect("annals runs");
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    (report, out.status.success())
}

#[test]
fn a_short_run_reads_every_kind_of_input_and_finds_nothing() {
    let (report, ok) = fuzz(&["--inputs", "300", "--seed", "7"], "");
    assert!(ok, "{report}");
    assert_eq!(report["inputs"], 300);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0, "{report}");
    let kinds: Vec<&str> = report["seeds"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(kinds, ["html", "jsonl", "parquet", "text", "utf16", "warc"]);
    assert!(report["documents"].as_u64() > Some(100), "{report}");
}

#[test]
fn a_panic_and_a_crash_are_found_blamed_and_passed() {
    let (report, ok) = fuzz(&["--inputs", "100"], "panic@12 abort@40");
    assert!(!ok);
    let findings: Vec<(u64, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["input"].as_u64().unwrap(), f["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(findings, [(12, "panic"), (40, "crash")], "{report}");
    // Every input was run: the ones after the crash by a new worker.
    assert_eq!(report["inputs"], 100, "{report}");
    assert!(report["workers"].as_u64() >= Some(2), "{report}");
}
