#!/usr/bin/env bash
# A Spark standalone cluster on this machine: one master and WORKERS workers of one core each,
# on loopback. `deploy/spark/cluster.sh start [WORKERS]` prints the master's address;
# `deploy/spark/cluster.sh stop` ends them. Spark comes from pyspark (pip install pyspark), or
# from SPARK_HOME. On a real cluster, run the same two classes on each machine instead:
#   spark-class org.apache.spark.deploy.master.Master --host HOST
#   spark-class org.apache.spark.deploy.worker.Worker spark://HOST:7077
set -euo pipefail
run="${ANNALS_SPARK_RUN:-${TMPDIR:-/tmp}/annals-spark-cluster}"
port="${ANNALS_SPARK_PORT:-7077}"
case "${1:-}" in
  start)
    home="${SPARK_HOME:-$(python3 -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')}"
    workers="${2:-2}"
    mkdir -p "$run"
    "$home/bin/spark-class" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$port" --webui-port 0 >"$run/master.log" 2>&1 &
    echo $! >"$run/pids"
    for _ in $(seq 1 50); do
      grep -q "Starting Spark master\|I have been elected leader" "$run/master.log" && break
      sleep 0.2
    done
    for i in $(seq 1 "$workers"); do
      "$home/bin/spark-class" org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --cores 1 --memory "${ANNALS_WORKER_MEMORY:-2g}" --webui-port 0 \
        --work-dir "$run/work$i" "spark://127.0.0.1:$port" >"$run/worker$i.log" 2>&1 &
      echo $! >>"$run/pids"
    done
    for i in $(seq 1 "$workers"); do
      for _ in $(seq 1 100); do
        grep -q "Successfully registered with master" "$run/worker$i.log" && break
        sleep 0.2
      done
    done
    echo "spark://127.0.0.1:$port"
    ;;
  stop)
    [ -f "$run/pids" ] && xargs -r kill <"$run/pids" 2>/dev/null || true
    rm -f "$run/pids"
    ;;
  *)
    echo "usage: $0 start [WORKERS] | stop" >&2
    exit 2
    ;;
esac
