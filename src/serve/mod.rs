//! `annals serve`: the store as a local web application. A JSON API over the command line's
//! queries, and one page, embedded in the binary (`src/serve/assets/`: no CDN, no network), that
//! draws the timeline, the relations curve and the evidence.
//!
//! Read-only: the store is opened with SQLite's read-only flag, one connection per worker
//! thread, so an ingest may run beside the server. It binds to loopback unless told otherwise.

pub mod load;

use std::cell::RefCell;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::store::query::{Asked, Filter};
use crate::store::Store;

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/style.css");
/// Land outlines of the map (Natural Earth 1:110m, public domain; scripts/build_gazetteer.py).
const WORLD: &str = include_str!("assets/world.json");

/// Largest number of rows an API answer holds, whatever `limit` asks.
const MAX_ROWS: usize = 5_000;

/// Reports listed with each event of a timeline (an event may have hundreds).
const REPORTS_LISTED: usize = 3;

/// Serves the store at `db` on `addr` until the process is stopped. Prints the address it
/// listens on (the port the system chose when `addr` has port 0) on standard output.
pub fn serve(db: &Path, addr: SocketAddr) -> Result<()> {
    // Refuse a missing or foreign store before listening.
    Store::open_read_only(db)?;
    let listener = std::net::TcpListener::bind(addr)?;
    println!(
        "annals: serving {} on http://{}/",
        db.display(),
        listener.local_addr()?
    );
    serve_on(listener, db)
}

/// Serves the store at `db` on a bound listener until the process is stopped.
pub fn serve_on(listener: std::net::TcpListener, db: &Path) -> Result<()> {
    let db = Arc::new(db.to_path_buf());
    listener.set_nonblocking(true)?;
    runtime()?.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, router(db)).await?;
        Ok(())
    })
}

/// The server's threads: the default async workers (one a core), and threads for the store's
/// queries: one a core, and one for each search that may run at once. Each query thread keeps its
/// connection and its page cache, so few threads that stay warm answer faster than many that
/// open cold connections.
fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .max_blocking_threads(cores() + search_slots())
        .build()
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Searches that may run at once: one a core. A search can take seconds (up to `SEARCH_TIME`);
/// the others wait their turn without holding a query thread, so that however many searches are
/// asked, the timelines and documents still have a thread a core and never queue behind them.
fn search_slots() -> usize {
    cores()
}

static SEARCHES: std::sync::LazyLock<tokio::sync::Semaphore> =
    std::sync::LazyLock::new(|| tokio::sync::Semaphore::new(search_slots()));

/// The routes: the page, its two assets, and the API.
pub fn router(db: Arc<PathBuf>) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", INDEX) }),
        )
        .route(
            "/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", SCRIPT) }),
        )
        .route(
            "/style.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE) }),
        )
        .route(
            "/world.json",
            get(|| async { asset("application/json", WORLD) }),
        )
        .route("/api/timeline", get(timeline))
        .route("/api/events", get(events))
        .route("/api/relations", get(relations))
        .route("/api/search", get(search))
        .route("/api/actors", get(actors))
        .route("/api/roots", get(roots))
        .route("/api/documents", get(documents))
        .route("/api/merged/{id}", get(merged))
        .route("/api/documents/{id}", get(document))
        .fallback(|| async { ApiError::not_found("no such page or API endpoint".to_string()) })
        .with_state(db)
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

/// An API error: a status and a sentence, sent as `{"error": "..."}`.
#[derive(Debug)]
pub struct ApiError(StatusCode, String);

impl ApiError {
    fn bad(message: String) -> ApiError {
        ApiError(StatusCode::BAD_REQUEST, message)
    }

    fn not_found(message: String) -> ApiError {
        ApiError(StatusCode::NOT_FOUND, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

type Answer<T> = Result<Json<T>, ApiError>;

/// The query parameters every list endpoint reads (those that do not apply are ignored).
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    actor: Option<String>,
    /// `RUS,JPN`.
    dyad: Option<String>,
    from: Option<String>,
    to: Option<String>,
    code: Option<String>,
    historical: Option<bool>,
    planned: Option<bool>,
    all: Option<bool>,
    /// Only events with no date.
    undated: Option<bool>,
    /// Only events of at least this confidence (0 to 1).
    min_confidence: Option<String>,
    /// `cooperation` or `conflict`.
    relation: Option<String>,
    /// Where it happened: a state (`JPN`), a circle (`35.68,139.69,50`).
    country: Option<String>,
    near: Option<String>,
    limit: Option<usize>,
    /// Rows to skip (documents).
    offset: Option<usize>,
    /// `year` or `month` (relations).
    by: Option<String>,
    /// The search words.
    q: Option<String>,
}

impl Params {
    fn filter(&self) -> Result<Filter, ApiError> {
        let asked = Asked {
            actor: self.actor.as_deref(),
            dyad: self.dyad.as_deref(),
            from: self.from.as_deref(),
            to: self.to.as_deref(),
            code: self.code.as_deref(),
            historical: self.historical,
            planned: self.planned,
            all: self.all.unwrap_or(false),
            undated: self.undated.unwrap_or(false),
            min_confidence: self.min_confidence.as_deref(),
            relation: self.relation.as_deref(),
            country: self.country.as_deref(),
            near: self.near.as_deref(),
            limit: Some(self.limit.unwrap_or(MAX_ROWS).min(MAX_ROWS)),
        };
        let filter = Filter::asked(&asked).map_err(|e| ApiError::bad(e.to_string()))?;
        // A timeline row lists its first reports; /api/merged/ID gives them all.
        Ok(Filter {
            reports: Some(REPORTS_LISTED),
            ..filter
        })
    }
}

/// The parameters, or a bad one answered in the API's JSON shape.
fn params(q: Result<Query<Params>, QueryRejection>) -> Result<Params, ApiError> {
    q.map(|Query(p)| p)
        .map_err(|e| ApiError::bad(e.body_text()))
}

thread_local! {
    /// Each worker thread keeps its own read-only connection.
    static STORE: RefCell<Option<(PathBuf, Store)>> = const { RefCell::new(None) };
}

/// Runs `ask` on this thread's connection to the store, off the async workers.
async fn ask<T: Send + 'static>(
    db: Arc<PathBuf>,
    ask: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(move || {
        STORE.with(|cell| {
            let mut cell = cell.borrow_mut();
            if cell.as_ref().is_none_or(|(path, _)| path != db.as_ref()) {
                let store = Store::open_read_only(&db).map_err(internal)?;
                *cell = Some((db.to_path_buf(), store));
            }
            let (_, store) = cell.as_ref().expect("opened above");
            ask(store)
        })
    })
    .await
    .map_err(|e| internal(anyhow::anyhow!("the query stopped: {e}")))?
}

fn internal(e: anyhow::Error) -> ApiError {
    ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}"))
}

/// A list the filter parameters select, from one of the store's queries.
async fn listed<T: Send + 'static>(
    db: Arc<PathBuf>,
    q: Result<Query<Params>, QueryRejection>,
    query: fn(&Store, &Filter) -> Result<T>,
) -> Answer<T> {
    let f = params(q)?.filter()?;
    ask(db, move |s| query(s, &f).map_err(internal))
        .await
        .map(Json)
}

async fn timeline(
    State(db): State<Arc<PathBuf>>,
    q: Result<Query<Params>, QueryRejection>,
) -> impl IntoResponse {
    listed(db, q, Store::timeline).await
}

async fn events(
    State(db): State<Arc<PathBuf>>,
    q: Result<Query<Params>, QueryRejection>,
) -> impl IntoResponse {
    listed(db, q, Store::events).await
}

async fn relations(
    State(db): State<Arc<PathBuf>>,
    q: Result<Query<Params>, QueryRejection>,
) -> impl IntoResponse {
    let p = params(q)?;
    let f = p.filter()?;
    let by_month = match p.by.as_deref().unwrap_or("year") {
        "year" => false,
        "month" => true,
        other => return Err(ApiError::bad(format!("by {other:?}: year or month"))),
    };
    ask(db, move |s| s.relations(&f, by_month).map_err(internal))
        .await
        .map(Json)
}

async fn search(
    State(db): State<Arc<PathBuf>>,
    q: Result<Query<Params>, QueryRejection>,
) -> impl IntoResponse {
    let p = params(q)?;
    let q = p.q.clone().unwrap_or_default();
    if q.trim().is_empty() {
        return Err(ApiError::bad("q: give words to search for".to_string()));
    }
    let limit = p.limit.unwrap_or(50).min(MAX_ROWS);
    // Among the documents that report an event of the actor or dyad asked, if any.
    let sides = p.filter()?;
    let _slot = SEARCHES
        .acquire()
        .await
        .map_err(|e| internal(anyhow::anyhow!("{e}")))?;
    // A query FTS5 cannot parse (or too long, or too slow) is the asker's mistake.
    ask(db, move |s| {
        s.search_in(&q, limit, &sides)
            .map_err(|e| ApiError::bad(format!("{e:#}")))
    })
    .await
    .map(Json)
}

async fn documents(
    State(db): State<Arc<PathBuf>>,
    q: Result<Query<Params>, QueryRejection>,
) -> impl IntoResponse {
    let p = params(q)?;
    let limit = p.limit.unwrap_or(100).min(MAX_ROWS);
    let offset = p.offset.unwrap_or(0);
    ask(db, move |s| s.documents(limit, offset).map_err(internal))
        .await
        .map(Json)
}

async fn actors(State(db): State<Arc<PathBuf>>) -> impl IntoResponse {
    ask(db, |s| s.sides().map_err(internal)).await.map(Json)
}

/// The CAMEO roots with their names, for the page's menu of event kinds.
async fn roots() -> impl IntoResponse {
    let roots: Vec<serde_json::Value> = crate::events::taxonomy::roots()
        .into_iter()
        .map(|c| serde_json::json!({ "code": c.code, "name": c.name }))
        .collect();
    Json(roots)
}

/// A merged event and every report of it, each with its document's id, outlet, sentence
/// number and trigger span, for the page to highlight.
#[derive(Serialize)]
struct Merged {
    event: crate::store::export::Row,
    reports: Vec<crate::store::export::Row>,
}

async fn merged(State(db): State<Arc<PathBuf>>, UrlPath(id): UrlPath<String>) -> Answer<Merged> {
    let n: i64 = id
        .parse()
        .map_err(|_| ApiError::bad(format!("merged event {id:?}: give its number")))?;
    ask(db, move |s| match s.merged_event(n).map_err(internal)? {
        Some((event, reports)) => Ok(Merged { event, reports }),
        None => Err(ApiError::not_found(format!("no merged event {n}"))),
    })
    .await
    .map(Json)
}

async fn document(
    State(db): State<Arc<PathBuf>>,
    UrlPath(id): UrlPath<String>,
) -> Answer<crate::document::Document> {
    if id.len() < 4 || !id.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(ApiError::bad(format!(
            "document {id:?}: give 4 or more hex digits of its id"
        )));
    }
    ask(db, move |s| {
        s.document(&id)
            .map_err(|e| ApiError::not_found(format!("{e:#}")))
    })
    .await
    .map(Json)
}
