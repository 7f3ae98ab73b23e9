//! What the end-to-end tests share.

use std::path::{Path, PathBuf};

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
