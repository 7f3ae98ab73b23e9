//! The inputs a command line names: files, and the files of folders walked recursively in name
//! order, without what is not an input (hidden entries, the markers Spark leaves beside its
//! tables, the store being written) or cannot be read as one (a named pipe, a device).

use std::path::{Path, PathBuf};

use super::Source;

/// Expands the command-line paths into sources, in a stable order. Directories are walked
/// recursively (hidden entries and the files of the store `store`, when one is being written,
/// skipped). An entry that cannot be listed, or that is not a regular file (a named pipe would
/// block the batch forever, a device never end), comes back with the reason it is not read, so
/// that it is reported and the rest goes on. A path named on the command line is read whatever
/// it is, as `cat` would: `<(zcat feed.gz)` is a pipe.
pub fn expand(paths: &[PathBuf], store: Option<&Path>) -> Vec<(Source, Option<String>)> {
    let store = store.map(StoreFiles::new);
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push((Source::Stdin, None));
        } else if path.is_dir() {
            walk(path, store.as_ref(), &mut out);
        } else if store.as_ref().is_some_and(|s| s.holds(path)) {
            let why = "the store being written (--db), not an input".to_string();
            out.push((Source::File(path.clone()), Some(why)));
        } else {
            out.push((Source::File(path.clone()), None));
        }
    }
    out
}

fn walk(dir: &Path, store: Option<&StoreFiles>, out: &mut Vec<(Source, Option<String>)>) {
    let entries = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !hidden(&e.file_name().to_string_lossy()));
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) if store.is_some_and(|s| s.holds(e.path())) => {}
            Ok(e) => {
                let why = not_a_file(&e);
                out.push((Source::File(e.into_path()), why));
            }
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                out.push((Source::File(path), Some(format!("cannot list: {e}"))));
            }
        }
    }
}

/// Why a walked entry is not read: it is no regular file, nor a link to one. (A link to nothing
/// is left for opening it to report.)
fn not_a_file(entry: &walkdir::DirEntry) -> Option<String> {
    let kind = if entry.path_is_symlink() {
        std::fs::metadata(entry.path()).ok()?.file_type()
    } else {
        entry.file_type()
    };
    (!kind.is_file()).then(|| format!("cannot read: {}, not a regular file", kind_name(kind)))
}

fn kind_name(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

/// The files of a store: the database, and the journal files SQLite keeps beside it.
struct StoreFiles {
    dir: Option<PathBuf>,
    names: [String; 4],
}

impl StoreFiles {
    fn new(db: &Path) -> StoreFiles {
        let name = db
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        StoreFiles {
            dir: canonical_dir(db),
            names: ["", "-wal", "-shm", "-journal"].map(|end| format!("{name}{end}")),
        }
    }

    fn holds(&self, path: &Path) -> bool {
        let named = path
            .file_name()
            .is_some_and(|n| self.names.iter().any(|s| n == s.as_str()));
        // Only a name that matches is worth resolving the folder of.
        named && self.dir.is_some() && canonical_dir(path) == self.dir
    }
}

/// The folder of `path`, resolved (links, `..`), or `None` if it cannot be.
fn canonical_dir(path: &Path) -> Option<PathBuf> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    parent.canonicalize().ok()
}

/// Hidden entries, and the markers Spark and Hadoop leave beside the tables they write
/// (`_SUCCESS`, `_committed_…`, `_started_…`): not inputs.
fn hidden(name: &str) -> bool {
    name.starts_with('.')
        || ["_SUCCESS", "_committed_", "_started_"]
            .iter()
            .any(|m| name.starts_with(m))
}
