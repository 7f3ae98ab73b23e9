#!/usr/bin/env python3
"""Annals on Apache Spark: extract, code and merge a news archive too large for one machine.

    spark-submit deploy/spark/annals_job.py --annals target/release/annals \
        --input 's3a://bucket/news/*.jsonl.gz' --output s3a://bucket/annals

or, with pyspark from PyPI and no cluster, `python deploy/spark/annals_job.py ...` (local mode).

1. Articles are read from any path Spark reads: JSON Lines (one record a line, the fields of
   `annals extract --jsonl-in`, gzip or not; each line is handed to annals as it is, so a
   document's id is the one `annals ingest` gives the same line) or Parquet (each row written as
   a JSON record).
2. The `annals` binary is shipped to the executors (`SparkContext.addFile`) and each partition
   is piped through `annals extract --jsonl-in` with `RDD.pipe` (the JVM's, so that no Python
   process handles the data). One output line per record, in order.
3. Tables, as Parquet under --output:
     documents/      one row per record: the document's fields and its JSON as `annals
                     extract` prints it (`document`, events included), or the record's
                     `error`; partitioned by publication year
     events/         one row per event as its document reports it, with the columns of the
                     store's `events` table, made by `annals event-rows` (the columns and their
                     types are defined once, in src/store/columns.rs); partitioned by event year
     merged/         one row per real-world event, over all documents; by event year
     merged_events/  which events (document id, nth event of the document) each merged event
                     lists
4. Dating: a document of unknown or loose date is dated again by the dated documents' reports
   of the same events, as `annals ingest` does (`annals redate-stream`, two passes, a join
   between them).
5. Merging: Spark SQL shuffles the events by merge key and sorts each partition by key and
   days; `annals merge-stream` runs the store's merging rule over each sorted partition (the
   rule is a sequential sweep over days, which SQL has no operator for) and gives each report
   its merged event's summary by the store's code (the most common code and sides, the
   smallest on a tie; historical when any report is; events; distinct documents); Spark SQL
   writes one row per merged event from it.

`annals ingest OUTPUT/documents` reads the documents table back into an embedded store.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time

from pyspark import SparkFiles
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

BINARY = "annals"

# What the documents table keeps of `annals extract`'s output besides the JSON itself.
DOCUMENT = (
    "`id` STRING, `record_id` STRING, `path` STRING, `title` STRING, `outlet` STRING, "
    "`site` STRING, `url` STRING, `fetched` STRING, `language` STRING, "
    "`published` STRUCT<`value`: STRING, `earliest`: STRING, `latest`: STRING, "
    "`basis`: STRING>, `error` STRING"
)


def shipped(spark):
    """Where an executor finds the annals binary added to the job: in local mode, the driver's
    copy of the added files (the executors are the driver's threads); on a cluster, the
    executor's working directory, where Spark fetches the added files."""
    if spark.sparkContext.master.startswith("local"):
        return SparkFiles.get(BINARY)
    return "./" + BINARY


def pipe(spark, frame, *args):
    """The lines of a one-column text frame piped through `annals ARGS`, partition by
    partition, with the JVM's `RDD.pipe` (no Python process in the data's way); a frame of the
    output lines (`line`), in order. A nonzero exit of annals fails the task."""
    jvm = spark._jvm
    text = jvm.org.apache.spark.sql.Encoders.STRING()
    lines = getattr(frame._jdf, "as")(text).javaRDD()
    command = jvm.java.util.ArrayList()
    for part in [shipped(spark), *args]:
        command.add(part)
    piped = lines.pipe(command)
    out = spark._jsparkSession.createDataset(piped.rdd(), text).toDF()
    return DataFrame(out, spark).withColumnRenamed("value", "line")


def read_articles(spark, path, fmt):
    """The input records as a frame of JSON lines."""
    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") else "jsonl"
    if fmt == "parquet":
        return as_json(spark.read.parquet(path))
    lines = spark.read.text(path)
    return lines.where(F.trim("value") != "")


def as_json(frame):
    """A data frame's rows as a frame of JSON lines, in the frame's order."""
    return frame.select(F.to_json(F.struct(*frame.columns)).alias("json"))


def year_of(day):
    """The year of an ISO day; null for an undated row (Hive's default partition)."""
    return F.substring(day, 1, 4).try_cast("int")


ROLES = (
    "`id` STRING, `anchors` ARRAY<STRUCT<`key`: STRING, `earliest`: STRING, `latest`: STRING>>, "
    "`loose` ARRAY<STRING>"
)


def redate(spark, raw):
    """The extracted document lines with the loosely dated documents dated again by the dated
    documents' reports of the same events, as `annals ingest` dates them: `annals redate-stream
    --roles` says what each document gives and needs, Spark joins the loose documents' keys to
    the anchors of those keys, and `annals redate-stream` dates each loose document again."""
    roles = pipe(spark, raw.select("line"), "redate-stream", "--roles")
    r = roles.select(F.from_json("line", ROLES).alias("r")).select("r.*")
    anchors = r.select(F.explode("anchors").alias("a")).select("a.*").distinct()
    loose = r.select("id", F.explode("loose").alias("key")).distinct()
    found = (
        loose.join(anchors, "key")
        .groupBy("id")
        .agg(F.sort_array(F.collect_list(F.struct("key", "earliest", "latest"))).alias("anchors"))
    )
    # The loose documents with anchors go to every task, so that the documents (some 24 KB
    # each) are not shuffled for the join.
    found = F.broadcast(found)
    docs = raw.select(F.get_json_object("line", "$.id").alias("id"), "line")
    todo = docs.join(found, "id").select(
        F.concat(
            F.lit('{"document":'), "line", F.lit(',"anchors":'), F.to_json("anchors"), F.lit("}")
        ).alias("line")
    )
    dated = pipe(spark, todo, "redate-stream")
    rest = docs.join(found.select("id"), "id", "left_anti").select("line")
    return rest.unionByName(dated)


def extract(spark, lines, output):
    """Writes the documents table; returns it as read back."""
    # Read three times by the dating pass: extracted once, staged as text (a cached frame of
    # documents, some 24 KB each, ran local mode's heap out at 50,000 articles).
    staged = os.path.join(output, "_extracted")
    pipe(spark, lines, "extract", "--jsonl-in").write.mode("overwrite").text(staged)
    extracted = spark.read.text(staged).withColumnRenamed("value", "line")
    raw = redate(spark, extracted)
    d = F.from_json("line", DOCUMENT)
    docs = raw.select(d.alias("d"), "line").select(
        "d.id",
        "d.record_id",
        "d.path",
        "d.title",
        "d.outlet",
        "d.site",
        "d.url",
        "d.fetched",
        "d.language",
        F.col("d.published.value").alias("published"),
        F.col("d.published.earliest").alias("published_earliest"),
        F.col("d.published.latest").alias("published_latest"),
        F.col("d.published.basis").alias("published_basis"),
        "d.error",
        F.when(F.col("d.error").isNull(), F.col("line")).alias("document"),
        year_of(F.col("d.published.earliest")).alias("year"),
    )
    target = os.path.join(output, "documents")
    docs.write.mode("overwrite").partitionBy("year").parquet(target)
    remove(spark, staged)
    return spark.read.parquet(target)


def remove(spark, path):
    """Deletes a folder on whatever file system Spark writes to."""
    p = spark._jvm.org.apache.hadoop.fs.Path(path)
    p.getFileSystem(spark._jsc.hadoopConfiguration()).delete(p, True)


def event_columns(binary):
    """The Spark schema of `annals event-rows`' lines, as the binary defines it."""
    out = subprocess.run([binary, "event-rows", "--schema"], check=True, capture_output=True,
                         text=True)
    return out.stdout.strip()


def events_table(spark, binary, docs, output):
    """Writes one row per reported event: the columns of the store's `events` table, made from
    each document by `annals event-rows`, with `doc_id` and `nth` (its place in the document's
    events) instead of the store's row numbers."""
    lines = docs.where(F.col("document").isNotNull()).select("document")
    rows = pipe(spark, lines, "event-rows")
    columns = event_columns(binary)
    events = rows.select(F.from_json("line", columns).alias("e")).select(
        "e.*", year_of(F.col("e.earliest")).alias("year")
    )
    target = os.path.join(output, "events")
    events.write.mode("overwrite").partitionBy("year").parquet(target)
    return spark.read.parquet(target)


# What merging needs of each report; it travels through `annals merge-stream` as the event's id.
REPORT = [
    "doc_id", "nth", "merge_key", "cameo", "root", "name", "goldstein", "quad_class",
    "historical", "planned", "hypothetical", "negated", "source_side", "target_side",
]

# What `annals merge-stream` says of each merged event besides its counts.
SUMMARY = [
    "cameo", "root", "name", "goldstein", "quad_class", "source_side", "target_side",
    "historical",
]

# A merged event's row: what `annals merge-stream` gave each of its reports (the merging rule's
# summary: code and sides most reports give, the smallest on a tie; recalled when any report
# is; reports and documents), the same on every report, so the first is taken. No rule here.
MERGED = """
SELECT merged, first(event.merge_key) AS merge_key, first(summary.source_side) AS source_side,
       first(summary.target_side) AS target_side, first(summary.cameo) AS cameo,
       first(summary.root) AS root, first(summary.name) AS name,
       first(summary.goldstein) AS goldstein, first(summary.quad_class) AS quad_class,
       first(earliest) AS earliest, first(latest) AS latest,
       first(summary.historical) AS historical, first(event.planned) AS planned,
       first(event.hypothetical) AS hypothetical, first(event.negated) AS negated,
       first(summary.events) AS events, first(summary.documents) AS documents,
       first(overlaps) AS overlaps, TRY_CAST(substring(first(earliest), 1, 4) AS INT) AS year
FROM groups GROUP BY merged
"""


def merge(spark, events, output, partitions):
    """Writes the merged events and their reports."""
    reports = (
        events.select(
            F.struct(*REPORT).alias("event"),
            "merge_key",
            "earliest",
            "latest",
        )
        .repartition(partitions, "merge_key")
        .sortWithinPartitions("merge_key", "earliest", "latest")
    )
    grouped = pipe(spark, as_json(reports), "merge-stream")
    # The event comes back as it went: its type is the events table's.
    event = reports.schema["event"].dataType
    fields = T.StructType([
        reports.schema["event"],
        T.StructField("merged", T.StringType()),
        T.StructField("earliest", T.StringType()),
        T.StructField("latest", T.StringType()),
        T.StructField("overlaps", T.BooleanType()),
        T.StructField("summary", T.StructType([
            # The columns the summary shares with a report are typed as the events table's.
            *(event[name] for name in SUMMARY),
            T.StructField("events", T.LongType()),
            T.StructField("documents", T.LongType()),
        ])),
    ])
    groups = grouped.select(F.from_json("line", fields).alias("g")).select("g.*")
    groups.createOrReplaceTempView("groups")
    # Both tables come from one pass of merge-stream.
    groups.persist()
    members = groups.select("merged", "event.doc_id", "event.nth")
    members.write.mode("overwrite").parquet(os.path.join(output, "merged_events"))
    merged = spark.sql(MERGED)
    merged.write.mode("overwrite").partitionBy("year").parquet(os.path.join(output, "merged"))
    groups.unpersist()


def run(spark, binary, input_path, output, fmt="auto", partitions=None):
    """The whole job; returns what it counted."""
    spark.sparkContext.addFile(binary)
    started = time.time()
    lines = read_articles(spark, input_path, fmt)
    if partitions:
        lines = lines.repartition(partitions)
    docs = extract(spark, lines, output)
    extracted = time.time()
    events = events_table(spark, binary, docs, output)
    merge_partitions = partitions or spark.sparkContext.defaultParallelism
    merge(spark, events, output, merge_partitions)
    done = time.time()
    counts = {
        "records": docs.count(),
        "errors": docs.where(F.col("error").isNotNull()).count(),
        "events": events.count(),
        "merged": spark.read.parquet(os.path.join(output, "merged")).count(),
        "extract_seconds": round(extracted - started, 1),
        "seconds": round(done - started, 1),
    }
    return counts


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, help="articles: JSON Lines or Parquet, any Spark path")
    p.add_argument("--output", required=True, help="where the Parquet tables go (replaced)")
    p.add_argument(
        "--annals",
        default=os.environ.get("ANNALS_BIN") or shutil.which("annals"),
        help="the annals binary to ship (default: $ANNALS_BIN, else annals on PATH)",
    )
    p.add_argument("--format", choices=["auto", "jsonl", "parquet"], default="auto")
    p.add_argument("--partitions", type=int, help="repartition the input into this many parts")
    p.add_argument("--master", help="Spark master when not run by spark-submit (default local[*])")
    args = p.parse_args(argv)
    if not args.annals or not os.path.exists(args.annals):
        p.error("no annals binary: build it (cargo build --release) and pass --annals PATH")
    builder = SparkSession.builder.appName("annals").config(
        # Each task writes its rows to the year they belong to without sorting them first.
        "spark.sql.maxConcurrentOutputFileWriters", "64"
    )
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    counts = run(spark, args.annals, args.input, args.output, args.format, args.partitions)
    print(" ".join(f"{k}={v}" for k, v in counts.items()), file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
