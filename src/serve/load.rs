//! A load generator for `annals serve` on loopback (`annals bench --stage serve`): the server
//! runs in this process on a free port, and client threads send keep-alive HTTP/1.1 requests
//! one after another for a set time, each timed from the first byte sent to the last received.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context, Result};

use crate::store::Store;

/// What one endpoint answered under load.
pub struct Load {
    pub path: String,
    pub requests: usize,
    pub seconds: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub bytes: usize,
}

impl std::fmt::Display for Load {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:<44} {:>7} requests {:>8.0} requests/s  p50 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms  {:>8} bytes each",
            self.path,
            self.requests,
            self.requests as f64 / self.seconds,
            self.p50_ms,
            self.p99_ms,
            self.max_ms,
            self.bytes / self.requests.max(1)
        )
    }
}

/// The requests a bench sends: the timeline and the relations of the store's busiest dyad,
/// and a search for a word of the stored articles.
pub fn paths(db: &Path) -> Result<Vec<String>> {
    let store = Store::open_read_only(db)?;
    let sides = store.sides()?;
    let [a, b] = [sides.first(), sides.get(1)].map(|s| s.map(|s| s.code.clone()));
    let (a, b) = a
        .zip(b)
        .ok_or_else(|| anyhow!("the store has no merged events to ask for"))?;
    Ok(vec![
        format!("/api/timeline?dyad={a},{b}"),
        format!("/api/relations?dyad={a},{b}&by=month"),
        "/api/search?q=officials&limit=20".to_string(),
    ])
}

/// Serves `db` on a free loopback port and loads each path in turn with `clients` threads for
/// `seconds`.
pub fn run(db: &Path, clients: usize, seconds: f64) -> Result<Vec<Load>> {
    let addr = start(db)?;
    paths(db)?
        .into_iter()
        .map(|p| load(addr, &p, clients.max(1), Duration::from_secs_f64(seconds)))
        .collect()
}

/// Starts the server on a thread of its own; returns its address.
fn start(db: &Path) -> Result<SocketAddr> {
    Store::open_read_only(db)?;
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let db = db.to_path_buf();
    std::thread::spawn(move || super::serve_on(listener, &db));
    Ok(addr)
}

fn load(addr: SocketAddr, path: &str, clients: usize, time: Duration) -> Result<Load> {
    // One request first, so that every worker's connection and page cache is warm.
    client(addr, path, Duration::ZERO)?;
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let path = path.to_string();
            std::thread::spawn(move || client(addr, &path, time))
        })
        .collect();
    let mut times = Vec::new();
    let mut bytes = 0;
    for t in threads {
        let (mut t, b) = t
            .join()
            .map_err(|_| anyhow!("a client thread panicked"))??;
        times.append(&mut t);
        bytes += b;
    }
    let seconds = started.elapsed().as_secs_f64();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    Ok(Load {
        path: path.to_string(),
        requests: times.len(),
        seconds,
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        max_ms: times.last().copied().unwrap_or(0.0),
        bytes,
    })
}

/// Sends requests on one connection until `time` is up (at least one); returns each one's
/// milliseconds and the bytes of the bodies.
fn client(addr: SocketAddr, path: &str, time: Duration) -> Result<(Vec<f64>, usize)> {
    let stream = TcpStream::connect(addr)?;
    stream.set_nodelay(true)?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    let (mut times, mut bytes) = (Vec::new(), 0);
    let started = Instant::now();
    loop {
        let sent = Instant::now();
        writer.write_all(request.as_bytes())?;
        bytes += response(&mut reader).with_context(|| format!("GET {path}"))?;
        times.push(sent.elapsed().as_secs_f64() * 1000.0);
        if started.elapsed() >= time {
            return Ok((times, bytes));
        }
    }
}

/// Reads one response; fails unless it is a 200. Returns the body's length.
fn response(reader: &mut BufReader<TcpStream>) -> Result<usize> {
    let mut line = String::new();
    reader.read_line(&mut line)?;
    if !line.starts_with("HTTP/1.1 200") {
        return Err(anyhow!("answered {}", line.trim()));
    }
    let mut length = None;
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse::<usize>().ok();
            }
        }
    }
    let length = length.ok_or_else(|| anyhow!("an answer without Content-Length"))?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(length)
}
