//! Annals turns raw news into a record of political events.
//!
//! The pipeline follows the data, one module per stage:
//! [`ingest`] reads bytes into text, [`clean`] splits a page into title, metadata, body and
//! boilerplate, [`time`] dates the document, [`segment`] splits the body into sentences, and
//! [`pipeline`] runs them in order over one [`Document`]. [`merge`] is the rule that makes the
//! reports of one event one merged event, which [`store`] applies to its tables and
//! `annals merge-stream` to a distributed engine's. [`eval`] scores the result against
//! hand-made gold files; [`bench`](mod@bench) measures throughput.

pub mod actors;
pub mod bench;
pub mod clean;
pub mod document;
pub mod eval;
pub mod events;
pub mod fuzz;
pub mod ingest;
pub mod knowledge;
pub mod merge;
pub mod pipeline;
pub mod places;
pub mod segment;
pub mod serve;
pub mod store;
pub mod syntax;
pub mod text;
pub mod time;

pub use document::Document;
