#!/usr/bin/env bash
# Every figure of benchmarks/RESULTS.md in one run, from the repository root, on an otherwise idle machine:
#   bash benchmarks/run.sh [--seconds 60]
# Builds the jars, runs the load driver on the embedded database (all scenarios), then on a throwaway
# PostgreSQL with its default durability (one instance, then two), then the in-process JMH benchmarks.
# Reports are appended to benchmarks/results/*-latest.md and printed; PostgreSQL is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_ARG=("$@")
[ ${#SECONDS_ARG[@]} -eq 0 ] && SECONDS_ARG=(--seconds 60)

mvn -B -q -DskipTests package
DRIVER=(java -jar benchmarks/target/benchmarks.jar)

"${DRIVER[@]}" all "${SECONDS_ARG[@]}"
# The steady state: on two cores the JIT is still compiling after the default warm-ups (each row prints the
# compiler threads' share of the server's CPU); a service that has run for a few minutes is past it.
"${DRIVER[@]}" policies "${SECONDS_ARG[@]}" --warmup-seconds 120
"${DRIVER[@]}" generations "${SECONDS_ARG[@]}" --warmup-seconds 120
"${DRIVER[@]}" model "${SECONDS_ARG[@]}" --model-warmup 15000

eval "$(bash .ci/postgres.sh start durable)"
trap 'bash .ci/postgres.sh stop "$AUTHORING_TEST_PG_DIR"' EXIT
PG=(--jdbc-url "$AUTHORING_TEST_PG_URL" --db-user "$AUTHORING_TEST_PG_USER" --db-password "$AUTHORING_TEST_PG_PASSWORD")
"${DRIVER[@]}" policies "${SECONDS_ARG[@]}" "${PG[@]}"
"${DRIVER[@]}" policies "${SECONDS_ARG[@]}" "${PG[@]}" --warmup-seconds 120
"${DRIVER[@]}" generations "${SECONDS_ARG[@]}" "${PG[@]}"
"${DRIVER[@]}" generations "${SECONDS_ARG[@]}" "${PG[@]}" --warmup-seconds 120
"${DRIVER[@]}" generations "${SECONDS_ARG[@]}" "${PG[@]}" --instances 2 --warmup-seconds 120
"${DRIVER[@]}" model "${SECONDS_ARG[@]}" "${PG[@]}" --model-warmup 15000

JMH=(java -jar benchmarks/jmh/target/jmh-benchmarks.jar -f 1 -wi 3 -w 3s -i 5 -r 3s)
"${JMH[@]}" 'PipelineBenchmark|GroundingBenchmark|Rules(Translator|Parse)Benchmark'
