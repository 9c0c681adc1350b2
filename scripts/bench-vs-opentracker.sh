#!/usr/bin/env bash
# Karuta against opentracker, in the same run, on loopback.
#
# Each tracker is pinned to one core (TRACKER_CPU) and the load generator to another (LOAD_CPU).
# For every scenario and round, the generator drives Karuta and then opentracker with the same
# workload; the script prints, per tracker, the medians over the rounds of: valid responses per
# second, valid responses per tracker CPU-second, p50 and p99 latency, and the peak resident memory,
# then Karuta's ratio to opentracker. Noise on shared machines is large: trust medians and the
# per-CPU-second column over any single figure.
#
# With KARUTA_STORE=redis, Karuta keeps its swarms in a redis-server started on the same core
# (TRACKER_CPU); Karuta's CPU time and memory then include Redis's.
#
# Needs: a JDK 17+, Maven, taskset (util-linux), opentracker (Debian: apt-get install opentracker),
# and for KARUTA_STORE=redis, redis-server (Debian: apt-get install redis-server).
# Usage: scripts/bench-vs-opentracker.sh            (settings below, from the environment)
#        ROUNDS=5 DURATION=20s scripts/bench-vs-opentracker.sh
#        KARUTA_STORE=redis SCENARIOS=udp-announce scripts/bench-vs-opentracker.sh
#        KARUTA_METRICS=false scripts/bench-vs-opentracker.sh   (request metrics off)
set -euo pipefail

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-3s}
# Untimed load on each tracker before the rounds: the JVM compiles its hot paths during the first
# minutes, and on a single core that takes long (opentracker needs none, but gets the same).
JIT_WARMUP=${JIT_WARMUP:-120s}
TORRENTS=${TORRENTS:-1000}
PEERS=${PEERS:-10000}
TRACKER_CPU=${TRACKER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
KARUTA_HEAP=${KARUTA_HEAP:-1g}
KARUTA_STORE=${KARUTA_STORE:-memory}
# false turns Karuta's request metrics off (metrics.enabled), to measure what they cost.
KARUTA_METRICS=${KARUTA_METRICS:-true}
SCENARIOS=${SCENARIOS:-"udp-announce udp-scrape http-announce http-scrape"}
KARUTA_HTTP_PORT=${KARUTA_HTTP_PORT:-17400}
KARUTA_UDP_PORT=${KARUTA_UDP_PORT:-17401}
OPENTRACKER_PORT=${OPENTRACKER_PORT:-17402}
REDIS_PORT=${REDIS_PORT:-17403}

cd "$(dirname "$0")/.."
for duration in "$DURATION" "$WARMUP" "$JIT_WARMUP"; do
  [[ $duration =~ ^[0-9]+s$ ]] || { echo "durations are whole seconds such as 15s: $duration" >&2; exit 2; }
done
for scenario in $SCENARIOS; do
  case $scenario in
    udp-announce | udp-scrape | http-announce | http-scrape) ;;
    *) echo "unknown scenario: $scenario" >&2; exit 2 ;;
  esac
done
tools="java mvn taskset opentracker"
case $KARUTA_STORE in
  memory) ;;
  redis) tools="$tools redis-server" ;;
  *) echo "KARUTA_STORE is memory or redis: $KARUTA_STORE" >&2; exit 2 ;;
esac
for tool in $tools; do
  command -v "$tool" > /dev/null || { echo "missing: $tool" >&2; exit 2; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "building Karuta and the load generator..." >&2
mvn -B -q package -DskipTests >&2
mvn -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
load() { taskset -c "$LOAD_CPU" java -cp "$classpath" io.karuta.bench.load.Load "$@"; }

# opentracker's Debian build serves only whitelisted torrents: whitelist the generator's.
load hashes --torrents "$TORRENTS" > "$work/whitelist"
# opentracker reads it after dropping its privileges to nobody.
chmod 755 "$work"
chmod 644 "$work/whitelist"

cat > "$work/karuta.yaml" << EOF
karuta:
  udp:
    addr: "127.0.0.1:$KARUTA_UDP_PORT"
    private_key: bench-vs-opentracker
  metrics:
    enabled: $KARUTA_METRICS
EOF
# The processes whose CPU time and memory count as Karuta's.
karuta_pids=()
if [ "$KARUTA_STORE" = redis ]; then
  taskset -c "$TRACKER_CPU" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" \
    --appendonly no --dir "$work" > "$work/redis.log" 2>&1 &
  redis=$!
  pids+=("$redis")
  karuta_pids+=("$redis")
  cat >> "$work/karuta.yaml" << EOF
  storage:
    name: redis
    config:
      url: redis://127.0.0.1:$REDIS_PORT
EOF
fi

KARUTA_CONFIG="$work/karuta.yaml" taskset -c "$TRACKER_CPU" \
  java "-Xmx$KARUTA_HEAP" -jar target/karuta-micro.jar --port "$KARUTA_HTTP_PORT" \
  > "$work/karuta.log" 2>&1 &
karuta=$!
pids+=("$karuta")
karuta_pids+=("$karuta")
user=()
[ "$(id -u)" = 0 ] && user=(-u nobody)
taskset -c "$TRACKER_CPU" opentracker -i 127.0.0.1 -p "$OPENTRACKER_PORT" -P "$OPENTRACKER_PORT" \
  -w "$work/whitelist" "${user[@]}" > "$work/opentracker.log" 2>&1 &
opentracker=$!
pids+=("$opentracker")

for _ in $(seq 1 180); do
  grep -q "UDP tracker listening" "$work/karuta.log" && break
  kill -0 "$karuta" 2> /dev/null || { cat "$work/karuta.log" >&2; exit 1; }
  sleep 1
done
grep -q "UDP tracker listening" "$work/karuta.log" || { echo "Karuta did not start" >&2; exit 1; }
kill -0 "$opentracker" || { cat "$work/opentracker.log" >&2; exit 1; }

ticks_per_second=$(getconf CLK_TCK)
# User plus system CPU time of processes and all their threads, in clock ticks.
cpu_ticks() { for pid; do cat "/proc/$pid/stat"; done | awk '{ t += $14 + $15 } END { print t }'; }
# The sum of the processes' peak resident memory.
peak_rss_mib() { for pid; do cat "/proc/$pid/status"; done | awk '/^VmHWM:/ { k += $2 } END { printf "%.0f", k / 1024 }'; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Arguments of the generator for a scenario against one tracker.
arguments() {
  local scenario=$1 udp_port=$2 http_port=$3
  local common=(--torrents "$TORRENTS" --peers "$PEERS" --duration "$DURATION" --warmup "$WARMUP")
  case $scenario in
    udp-announce) echo udp --target "127.0.0.1:$udp_port" --scrape-every 0 "${common[@]}" ;;
    udp-scrape) echo udp --target "127.0.0.1:$udp_port" --scrape-every 1 "${common[@]}" ;;
    http-announce) echo http --target "127.0.0.1:$http_port" --scrape-every 0 "${common[@]}" ;;
    http-scrape) echo http --target "127.0.0.1:$http_port" --scrape-every 1 "${common[@]}" ;;
  esac
}

# One measured run: prints "valid_per_s per_cpu_s p50_us p99_us errors". The tracker's CPU time is
# read from one second into the measured window (after the generator's start and warm-up) to the
# generator's exit, and set against the responses it answered in that time at the measured rate.
# The first argument lists the tracker's processes, separated by commas.
measure() {
  local pid
  IFS=, read -r -a pid <<< "$1"
  shift
  load "$@" > "$work/out" &
  local generator=$!
  pids+=("$generator")
  sleep $((${WARMUP%s} + 1))
  local before start
  before=$(cpu_ticks "${pid[@]}")
  start=$(date +%s.%N)
  wait "$generator" || { echo "the generator failed: $*" >&2; cat "$work/out" >&2; exit 1; }
  local after end result
  after=$(cpu_ticks "${pid[@]}")
  end=$(date +%s.%N)
  result=$(grep '^RESULT' "$work/out")
  awk -v ps="$(field valid_per_s "$result")" -v t=$((after - before)) -v hz="$ticks_per_second" \
    -v wall="$(awk -v a="$start" -v b="$end" -v d="${DURATION%s}" 'BEGIN { w = b - a; print (w < d ? w : d) }')" \
    -v p50="$(field p50_us "$result")" -v p99="$(field p99_us "$result")" \
    -v e="$(($(field errors "$result") + $(field invalid "$result") + $(field timeouts "$result")))" \
    'BEGIN { cpu = t / hz; printf "%.0f %.0f %s %s %d\n", ps, (cpu > 0 ? ps * wall / cpu : 0), p50, p99, e }'
}

echo "warming up both trackers for $JIT_WARMUP of mixed UDP and HTTP load..." >&2
for target in "$KARUTA_UDP_PORT $KARUTA_HTTP_PORT" "$OPENTRACKER_PORT $OPENTRACKER_PORT"; do
  set -- $target
  load udp --target "127.0.0.1:$1" --torrents "$TORRENTS" --peers "$PEERS" --duration "${JIT_WARMUP%s}s" \
    --warmup 0s > /dev/null &
  udp_warmup=$!
  pids+=("$udp_warmup")
  load http --target "127.0.0.1:$2" --torrents "$TORRENTS" --peers "$PEERS" --duration "${JIT_WARMUP%s}s" \
    --warmup 0s > /dev/null
  wait "$udp_warmup" || { echo "the warm-up got no valid reply from 127.0.0.1:$1" >&2; exit 1; }
done

echo "| Scenario | Tracker | valid responses/s | per tracker CPU-second | p50 µs | p99 µs | errors | peak RSS MiB |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for scenario in $SCENARIOS; do
  : > "$work/karuta.runs"
  : > "$work/opentracker.runs"
  for _ in $(seq 1 "$ROUNDS"); do
    # shellcheck disable=SC2046
    measure "$(IFS=,; echo "${karuta_pids[*]}")" $(arguments "$scenario" "$KARUTA_UDP_PORT" "$KARUTA_HTTP_PORT") >> "$work/karuta.runs"
    # shellcheck disable=SC2046
    measure "$opentracker" $(arguments "$scenario" "$OPENTRACKER_PORT" "$OPENTRACKER_PORT") \
      >> "$work/opentracker.runs"
  done
  for tracker in karuta opentracker; do
    runs="$work/$tracker.runs"
    if [ "$tracker" = karuta ]; then tracker_pids=("${karuta_pids[@]}"); else tracker_pids=("$opentracker"); fi
    printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n" "$scenario" "$tracker" \
      "$(cut -d' ' -f1 "$runs" | median)" "$(cut -d' ' -f2 "$runs" | median)" \
      "$(cut -d' ' -f3 "$runs" | median)" "$(cut -d' ' -f4 "$runs" | median)" \
      "$(cut -d' ' -f5 "$runs" | awk '{ s += $1 } END { print s }')" "$(peak_rss_mib "${tracker_pids[@]}")"
  done
  k=$(cut -d' ' -f1 "$work/karuta.runs" | median)
  o=$(cut -d' ' -f1 "$work/opentracker.runs" | median)
  kc=$(cut -d' ' -f2 "$work/karuta.runs" | median)
  oc=$(cut -d' ' -f2 "$work/opentracker.runs" | median)
  awk -v s="$scenario" -v k="$k" -v o="$o" -v kc="$kc" -v oc="$oc" \
    'BEGIN { printf "| %s | **Karuta / opentracker** | **%.2f×** | **%.2f×** | | | | |\n", s, (o > 0 ? k / o : 0), (oc > 0 ? kc / oc : 0) }'
done
echo
echo "rounds: $ROUNDS of $DURATION (+$WARMUP warm-up), $TORRENTS torrents, $PEERS peers;" \
  "Karuta's store: $KARUTA_STORE; metrics enabled: $KARUTA_METRICS;" \
  "trackers on CPU $TRACKER_CPU, generator on CPU $LOAD_CPU; $(nproc) CPUs, $(java -version 2>&1 | head -1)"
