#!/usr/bin/env python3
"""Checks that the Spark job and the embedded store give the same record.

    python deploy/spark/check.py --annals target/release/annals [DIR ...]

The articles of each DIR (default: examples/articles, and ../shared/corpus/seeds when it is
there) become one JSON Lines file. Then:

  A. `annals ingest` stores that file in an embedded store;
  S. the Spark job (local mode) extracts, codes and merges the same file;
  B. `annals ingest` reads the job's documents table back into a second store;
  P. the Spark job reads the same records as a Parquet file.

The documents, the errors, and the merged events (every field, and the reports each lists:
document, sentence, trigger span, sides, code) must be the same in A, S and B, and in S and P
(there with documents named by their record's id); the events tables of A and S must have the
same columns, in the same order, and the same rows. Exits with 1 and shows the first differences
when they are not.
"""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import annals_job  # noqa: E402

FIELDS = [
    "merge_key", "source_side", "target_side", "cameo", "root", "name", "goldstein",
    "quad_class", "earliest", "latest", "historical", "planned", "hypothetical", "negated",
    "events", "documents", "overlaps",
]
BOOLS = {"historical", "planned", "hypothetical", "negated", "overlaps"}
MEMBER = ["doc_id", "sentence", "start", "end", "source_code", "target_code", "cameo"]


# Written for this check: two reports of one event on the same days, one side each way (a tie
# the merged event's sides must break the same way everywhere), a page that dates another, and
# a record cut short.
SYNTHETIC = [
    {"id": "tie-a", "date": "2022-03-22",
     "text": "Islands row\n\nIn June 1961, the Soviet Union seized the Kuril Islands from Japan."},
    {"id": "tie-b", "date": "2023-04-02",
     "text": "Old dispute\n\nRussia seized the Kuril Islands from Japan in June 1961."},
    # A dated page and one that prints no date: the first dates the second (and its events).
    {"id": "dated", "page_text": "Talks\n\nWednesday, 17 June 2020\n\nKenya's foreign minister "
     "spoke by telephone with her Tanzanian counterpart on Wednesday.\n\nKenya also recalled "
     "its ambassador to Tanzania for consultations.\n"},
    {"id": "loose", "page_text": "Envoy recalled\n\nKenya's foreign minister on Wednesday spoke "
     "by telephone with her Tanzanian counterpart.\n\nKenya recalled its ambassador to "
     "Tanzania for consultations, the ministry said.\n"},
]
CUT = '{"id": "cut", "text": "Japan protested'


def articles(dirs, path):
    """Writes the articles of `dirs`, and the synthetic records, as JSON Lines; returns how
    many records."""
    n = len(SYNTHETIC) + 1
    with open(path, "w", encoding="utf-8") as out:
        for record in SYNTHETIC:
            out.write(json.dumps(record) + "\n")
        out.write(CUT + "\n")
        for d in dirs:
            for name in sorted(os.listdir(d)):
                with open(os.path.join(d, name), encoding="utf-8", errors="replace") as f:
                    text = f.read()
                # Scraped pages: cleaned as the files are (`text` would be taken as the article).
                html = text.lstrip().lower().startswith(("<!doctype", "<html"))
                kind = "html" if html else "page_text"
                out.write(json.dumps({"id": name, kind: text}) + "\n")
                n += 1
    return n


def ingest(annals, inputs, db):
    subprocess.run([annals, "ingest", inputs, "--db", db, "--quiet"], check=True,
                   stdout=subprocess.DEVNULL)


def canonical(row, members):
    fields = tuple(bool(row[f]) if f in BOOLS else row[f] for f in FIELDS)
    return fields + (tuple(sorted(members)),)


def from_store(db):
    """Document ids, error count and merged events of an embedded store."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    ids = {r[0] for r in con.execute("SELECT id FROM documents")}
    errors = con.execute("SELECT count(*) FROM errors").fetchone()[0]
    members = {}
    for r in con.execute(
        "SELECT me.merged, d.id, e.sentence, e.start, e.end, e.source_code, e.target_code, e.cameo"
        " FROM merged_events me JOIN events e ON e.n = me.event JOIN documents d ON d.n = e.doc"
    ):
        members.setdefault(r[0], []).append(tuple(r[1:]))
    merged = [
        canonical(r, members.get(r["n"], []))
        for r in con.execute("SELECT * FROM merged")
    ]
    con.close()
    return ids, errors, sorted(merged, key=repr)


def from_spark(spark, out, by_record=False):
    """The same, from the job's tables; with `by_record`, documents go by their input record's
    id instead of their own (which hashes the input line)."""
    docs = spark.read.parquet(os.path.join(out, "documents"))
    named = {r.id: r.record_id for r in docs.where(F.col("id").isNotNull()).collect()}
    name = (lambda doc: named[doc]) if by_record else (lambda doc: doc)  # noqa: E731
    ids = {name(doc) for doc in named}
    errors = docs.where(F.col("error").isNotNull()).count()
    events = spark.read.parquet(os.path.join(out, "events"))
    links = spark.read.parquet(os.path.join(out, "merged_events"))
    members = {}
    for r in links.join(events, ["doc_id", "nth"]).select("merged", *MEMBER).collect():
        member = (name(r.doc_id),) + tuple(r[m] for m in MEMBER[1:])
        members.setdefault(r.merged, []).append(member)
    merged = [
        canonical(r.asDict(), members.get(r.merged, []))
        for r in spark.read.parquet(os.path.join(out, "merged")).collect()
    ]
    return ids, errors, sorted(merged, key=repr)


def store_events(db):
    """The columns of an embedded store's events table (but its row numbers), and its rows,
    documents named by id."""
    con = sqlite3.connect(db)
    names = [r[1] for r in con.execute("PRAGMA table_info(events)")][2:]
    rows = con.execute(
        f"SELECT d.id, {', '.join('e.' + n for n in names)}"
        " FROM events e JOIN documents d ON d.n = e.doc"
    ).fetchall()
    con.close()
    return names, sorted(rows, key=repr)


def spark_events(spark, out):
    """The same of the job's events table: its columns but `doc_id`, `nth` and `year`."""
    events = spark.read.parquet(os.path.join(out, "events"))
    names = [c for c in events.columns if c not in ("doc_id", "nth", "year")]
    # SQLite keeps a yes/no as 0 or 1.
    plain = lambda v: int(v) if isinstance(v, bool) else v  # noqa: E731
    rows = [
        tuple(plain(v) for v in r)
        for r in events.select("doc_id", *names).collect()
    ]
    return names, sorted(rows, key=repr)


def event_differences(a, s):
    """Whether the store's events table and the job's have the same columns and rows."""
    if a[0] != s[0]:
        return [f"events columns: {a[0]} in A, {s[0]} in S"]
    only_a = [r for r in a[1] if r not in s[1]]
    only_s = [r for r in s[1] if r not in a[1]]
    return [f"event only in A: {r}" for r in only_a[:3]] + [
        f"event only in S: {r}" for r in only_s[:3]
    ]


def differences(name_a, a, name_b, b):
    """What differs between two records, in a few lines."""
    lines = []
    if a[0] != b[0]:
        lines.append(f"documents: {len(a[0])} in {name_a}, {len(b[0])} in {name_b}")
    if a[1] != b[1]:
        lines.append(f"errors: {a[1]} in {name_a}, {b[1]} in {name_b}")
    only_a = [m for m in a[2] if m not in b[2]]
    only_b = [m for m in b[2] if m not in a[2]]
    for m in only_a[:3]:
        lines.append(f"only in {name_a}: {m}")
    for m in only_b[:3]:
        lines.append(f"only in {name_b}: {m}")
    if only_a or only_b:
        lines.append(f"merged events: {len(a[2])} in {name_a}, {len(b[2])} in {name_b}, "
                     f"{len(only_a)} and {len(only_b)} apart")
    return lines


def main():
    p = argparse.ArgumentParser(description="Spark job = embedded store, on the same articles")
    p.add_argument("dirs", nargs="*")
    p.add_argument("--annals", default=os.environ.get("ANNALS_BIN", "target/release/annals"))
    p.add_argument("--master", default="local[2]")
    p.add_argument("--keep", help="keep the inputs, stores and tables in this folder")
    args = p.parse_args()
    dirs = args.dirs or ["examples/articles"] + (
        ["../shared/corpus/seeds"] if os.path.isdir("../shared/corpus/seeds") else []
    )
    work = args.keep or tempfile.mkdtemp(prefix="annals-spark-")
    os.makedirs(work, exist_ok=True)
    inputs = os.path.join(work, "articles.jsonl")
    n = articles(dirs, inputs)
    print(f"spark check: {n} articles from {', '.join(dirs)} in {inputs}")

    store_a, store_b = os.path.join(work, "a.db"), os.path.join(work, "b.db")
    for db in (store_a, store_b):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
    ingest(args.annals, inputs, store_a)
    spark = SparkSession.builder.master(args.master).appName("annals-check").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    out = os.path.join(work, "tables")
    counts = annals_job.run(spark, os.path.abspath(args.annals), inputs, out)
    ingest(args.annals, os.path.join(out, "documents"), store_b)
    a, s, b = from_store(store_a), from_spark(spark, out), from_store(store_b)
    events_a, events_s = store_events(store_a), spark_events(spark, out)
    # P: the same records as a Parquet input (its lines are Spark's, so its documents' ids
    # differ: both sides name documents by their record's id).
    table = os.path.join(work, "articles.parquet")
    spark.read.json(inputs).write.mode("overwrite").parquet(table)
    out_p = os.path.join(work, "tables-from-parquet")
    annals_job.run(spark, os.path.abspath(args.annals), table, out_p)
    s_named, p = from_spark(spark, out, by_record=True), from_spark(spark, out_p, by_record=True)
    spark.stop()

    multi = sum(1 for m in s[2] if m[FIELDS.index("documents")] > 1)
    print(f"spark: {counts}")
    print(f"A (annals ingest): {len(a[0])} documents, {a[1]} errors, {len(a[2])} merged events")
    print(f"S (Spark job):     {len(s[0])} documents, {s[1]} errors, {len(s[2])} merged events "
          f"({multi} told by two documents or more)")
    print(f"B (ingest of S):   {len(b[0])} documents, {b[1]} errors, {len(b[2])} merged events")
    print(f"P (Parquet input): {len(p[0])} documents, {p[1]} errors, {len(p[2])} merged events")
    wrong = (
        differences("A", a, "S", s)
        + differences("A", a, "B", b)
        + differences("S", s_named, "P", p)
        + event_differences(events_a, events_s)
    )
    if not a[2]:
        wrong.append("no merged events at all: nothing was compared")
    for line in wrong:
        print("DIFFERENT:", line)
    if wrong:
        sys.exit(1)
    print(f"events: the same {len(events_a[0])} columns and {len(events_a[1])} rows in A and S")
    print("same documents, errors and merged events in A, S and B, and in S and P")


if __name__ == "__main__":
    main()
