//! The command line as a newcomer meets it: the help's groups and first step, one evaluation
//! mode at a time, and a clear message where the evaluation data is not there.

mod common;

use common::annals;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_help_groups_the_commands_and_agrees_with_the_readme() {
    let out = annals(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    assert!(
        help.contains("Everyday commands") && help.contains("Tools"),
        "{help}"
    );
    // The store's commands come first; the Spark plumbing is not listed.
    let at = |name: &str| help.find(&format!("\n  {name} ")).unwrap_or(usize::MAX);
    assert!(
        at("ingest") < at("extract") && at("serve") < at("eval"),
        "{help}"
    );
    assert_eq!(at("merge-stream"), usize::MAX, "{help}");
    // The first step is the README's.
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains("ingest examples/articles")
            && help.contains("annals ingest examples/articles")
    );
}

#[test]
fn evaluation_modes_are_subcommands_and_missing_data_says_what_to_pass() {
    for args in [
        &["eval", "--petrarch"][..],
        &["eval", "petrarch", "plover"],
        &["eval", "petrarch", "--gold", "x"],
    ] {
        let out = annals(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let out = annals(&["eval", "ud", "/nonexistent/treebank.conllu"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("does not exist") && err.contains("annals eval ud FILE"),
        "{err}"
    );
    let out = annals(&["eval", "--gold", "/nonexistent/gold"]);
    assert!(text(&out.stderr).contains("pass --gold DIR"));
}
