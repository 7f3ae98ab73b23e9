//! The `annals` command: parses arguments and calls the library's stages. No logic lives here.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use annals::store::{self, render, Store};
use annals::{bench, eval, ingest, pipeline};

// Every stage builds many small strings per document; mimalloc makes that markedly cheaper than
// the system allocator (measured with `annals bench`, see docs/benchmarks.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "annals",
    version,
    about = "Turns raw news into a dated, sourced record of political events.",
    long_about = "Turns raw news into a dated, sourced record of political events.\n\n\
        Start with `annals ingest examples/articles`, then `annals timeline`: ingest reads each \
        article into a store (annals.db), dates it and codes its events, and the timeline lists \
        what happened, one line per real-world event.",
    after_help = "Everyday commands, on the store `ingest` writes: ingest, timeline, events, \
        relations, search, show, export, serve.\n\
        Tools, on articles and evaluation data: extract, parse, eval, bench, kb, timeml, fuzz."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Clean and date articles: one JSON object per article on standard output.
    ///
    /// Each PATH is a file, a directory (read recursively, in name order, hidden entries
    /// skipped) or `-` for standard input. A file is plain text, an HTML page, a WARC archive or
    /// JSON Lines (one article a line), gzipped or not, found from its content; an archive or a
    /// feed gives one document a record. A Parquet table of documents (the Spark job's
    /// `documents`) gives its documents back as they are. A file or record that cannot be read
    /// (binary, empty, too large, malformed) gets one error line on standard error and the rest
    /// goes on.
    /// The exit code is 1 only when every input failed, or with --strict when any did.
    #[command(display_order = 10)]
    Extract {
        /// Articles: files (text, HTML, WARC, JSON Lines, Parquet documents; gzip or not),
        /// folders of them, or `-` for standard input.
        #[arg(required_unless_present = "jsonl_in", value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Streaming mode (for pipes such as Spark's `RDD.pipe`): read article records as JSON
        /// Lines on standard input (gzip or not; fields as for JSON Lines input, and `id`),
        /// write one JSON line per record to standard output in input order: the document
        /// (with `record_id`), or `{"path", "id", "error"}` for a record that cannot be read.
        /// Exits with 0 once every record is answered, failed ones included.
        #[arg(long, conflicts_with_all = ["paths", "pretty", "drop_repeated"])]
        jsonl_in: bool,
        /// Print a readable summary of each document instead of JSON Lines.
        #[arg(long)]
        pretty: bool,
        /// Include each sentence's words with their tags, lemmas and dependencies (`syntax`;
        /// docs/syntax.md). Left out by default: it is most of a document's size.
        #[arg(long, conflicts_with = "pretty")]
        syntax: bool,
        /// Exit with 1 when any input fails, not only when all do.
        #[arg(long)]
        strict: bool,
        /// Refuse inputs larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = ingest::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
        /// Treat a line as boilerplate when it recurs in at least N documents of the same
        /// folder (put each site's pages in a folder of their own). Reads the inputs twice.
        #[arg(long, value_name = "N")]
        drop_repeated: Option<usize>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Extract articles into the store (an SQLite file), then merge the events of all its
    /// documents: one record per real-world event, listing every document that tells it.
    ///
    /// Inputs are read as `extract` reads them, in parallel on every core; each batch is
    /// written in one transaction, so an interrupted ingest loses no written batch and a
    /// re-run adds the rest. A document already stored (same bytes) is skipped; an input that
    /// cannot be read is recorded in the store's errors and the rest goes on.
    #[command(display_order = 1)]
    Ingest {
        /// Articles: files (text, HTML, WARC, JSON Lines, the Spark job's Parquet documents;
        /// gzip or not), folders of them, or `-` for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        db: Db,
        /// Refuse inputs larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = ingest::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
        /// Inputs per transaction.
        #[arg(long, default_value_t = store::load::DEFAULT_BATCH)]
        batch: usize,
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Events as the stored documents report them, in order of date, with the words that say
    /// so.
    #[command(display_order = 3)]
    Events(Ask),
    /// The merged record in order of date: one line per real-world event, with its sources.
    #[command(display_order = 2)]
    Timeline(Ask),
    /// Merged events per year or month: how many, cooperation and conflict, Goldstein sum and
    /// mean, with a sparkline.
    #[command(display_order = 4)]
    Relations {
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        query: Query,
        #[arg(long, value_enum, default_value_t = By::Year)]
        by: By,
        #[arg(long, value_enum, default_value_t = Output::Table)]
        format: Output,
    },
    /// Full-text search over the stored titles and bodies (SQLite FTS5 syntax: words, "a
    /// phrase", OR, NOT, prefix*), best first, with snippets.
    #[command(display_order = 5)]
    Search {
        /// Words to find (FTS5 syntax: "a phrase", OR, NOT, prefix*).
        query: String,
        #[command(flatten)]
        db: Db,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Output::Table)]
        format: Output,
    },
    /// Merging for a distributed engine (the Spark job of deploy/spark): reads events as JSON
    /// Lines on standard input, `{"event": ID, "merge_key", "earliest", "latest"}` sorted by
    /// merge_key, earliest, latest, and writes each with its merged event, by the store's rule:
    /// `{"event", "merged": "KEY#N", "earliest", "latest", "overlaps"}`.
    #[command(hide = true)]
    MergeStream,
    /// Dates other outlets lend, for a distributed engine (the Spark job of deploy/spark), in
    /// two passes over the documents `extract --jsonl-in` printed: with `--roles`, each
    /// document's `{"id", "anchors": [{"key", "earliest", "latest"}], "loose": [KEY]}`; without,
    /// each `{"document", "anchors"}` line (a loose document and the anchors of its keys) as the
    /// document dated again.
    #[command(hide = true)]
    RedateStream {
        #[arg(long)]
        roles: bool,
    },
    /// The store's events table for a distributed engine (the Spark job of deploy/spark): for
    /// each document line `extract --jsonl-in` printed, one JSON line per event with `doc_id`,
    /// `nth` and the columns of src/store/columns.rs; with `--schema`, those columns as a Spark
    /// SQL schema.
    #[command(hide = true)]
    EventRows {
        #[arg(long)]
        schema: bool,
    },
    /// One stored document (by its id or the start of it) with its mentions and events.
    #[command(display_order = 6)]
    Show {
        /// The document's id, or its first 4 or more hex digits (as lists print it).
        id: String,
        #[command(flatten)]
        db: Db,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Open the store in a local web application: the timeline of an actor or a dyad, the
    /// relations curve, and every event's sentences highlighted in their articles; a JSON API
    /// under /api (docs/cli.md). Read-only; binds to loopback unless told otherwise.
    #[command(display_order = 8)]
    Serve {
        #[command(flatten)]
        db: Db,
        /// Address to listen on (port 0: any free port, printed at start).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
    /// Score against hand-made gold: articles (body tokens, title, outlet, site, authors,
    /// dateline, publication date, boilerplate left in the body, events and their dates) by
    /// default, or what a subcommand names. Each mode reads data of ../shared by default; pass
    /// the files where they are elsewhere.
    #[command(args_conflicts_with_subcommands = true)]
    #[command(display_order = 12)]
    Eval {
        #[command(subcommand)]
        mode: Option<EvalMode>,
        /// Folder of `NAME.gold.json` files (format: ../shared/gold/README.md).
        #[arg(long, default_value = "../shared/gold")]
        gold: PathBuf,
        /// Folder holding the articles the gold files name.
        #[arg(long, default_value = "../shared/corpus/seeds")]
        corpus: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Tag and parse articles with the embedded model (after cleaning and splitting them into
    /// sentences) and print CoNLL-U: words in Universal Dependencies conventions, UPOS and Penn
    /// tags, lemmas, heads and relations: the parse the events stage reads (docs/syntax.md).
    #[command(display_order = 11)]
    Parse {
        /// Articles, pages or folders, read as `extract` reads them.
        #[arg(required_unless_present = "conllu_in", value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Instead, tag and parse the words of a CoNLL-U file (its gold tokenization) and print
        /// it with the predicted columns, for the standard evaluation script.
        #[arg(long, value_name = "FILE", conflicts_with = "paths")]
        conllu_in: Option<PathBuf>,
    },
    /// Print what the actors' knowledge base covers: states, organizations, people, terms of
    /// office, and the gaps in the terms of the top offices of the G20 states and neighbours.
    #[command(display_order = 14)]
    Kb {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Instead, check the terms of heads of state and government against a CountryInfo file
        /// (e.g. ../shared/data/eventdata/countryinfo/CountryInfo.120116.txt, leaders to 2011)
        /// and list where they disagree.
        #[arg(long, value_name = "FILE")]
        check: Option<PathBuf>,
    },
    /// Score time expressions on TimeML files (TempEval-3 task A): strict and relaxed
    /// extraction F1, value accuracy and value F1, each file's creation time as reference.
    #[command(display_order = 15)]
    Timeml {
        /// TimeML files or folders of them.
        #[arg(
            value_name = "PATH",
            default_value = "../shared/data/temporal/te3-platinum"
        )]
        paths: Vec<PathBuf>,
        /// Also list every missed, spurious and wrongly valued expression.
        #[arg(long)]
        errors: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Feed hostile inputs to every reader and the whole pipeline: mutations of plain text, HTML
    /// pages, WARC archives, JSON Lines feeds, UTF-16 text and Parquet tables, gzipped or not,
    /// read as `extract` reads files and stored as `ingest` stores them. Reports what they gave
    /// and every panic, crash, hang, input over --slow seconds and store failure; exit 1 if any.
    /// Input N of a --seed is always the same bytes: replay one with --start N --inputs 1.
    #[command(display_order = 16)]
    Fuzz {
        /// How many inputs.
        #[arg(long, default_value_t = 10_000)]
        inputs: u64,
        /// The run's seed (the same seed, the same inputs).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The number of the first input.
        #[arg(long, default_value_t = 0)]
        start: u64,
        /// An input that takes longer than this many seconds is a finding.
        #[arg(long, default_value_t = 10.0)]
        slow: f64,
        /// Folders of more seed files (articles, pages, archives, feeds).
        #[arg(long, value_name = "DIR")]
        seeds: Vec<PathBuf>,
        /// Write the inputs of findings to this folder.
        #[arg(long, value_name = "DIR")]
        save: Option<PathBuf>,
        /// Only write the inputs to this folder (`SEED-N.input`), to read them with `extract`.
        #[arg(long, value_name = "DIR", conflicts_with_all = ["save", "worker"])]
        write: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Run the inputs in this process and say what happened, a line an event (the
        /// supervisor's workers).
        #[arg(long, hide = true)]
        worker: bool,
    },
    /// Write the merged record (or, with --reports, every report of it) for other tools: CSV,
    /// JSON lines, Parquet, a GDELT 2.0 event table (TSV) or PLOVER JSON lines. The columns are
    /// described in docs/export.md. Takes the filters of `events`.
    #[command(display_order = 7)]
    Export {
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        query: Query,
        #[arg(long, value_enum)]
        format: store::export::Format,
        /// One row per report (document event) instead of one per merged event.
        #[arg(long)]
        reports: bool,
        /// Write to this file instead of standard output (`--out` is the same).
        #[arg(short, long = "output", alias = "out", value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Measure throughput on one core: of extraction on generated articles, (--stage time) of
    /// tagging and normalizing time expressions in words per second, (--stage actors) of
    /// finding and coding actor mentions in mentions and MB per second, or (--stage syntax) of
    /// tagging and parsing in sentences per second.
    #[command(display_order = 13)]
    Bench {
        /// `extract` (the whole pipeline), `ingest` (writing generated pages to files, then
        /// timing `annals ingest` of them into a new store on every core, once, with the peak
        /// memory), `time` (the time tagger alone), `actors` or `syntax` (that stage alone, on
        /// documents the earlier stages prepared).
        #[arg(long, value_enum, default_value_t = Stage::Extract)]
        stage: Stage,
        /// With --stage extract, time, actors or syntax: read the texts of these TimeML files or
        /// folders (real news) instead of generated articles. For extract, actors and syntax
        /// they are repeated up to 10 MB, so that a run lasts long enough to time.
        #[arg(long, value_name = "PATH")]
        tml: Vec<PathBuf>,
        /// With --stage html: the folder of the HTML benchmark (`ground-truth.json`, `html/`).
        #[arg(long, value_name = "DIR", default_value = "../shared/data/extraction")]
        pages: PathBuf,
        /// How many articles to generate.
        #[arg(long, default_value_t = 10_000)]
        docs: usize,
        /// Seed of the article generator (same seed, same articles).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How many times to time the same articles; the median run is reported.
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// With --stage serve: the store to serve (e.g. one kept by --stage ingest --keep).
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// With --stage serve: client threads sending requests one after another.
        #[arg(long, default_value_t = 4)]
        clients: usize,
        /// With --stage serve: seconds of load on each endpoint.
        #[arg(long, default_value_t = 10.0)]
        seconds: f64,
        /// With --stage ingest: keep the store in this new file, to look into afterwards.
        #[arg(long, value_name = "FILE")]
        keep: Option<PathBuf>,
        /// With --stage feed: the file to write (standard output when not given; `--out` is the
        /// same).
        #[arg(short, long = "output", alias = "out", value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// Where the store is.
#[derive(clap::Args)]
struct Db {
    /// The store: an SQLite file, created by the first ingest.
    #[arg(long, value_name = "FILE", default_value = store::DEFAULT_DB)]
    db: PathBuf,
}

/// What `annals eval` scores besides articles.
#[derive(Subcommand)]
enum EvalMode {
    /// Actor mentions, against the lists of a folder (`NAME.tsv` for the article `NAME.txt`;
    /// format: tests/mentions/README.md).
    Mentions {
        /// The folder of lists.
        #[arg(value_name = "DIR")]
        lists: PathBuf,
        /// Folder holding the articles the lists name.
        #[arg(long, default_value = "../shared/corpus/seeds")]
        corpus: PathBuf,
        #[command(flatten)]
        scores: Scores,
    },
    /// Events on PETRARCH-2's validation sentences: matched, missed and extra by root and dyad.
    Petrarch {
        /// The validation file.
        #[arg(
            value_name = "FILE",
            default_value = "../shared/data/eventdata/universalpetrarch/PETR2_GSR_validation.xml"
        )]
        file: PathBuf,
        #[command(flatten)]
        scores: Scores,
    },
    /// Events on ConfliBERT's CAMEO news sentences (each with one event's sides and class):
    /// precision over the events coded, recall over the sentences.
    Conflibert {
        /// The folder of `cameo_class_SPLIT.tsv` and `cameo_ner_SPLIT.txt`.
        #[arg(
            value_name = "DIR",
            default_value = "../shared/data/eventdata/conflibert"
        )]
        dir: PathBuf,
        /// Which sentences: `test` (451) or `train` (1,349, of which 930 are tagged).
        #[arg(long, default_value = "test", value_parser = ["test", "train"])]
        split: String,
        #[command(flatten)]
        scores: Scores,
    },
    /// CAMEO root codes on the CAMEO manual's sentences of PLOVER's gold standard.
    Plover {
        /// The gold standard file.
        #[arg(
            value_name = "FILE",
            default_value = "../shared/data/eventdata/plover/PLOVER_GSR_CAMEO.txt"
        )]
        file: PathBuf,
        #[command(flatten)]
        scores: Scores,
    },
    /// Main-content extraction from HTML on the ScrapingHub benchmark (its 181 pages and gold
    /// bodies), against the other Rust extractors (built with `--features
    /// compare-extractors`) and the quoted figures of trafilatura and resiliparse.
    Html {
        /// The benchmark's folder.
        #[arg(value_name = "DIR", default_value = "../shared/data/extraction")]
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The embedded tagger and parser on a CoNLL-U treebank (UPOS, UAS, LAS with its words and
    /// with our own words of its text), against the floors CI keeps; exits with 1 below them.
    Ud {
        /// The treebank.
        #[arg(
            value_name = "FILE",
            default_value = "../shared/data/treebanks/en_ewt-ud-test.conllu"
        )]
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// How an evaluation prints its report.
#[derive(clap::Args)]
struct Scores {
    /// Also list every miss and extra, item by item.
    #[arg(long)]
    errors: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// A query of the store and how to print its rows.
#[derive(clap::Args)]
struct Ask {
    #[command(flatten)]
    db: Db,
    #[command(flatten)]
    query: Query,
    #[arg(long, value_enum, default_value_t = Output::Table)]
    format: Output,
}

/// Which events a query selects.
#[derive(clap::Args)]
struct Query {
    /// A state or organization on either side (`RUS` also finds the Soviet Union), or the
    /// start of an actor code (`RUSGOV`).
    #[arg(long)]
    actor: Option<String>,
    /// Two states or organizations, either way round: `RUS,JPN`.
    #[arg(long, value_name = "A,B")]
    dyad: Option<String>,
    /// Events that may have happened on or after this day (`2014`, `2014-09`, `2014-09-03`).
    #[arg(long)]
    from: Option<String>,
    /// Events that may have happened on or before this day.
    #[arg(long)]
    to: Option<String>,
    /// Only events no date is known for (nothing printed or inferred dates them; the timeline
    /// lists them last).
    #[arg(long, conflicts_with_all = ["from", "to"])]
    undated: bool,
    /// CAMEO code or its start: `163`, `16`.
    #[arg(long, visible_alias = "root")]
    code: Option<String>,
    /// Only events the articles recall from well before they were written.
    #[arg(long, conflicts_with = "current")]
    historical: bool,
    /// Only events reported as current news.
    #[arg(long)]
    current: bool,
    /// Only events scheduled or expected, not yet done.
    #[arg(long)]
    planned: bool,
    /// Also events said not to have happened or only as possible.
    #[arg(long)]
    all: bool,
    /// Only events of at least this confidence, from 0 to 1 (`annals eval` prints the precision
    /// of each band; a merged event counts its best report).
    #[arg(long, value_name = "C")]
    min_confidence: Option<String>,
    /// Only `cooperation` (CAMEO quad classes 1 and 2) or only `conflict` (3 and 4).
    #[arg(long, value_name = "KIND")]
    relation: Option<String>,
    /// Only events that happened in this state (ISO 3166-1 alpha-3, as JPN): where, not who.
    #[arg(long, value_name = "XXX")]
    country: Option<String>,
    /// Only events that happened within KM kilometres of a point (degrees, as 35.68,139.69,50).
    #[arg(long, value_name = "LAT,LON,KM")]
    near: Option<String>,
    /// At most this many rows.
    #[arg(long)]
    limit: Option<usize>,
}

impl Query {
    fn filter(&self) -> anyhow::Result<store::query::Filter> {
        store::query::Filter::asked(&store::query::Asked {
            actor: self.actor.as_deref(),
            dyad: self.dyad.as_deref(),
            from: self.from.as_deref(),
            to: self.to.as_deref(),
            code: self.code.as_deref(),
            historical: (self.historical || self.current).then_some(self.historical),
            planned: self.planned.then_some(true),
            all: self.all,
            undated: self.undated,
            min_confidence: self.min_confidence.as_deref(),
            relation: self.relation.as_deref(),
            country: self.country.as_deref(),
            near: self.near.as_deref(),
            limit: self.limit,
        })
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Output {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum By {
    Year,
    Month,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Stage {
    Extract,
    /// HTML pages to events: the ScrapingHub benchmark's pages when ../shared has them (or the
    /// folder given with --pages), else generated pages.
    Html,
    Ingest,
    /// `annals serve` under load on loopback: the timeline, relations and search endpoints of
    /// the store given with --db.
    Serve,
    Time,
    Actors,
    /// The syntax stage alone (words, tags, lemmas, parse), in sentences per second.
    Syntax,
    /// Not timed: writes --docs generated articles as JSON Lines (`{"id", "text"}`) to --out,
    /// the input of the Spark benchmark (deploy/spark).
    Feed,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract {
            jsonl_in: true,
            max_bytes,
            output,
            ..
        } => extract_stream(max_bytes, output),
        Command::Extract {
            paths,
            pretty,
            syntax,
            strict,
            max_bytes,
            drop_repeated,
            output,
            ..
        } => {
            let opts = pipeline::Options {
                max_bytes,
                repeated_min_docs: drop_repeated,
                syntax,
            };
            let shape = if pretty { Shape::Pretty } else { Shape::Json };
            extract(&paths, &opts, shape, strict, output)
        }
        Command::Ingest {
            paths,
            db,
            max_bytes,
            batch,
            quiet,
            format,
        } => run_ingest(&paths, &db.db, max_bytes, batch, quiet, format),
        Command::Events(Ask { db, query, format }) => filtered(&db.db, &query, |s, f| {
            let rows = s.events(f)?;
            let hidden = hidden_note(s, f, format, false)?;
            output(format, &rows, || render::events(&rows) + &hidden)
        }),
        Command::Timeline(Ask { db, query, format }) => filtered(&db.db, &query, |s, f| {
            let rows = s.timeline(f)?;
            let hidden = hidden_note(s, f, format, true)?;
            match format {
                Output::Csv => output(format, &render::flat(&rows), String::new),
                _ => output(format, &rows, || render::timeline(&rows) + &hidden),
            }
        }),
        Command::Relations {
            db,
            query,
            by,
            format,
        } => filtered(&db.db, &query, |s, f| {
            let rows = s.relations(f, matches!(by, By::Month))?;
            output(format, &rows, || render::relations(&rows))
        }),
        Command::Search {
            query,
            db,
            limit,
            format,
        } => run_query(&db.db, |s| {
            let rows = s.search(&query, limit)?;
            output(format, &rows, || render::hits(&rows))
        }),
        Command::MergeStream => merge_stream(),
        Command::EventRows { schema } => event_rows(schema),
        Command::RedateStream { roles } => redate_stream(roles),
        Command::Serve { db, addr } => annals::serve::serve(&db.db, addr).map(|()| true),
        Command::Show { id, db, format } => run_query(&db.db, |s| {
            let doc = s.document(&id)?;
            show(format, &doc, || doc.pretty())
        }),
        Command::Eval {
            mode,
            gold,
            corpus,
            format,
        } => run_eval_mode(mode, &gold, &corpus, format),
        Command::Kb { format, check } => run_kb(check.as_deref(), format),
        Command::Parse {
            conllu_in: Some(file),
            ..
        } => annals::syntax::parse_treebank(&file).map(|text| {
            print!("{text}");
            true
        }),
        Command::Parse { paths, .. } => extract(
            &paths,
            &pipeline::Options {
                syntax: true,
                ..pipeline::Options::default()
            },
            Shape::Conllu,
            false,
            None,
        ),
        Command::Timeml {
            paths,
            errors,
            format,
        } => run_timeml(&paths, errors, format),
        Command::Fuzz {
            inputs,
            seed,
            start,
            seeds,
            write: Some(dir),
            ..
        } => annals::fuzz::write(&seeds, seed, start..start + inputs, &dir).map(|()| true),
        Command::Fuzz {
            inputs,
            seed,
            start,
            slow,
            seeds,
            save,
            format,
            worker,
            write: None,
        } => {
            let opts = annals::fuzz::Options {
                run: seed,
                start,
                inputs,
                slow: std::time::Duration::from_secs_f64(slow.max(0.0)),
                seeds,
                save,
            };
            run_fuzz(&opts, worker, format)
        }
        Command::Export {
            db,
            query,
            format,
            reports,
            out,
        } => filtered(&db.db, &query, |s, f| {
            let rows = s.export_to(f, reports, format, out.as_deref())?;
            if let Some(path) = &out {
                eprintln!("{rows} rows written to {}", path.display());
            }
            Ok(true)
        }),
        Command::Bench {
            stage: Stage::Serve,
            db,
            clients,
            seconds,
            ..
        } => run_load(db.as_deref(), clients, seconds),
        Command::Bench {
            stage: Stage::Feed,
            docs,
            seed,
            out,
            ..
        } => output_to(out.as_deref())
            .and_then(|mut w| Ok(bench::write_feed(docs, seed, &mut w)?))
            .map(|()| true),
        Command::Bench {
            stage,
            tml,
            pages,
            docs,
            seed,
            runs,
            keep,
            ..
        } => run_bench(stage, &tml, &pages, docs, seed, runs, keep.as_deref()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("annals: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run_eval_mode(
    mode: Option<EvalMode>,
    gold: &Path,
    corpus: &Path,
    format: Format,
) -> anyhow::Result<bool> {
    match mode {
        None => {
            present(gold, "--gold DIR")?;
            present(corpus, "--corpus DIR")?;
            run_eval(gold, corpus, format)
        }
        Some(EvalMode::Mentions {
            lists,
            corpus,
            scores: Scores { errors, format },
        }) => {
            present(&corpus, "--corpus DIR")?;
            run_mentions(&lists, &corpus, errors, format)
        }
        Some(EvalMode::Petrarch {
            file,
            scores: Scores { errors, format },
        }) => {
            present(&file, "the validation file: annals eval petrarch FILE")?;
            eval::petrarch::evaluate(&file).and_then(|r| show(format, &r, || r.table(errors)))
        }
        Some(EvalMode::Conflibert {
            dir,
            split,
            scores: Scores { errors, format },
        }) => {
            present(
                &dir,
                "the folder of ConfliBERT's CAMEO files: annals eval conflibert DIR",
            )?;
            eval::conflibert::evaluate(&dir, &split)
                .and_then(|r| show(format, &r, || r.table(errors)))
        }
        Some(EvalMode::Plover {
            file,
            scores: Scores { errors, format },
        }) => {
            present(&file, "the gold standard: annals eval plover FILE")?;
            eval::plover::evaluate(&file).and_then(|r| show(format, &r, || r.table(errors)))
        }
        Some(EvalMode::Html { dir, format }) => {
            present(&dir, "the benchmark's folder: annals eval html DIR")?;
            run_html_eval(&dir, format)
        }
        Some(EvalMode::Ud { file, format }) => {
            present(&file, "a treebank: annals eval ud FILE")?;
            annals::syntax::eval_ud(&file)
                .and_then(|r| Ok(show(format, &r, || r.table())? && r.floors_met))
        }
    }
}

/// Data an evaluation reads, or an error saying what to pass: the defaults live in `../shared`,
/// beside a checkout of the project, which a fresh machine does not have.
fn present(path: &Path, pass: &str) -> anyhow::Result<()> {
    if path.exists() {
        return Ok(());
    }
    Err(anyhow::anyhow!(
        "{} does not exist: the evaluation data is not here; pass {pass}",
        path.display()
    ))
}

fn run_html_eval(dir: &Path, format: Format) -> anyhow::Result<bool> {
    use annals::eval::html;
    let pages = html::load(dir)?;
    let mut rows = Vec::new();
    for (name, extractor) in html::extractors() {
        rows.push(html::measure(name, extractor, &pages).0);
    }
    rows.extend(html::quoted());
    let dates = html::dates(&pages);
    let report = serde_json::json!({"extractors": rows, "dates": dates});
    show(format, &report, || {
        format!(
            "{} pages of {}, one core\n{}\n{}\n",
            pages.len(),
            dir.display(),
            html::table(&rows),
            dates.line()
        )
    })
}

/// Standard output, or a new file.
fn output_to(path: Option<&Path>) -> anyhow::Result<BufWriter<Box<dyn Write>>> {
    let sink: Box<dyn Write> = match path {
        Some(p) => {
            Box::new(std::fs::File::create(p).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    Ok(BufWriter::new(sink))
}

/// `extract --jsonl-in`: records from standard input, one output line each, in input order;
/// one record at a time, so memory does not grow with the input.
fn extract_stream(max_bytes: u64, output: Option<PathBuf>) -> anyhow::Result<bool> {
    let mut out = output_to(output.as_deref())?;
    let (total, failed) = pipeline::stream(ingest::stdin_feed(max_bytes)?, &mut out)?;
    if failed > 0 {
        eprintln!("annals: {failed} of {total} record(s) failed");
    }
    // A failed record is an answer like any other, on standard output: a pipe that got every
    // line back has succeeded (Spark fails the task on any other exit code).
    Ok(true)
}

fn redate_stream(roles: bool) -> anyhow::Result<bool> {
    use annals::merge::redate_stream;
    let mut out = output_to(None)?;
    let input = std::io::stdin().lock();
    if roles {
        redate_stream::roles(input, &mut out)?;
    } else {
        redate_stream::redate(input, &mut out)?;
    }
    Ok(true)
}

fn event_rows(schema: bool) -> anyhow::Result<bool> {
    use annals::store::columns;
    let mut out = output_to(None)?;
    if schema {
        writeln!(out, "{}", columns::spark_schema())?;
    } else {
        columns::rows(std::io::stdin().lock(), &mut out)?;
    }
    Ok(true)
}

fn merge_stream() -> anyhow::Result<bool> {
    let mut out = output_to(None)?;
    annals::merge::stream::merge_stream(std::io::stdin().lock(), &mut out)?;
    Ok(true)
}

/// How `extract` and `parse` write each document.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// One JSON line.
    Json,
    /// A readable summary.
    Pretty,
    /// The sentences in CoNLL-U.
    Conllu,
}

fn extract(
    paths: &[PathBuf],
    opts: &pipeline::Options,
    shape: Shape,
    strict: bool,
    output: Option<PathBuf>,
) -> anyhow::Result<bool> {
    let mut out = output_to(output.as_deref())?;
    let mut total = 0usize;
    let mut skipped = 0usize;
    let mut write_error = None;
    let failed = pipeline::run_batch(paths, opts, |path, outcome| {
        total += 1;
        match outcome {
            Err(e) if e.is_skip() => skipped += 1,
            Ok(doc) => {
                for w in &doc.warnings {
                    eprintln!("annals: warning: {path}: {w}");
                }
                let written = match shape {
                    Shape::Pretty => writeln!(out, "{}", doc.pretty()),
                    Shape::Conllu => {
                        let mut text = String::new();
                        annals::syntax::conllu_of(&doc, &mut text);
                        out.write_all(text.as_bytes())
                    }
                    Shape::Json => serde_json::to_writer(&mut out, &doc)
                        .map_err(std::io::Error::from)
                        .and_then(|_| writeln!(out)),
                };
                if let Err(e) = written {
                    write_error.get_or_insert(e);
                }
            }
            Err(e) => eprintln!("annals: error: {path}: {e}"),
        }
    });
    out.flush()?;
    if let Some(e) = write_error {
        anyhow::bail!("cannot write output: {e}");
    }
    if skipped > 0 {
        eprintln!("annals: {skipped} archive record(s) skipped: not HTML pages (requests, metadata, images)");
    }
    let total = total - skipped;
    if failed > 0 {
        eprintln!("annals: {} of {total} input(s) failed", failed);
    }
    Ok(failed == 0 || (!strict && failed < total))
}

fn run_eval(
    gold: &std::path::Path,
    corpus: &std::path::Path,
    format: Format,
) -> anyhow::Result<bool> {
    let report = eval::evaluate(gold, corpus)?;
    show(format, &report, || report.table())
}

fn run_ingest(
    paths: &[PathBuf],
    db: &Path,
    max_bytes: u64,
    batch: usize,
    quiet: bool,
    format: Format,
) -> anyhow::Result<bool> {
    let mut store = Store::open(db)?;
    let opts = store::load::Options {
        max_bytes,
        batch,
        progress: !quiet,
    };
    let summary = store::ingest(&mut store, paths, &opts)?;
    if !quiet {
        for (path, message) in store.errors()? {
            eprintln!("annals: error: {path}: {message}");
        }
    }
    show(format, &summary, || summary.table())?;
    Ok(summary.errors < summary.inputs || summary.inputs == 0)
}

/// Opens an existing store for reading only (a query never writes: the store may be on a
/// read-only disk, or a full one) and runs a query on it.
fn run_query(
    db: &Path,
    query: impl FnOnce(&Store) -> anyhow::Result<bool>,
) -> anyhow::Result<bool> {
    query(&Store::open_read_only(db)?)
}

/// A query with filters: a bad filter is a usage error before the store is opened (or found
/// missing).
fn filtered(
    db: &Path,
    query: &Query,
    ask: impl FnOnce(&Store, &store::query::Filter) -> anyhow::Result<bool>,
) -> anyhow::Result<bool> {
    let f = query.filter()?;
    ask(&Store::open_read_only(db)?, &f)
}

/// Prints query rows as a table, JSON or CSV.
/// Under a table, how many events the filter left out as negated or only possible, and how to
/// see them; nothing when none, or for JSON and CSV (whose rows are only what was asked).
fn hidden_note(
    s: &annals::store::Store,
    f: &annals::store::query::Filter,
    format: Output,
    merged: bool,
) -> anyhow::Result<String> {
    if !matches!(format, Output::Table) {
        return Ok(String::new());
    }
    Ok(match s.hidden(f, merged)? {
        0 => String::new(),
        n => format!("{n} negated or hypothetical hidden: use --all\n"),
    })
}

fn output<T: serde::Serialize>(
    format: Output,
    rows: &[T],
    table: impl FnOnce() -> String,
) -> anyhow::Result<bool> {
    match format {
        Output::Table => print!("{}", table()),
        Output::Json => println!("{}", serde_json::to_string_pretty(rows)?),
        Output::Csv => print!("{}", render::csv(rows)?),
    }
    Ok(true)
}

/// Prints a report as a table or as JSON.
fn show<T: serde::Serialize>(
    format: Format,
    report: &T,
    table: impl FnOnce() -> String,
) -> anyhow::Result<bool> {
    match format {
        Format::Table => print!("{}", table()),
        Format::Json => println!("{}", serde_json::to_string_pretty(report)?),
    }
    Ok(true)
}

fn run_kb(check: Option<&std::path::Path>, format: Format) -> anyhow::Result<bool> {
    if let Some(file) = check {
        // A reference file, not an article: read as it is (it holds stray Latin-1 bytes).
        let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        let found = annals::actors::check::against_countryinfo(&String::from_utf8_lossy(&bytes));
        for line in &found {
            println!("{line}");
        }
        println!("{} disagreement(s) with {}", found.len(), file.display());
        return Ok(true);
    }
    let c = annals::actors::coverage::coverage(chrono::Local::now().date_naive());
    show(format, &c, || c.table())
}

fn run_fuzz(opts: &annals::fuzz::Options, worker: bool, format: Format) -> anyhow::Result<bool> {
    if worker {
        let job = annals::fuzz::worker::Job {
            run: opts.run,
            start: opts.start,
            count: opts.inputs,
            seeds: annals::fuzz::seeds(&opts.seeds)?,
        };
        annals::fuzz::worker::work(&job)?;
        return Ok(true);
    }
    let report = annals::fuzz::fuzz(opts)?;
    show(format, &report, || report.to_string())?;
    Ok(report.clean())
}

fn run_mentions(
    lists: &std::path::Path,
    corpus: &std::path::Path,
    errors: bool,
    format: Format,
) -> anyhow::Result<bool> {
    let report = eval::mentions::evaluate(lists, corpus)?;
    show(format, &report, || report.table(errors))
}

fn run_bench(
    stage: Stage,
    tml: &[PathBuf],
    pages: &Path,
    docs: usize,
    seed: u64,
    runs: usize,
    keep: Option<&Path>,
) -> anyhow::Result<bool> {
    if stage == Stage::Ingest {
        println!("{}", bench::run_ingest(docs, seed, keep)?);
        return Ok(true);
    }
    if stage == Stage::Html {
        print_runs(bench::run_html(&html_pages(pages, docs, seed)?, runs));
        return Ok(true);
    }
    let mut real = Vec::new();
    for f in eval::timeml::files(tml)? {
        let doc = eval::timeml::read(&f)?;
        real.push((doc.text, doc.dct));
    }
    if stage == Stage::Extract {
        if tml.is_empty() {
            print_runs(bench::run_extract(docs, seed, runs));
        } else {
            let texts: Vec<String> = real.into_iter().map(|(text, _)| text).collect();
            print_runs(bench::run_extract_texts(&texts, 10_000_000, runs));
        }
        return Ok(true);
    }
    if stage == Stage::Actors || stage == Stage::Syntax {
        let documents = if tml.is_empty() {
            bench::generated_documents(docs, seed)
        } else {
            let once: Vec<_> = real
                .iter()
                .filter_map(|(text, _)| bench::document_of(text))
                .collect();
            bench::repeated(once, |d| d.body.len(), 10_000_000)
        };
        if stage == Stage::Syntax {
            print_runs(bench::run_syntax(&documents, runs));
        } else {
            print_runs(bench::run_actors(&documents, runs));
        }
        return Ok(true);
    }
    let texts = if tml.is_empty() {
        bench::generated_bodies(docs, seed)
    } else {
        real
    };
    print_runs(bench::run_time(&texts, runs));
    Ok(true)
}

fn run_load(db: Option<&Path>, clients: usize, seconds: f64) -> anyhow::Result<bool> {
    let db = db.ok_or_else(|| {
        anyhow::anyhow!("--stage serve needs --db FILE (make one with: annals bench --stage ingest --docs 100000 --keep FILE)")
    })?;
    let documents = annals::store::Store::open_read_only(db)?.count_documents()?;
    println!(
        "serve: {} ({documents} documents), {clients} clients, {seconds} s per endpoint",
        db.display()
    );
    for load in annals::serve::load::run(db, clients, seconds)? {
        println!("{load}");
    }
    Ok(true)
}

/// The pages of the ScrapingHub benchmark in `dir`, else `docs` generated pages.
fn html_pages(dir: &Path, docs: usize, seed: u64) -> anyhow::Result<Vec<(String, String)>> {
    if dir.join("ground-truth.json").exists() {
        let pages = eval::html::load(dir)?;
        println!("{} pages of {}", pages.len(), dir.display());
        return Ok(pages.into_iter().map(|p| (p.url, p.html)).collect());
    }
    println!("{} absent: {docs} generated pages", dir.display());
    Ok((0..docs as u64)
        .map(|i| {
            (
                format!("https://example.com/{i}"),
                bench::generate_html(seed, i),
            )
        })
        .collect())
}

fn print_runs<T: bench::Timed + std::fmt::Display>(mut results: Vec<T>) {
    for (i, r) in results.iter().enumerate() {
        println!("run {}: {r}", i + 1);
    }
    println!("median {}", bench::median(&mut results));
}

fn run_timeml(paths: &[PathBuf], errors: bool, format: Format) -> anyhow::Result<bool> {
    let scores = eval::timeml::evaluate(paths)?;
    let name: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    show(format, &scores, || scores.table(&name.join(" ")))?;
    if errors {
        print!("{}", scores.errors());
    }
    Ok(true)
}
