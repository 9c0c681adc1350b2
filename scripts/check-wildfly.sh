#!/usr/bin/env bash
# Deploys target/karuta.war on WildFly and checks that the tracker works there.
#
# Fetches the WildFly distribution through Maven (Maven Central, cached in ~/.m2) into target/,
# starts it with the given server profile on loopback ports, deploys target/karuta.war, then checks:
#   - GET /                          200 from Karuta (context root / comes from WEB-INF/jboss-web.xml)
#   - an HTTP announce               a bencoded dictionary with "interval"
#   - a UDP connect + announce       on KARUTA_UDP_ADDR (needs python3; skipped with a note otherwise)
#   - GET /stats/metrics             200 with karuta_ lines (Karuta's own Prometheus text)
#   - /health/live, /ready, /started on the management port list karuta-live, karuta-ready and
#                                    karuta-started as UP (microprofile profiles only: the plain
#                                    profiles have no MicroProfile Health)
#   - server.log                     no ERROR, NoClassDefFoundError or Weld error from the deployment
# then undeploys, stops WildFly and exits non-zero if any check failed. Every step is timed.
#
# Needs: a JDK 17+, Maven, curl, unzip. Build the WAR first: mvn -B -q package -DskipTests
# Usage: scripts/check-wildfly.sh                         (standalone-microprofile.xml)
#        scripts/check-wildfly.sh standalone.xml
#        HTTP_PORT=18090 MGMT_PORT=18093 scripts/check-wildfly.sh standalone-microprofile.xml
set -euo pipefail

PROFILE=${1:-standalone-microprofile.xml}
WILDFLY_VERSION=${WILDFLY_VERSION:-39.0.1.Final}
HTTP_PORT=${HTTP_PORT:-18085}
HTTPS_PORT=${HTTPS_PORT:-18086}
AJP_PORT=${AJP_PORT:-18087}
MGMT_PORT=${MGMT_PORT:-18088}
MGMT_HTTPS_PORT=${MGMT_HTTPS_PORT:-18089}
UDP_ADDR=${KARUTA_UDP_ADDR:-127.0.0.1:18097}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-240}      # seconds
CLI_TIMEOUT=${CLI_TIMEOUT:-180}        # seconds, per jboss-cli call

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WAR=$ROOT/target/karuta.war
DOWNLOAD_DIR=$ROOT/target/wildfly-download
HOME_DIR=$ROOT/target/wildfly-$WILDFLY_VERSION
BASE_DIR=$ROOT/target/wildfly-run-${PROFILE%.xml}
LOG=$BASE_DIR/log/server.log

FAILED=0
STEPS=()
now() { date +%s%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
step() { STEPS+=("$(printf '%-40s %7ss' "$1" "$2")"); echo "== $1: $2 s"; }
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; FAILED=1; }
note() { echo "NOTE $*"; }
cli() {
  timeout "$CLI_TIMEOUT" "$HOME_DIR/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$MGMT_PORT" "$@"
}

[[ -f $WAR ]] || { echo "missing $WAR: run mvn -B -q package -DskipTests first" >&2; exit 2; }
for tool in mvn curl unzip java; do
  command -v "$tool" >/dev/null || { echo "missing $tool on PATH" >&2; exit 2; }
done
for port in "$HTTP_PORT" "$HTTPS_PORT" "$AJP_PORT" "$MGMT_PORT" "$MGMT_HTTPS_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port on 127.0.0.1 is already in use: another WildFly? Set the *_PORT variables" >&2
    exit 2
  fi
done

# --- download -------------------------------------------------------------------------------------
t=$(now)
ZIP=$DOWNLOAD_DIR/wildfly-dist-$WILDFLY_VERSION.zip
if [[ -f $ZIP ]]; then
  step "download (already in target/)" "$(elapsed "$t")"
else
  mvn -B -q -Dstyle.color=never dependency:copy -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" \
    -DoutputDirectory="$DOWNLOAD_DIR"
  step "download (mvn dependency:copy)" "$(elapsed "$t")"
fi

t=$(now)
if [[ ! -x $HOME_DIR/bin/standalone.sh ]]; then
  rm -rf "$HOME_DIR"
  unzip -q "$ZIP" -d "$ROOT/target"
fi
# A fresh server base directory on every run: no deployments, data or logs left from the last one.
rm -rf "$BASE_DIR"
cp -r "$HOME_DIR/standalone" "$BASE_DIR"
[[ -f $BASE_DIR/configuration/$PROFILE ]] || { echo "no profile $PROFILE in $HOME_DIR/standalone/configuration" >&2; exit 2; }
step "unzip + fresh base dir" "$(elapsed "$t")"

# --- boot -----------------------------------------------------------------------------------------
WF_PID=""
SCRIPT_PID=""
stop_wildfly() {
  [[ -n $SCRIPT_PID ]] || return 0
  local t; t=$(now)
  cli --command=":shutdown" >/dev/null 2>&1 || true
  for _ in $(seq 1 150); do
    kill -0 "$SCRIPT_PID" 2>/dev/null || break
    sleep 0.2
  done
  # Only if the graceful shutdown did not end it: the java process we started, then its launcher.
  if [[ -n $WF_PID ]] && kill -0 "$WF_PID" 2>/dev/null; then kill "$WF_PID" 2>/dev/null || true; sleep 2; fi
  if kill -0 "$SCRIPT_PID" 2>/dev/null; then kill "$SCRIPT_PID" 2>/dev/null || true; fi
  wait "$SCRIPT_PID" 2>/dev/null || true
  SCRIPT_PID=""
  step "shutdown" "$(elapsed "$t")"
}
trap stop_wildfly EXIT

t=$(now)
KARUTA_UDP_ADDR=$UDP_ADDR LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE=$BASE_DIR/wildfly.pid \
  "$HOME_DIR/bin/standalone.sh" -c "$PROFILE" -Djboss.server.base.dir="$BASE_DIR" \
  -b 127.0.0.1 -bmanagement 127.0.0.1 \
  -Djboss.http.port="$HTTP_PORT" -Djboss.https.port="$HTTPS_PORT" -Djboss.ajp.port="$AJP_PORT" \
  -Djboss.management.http.port="$MGMT_PORT" -Djboss.management.https.port="$MGMT_HTTPS_PORT" \
  >"$BASE_DIR/console.out" 2>&1 &
SCRIPT_PID=$!
booted=""
for _ in $(seq 1 $((BOOT_TIMEOUT * 2))); do
  [[ -z $WF_PID && -f $BASE_DIR/wildfly.pid ]] && WF_PID=$(cat "$BASE_DIR/wildfly.pid")
  if grep -q 'WFLYSRV0025' "$LOG" 2>/dev/null; then booted=ok; break; fi
  if grep -q 'WFLYSRV0026' "$LOG" 2>/dev/null; then booted=errors; break; fi
  kill -0 "$SCRIPT_PID" 2>/dev/null || break
  sleep 0.5
done
step "boot ($PROFILE)" "$(elapsed "$t")"
case $booted in
  ok) pass "WildFly $WILDFLY_VERSION started with $PROFILE" ;;
  errors) fail "WildFly started with boot errors (WFLYSRV0026), see $LOG" ;;
  *) fail "WildFly did not start within ${BOOT_TIMEOUT}s, see $BASE_DIR/console.out"; exit 1 ;;
esac

# --- deploy ---------------------------------------------------------------------------------------
log_lines_before=$(wc -l <"$LOG")
t=$(now)
DEPLOYED=0
if cli --command="deploy $WAR --force"; then
  pass "deploy $WAR"
  DEPLOYED=1
else
  fail "deploy $WAR (jboss-cli): the checks are skipped, see the errors below"
fi
step "deploy (jboss-cli, incl. CLI start)" "$(elapsed "$t")"
deploy_log=$(tail -n +$((log_lines_before + 1)) "$LOG")
if grep -qE 'WFLYSRV0010: Deployed "karuta.war"' <<<"$deploy_log"; then
  server_side=$(grep -E 'WFLYSRV0027: Starting deployment of "karuta.war"|WFLYSRV0010: Deployed "karuta.war"' <<<"$deploy_log" \
    | awk '{ split($2, a, /[:,]/); s = a[1] * 3600 + a[2] * 60 + a[3] + a[4] / 1000; if (NR == 1) f = s; l = s }
           END { printf "%.1f", l - f }')
  note "server-side deployment time (server.log, Starting -> Deployed): ${server_side}s"
fi

# --- checks ---------------------------------------------------------------------------------------
# A UDP tracker client (BEP 15): connect, then announce as a seeder; prints the announce reply.
UDP_CLIENT='
import os, random, socket, struct, sys
host, port = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(5)
tid = random.getrandbits(32)
s.sendto(struct.pack(">QII", 0x41727101980, 0, tid), (host, port))
data = s.recv(2048)
action, rtid, cid = struct.unpack(">IIQ", data[:16])
if action != 0 or rtid != tid:
    sys.exit("bad connect reply: %r" % data)
tid = random.getrandbits(32)
s.sendto(struct.pack(">QII20s20sQQQIIIiH", cid, 1, tid, os.urandom(20), b"-KC0001-" + os.urandom(12),
                     0, 0, 0, 2, 0, 0, -1, 6881), (host, port))
data = s.recv(2048)
action, rtid = struct.unpack(">II", data[:8])
if action != 1 or rtid != tid:
    sys.exit("bad announce reply: %r" % data)
interval, leechers, seeders = struct.unpack(">III", data[8:20])
print("interval=%d leechers=%d seeders=%d" % (interval, leechers, seeders))
'

# curl that prints the body, a newline, then the status code; never fails the script.
fetch() { curl -sS -m 10 -w '\n%{http_code}' "$1" 2>&1 | tr -d '\000' || true; }

run_checks() {
  local base_url=http://127.0.0.1:$HTTP_PORT out code
  out=$(fetch "$base_url/")
  code=${out##*$'\n'}
  if [[ $code == 200 && $out == *Karuta* ]]; then
    pass "GET / -> 200: $(head -n 1 <<<"$out")"
  else
    fail "GET / -> $code"
  fi

  # 20-byte info_hash and peer_id; uploaded and downloaded are required (as in chihaya: without
  # them the answer is a bencoded "failure reason").
  local info_hash='%01%02%03%04%05%06%07%08%09%0a%0b%0c%0d%0e%0f%10%11%12%13%14'
  local peer_id='-KC0001-checkwildfly'
  out=$(fetch "$base_url/announce?info_hash=$info_hash&peer_id=$peer_id&port=6881&uploaded=0&downloaded=0&left=0&compact=1")
  code=${out##*$'\n'}
  if [[ $code == 200 && $out == d*8:intervali* ]]; then
    pass "HTTP announce -> 200 with interval"
  else
    fail "HTTP announce -> $code: $(head -c 200 <<<"${out%$'\n'*}" | cat -v)"
  fi

  if command -v python3 >/dev/null; then
    if out=$(python3 -c "$UDP_CLIENT" "${UDP_ADDR%:*}" "${UDP_ADDR##*:}" 2>&1); then
      pass "UDP connect + announce on $UDP_ADDR: $out"
    else
      fail "UDP connect + announce on $UDP_ADDR: $(tail -n 1 <<<"$out")"
    fi
  else
    note "no python3: UDP check skipped"
  fi

  out=$(fetch "$base_url/stats/metrics")
  code=${out##*$'\n'}
  case $code in
    200)
      local n
      n=$(grep -c '^karuta_' <<<"$out" || true)
      if ((n > 0)); then
        pass "/stats/metrics -> 200 with $n karuta_ lines"
      else
        fail "/stats/metrics -> 200 but no karuta_ lines"
      fi ;;
    *) fail "/stats/metrics -> $code" ;;
  esac

  if [[ $PROFILE == *microprofile* ]]; then
    local kind
    for kind in live ready started; do
      out=$(fetch "http://127.0.0.1:$MGMT_PORT/health/$kind")
      code=${out##*$'\n'}
      if [[ $code == 200 && $out == *'"name":"karuta-'$kind'","status":"UP"'* ]]; then
        pass "/health/$kind (management port) -> 200, karuta-$kind UP"
      else
        fail "/health/$kind (management port) -> $code: ${out%$'\n'*}"
      fi
    done
  else
    note "$PROFILE has no MicroProfile Health: Karuta's health checks are not deployed (use a microprofile profile)"
  fi
}

if ((DEPLOYED)); then
  t=$(now)
  run_checks
  step "checks" "$(elapsed "$t")"
fi

# --- undeploy and the log -------------------------------------------------------------------------
if ((DEPLOYED)); then
  t=$(now)
  if cli --command="undeploy karuta.war" >/dev/null; then pass "undeploy"; else fail "undeploy"; fi
  step "undeploy (jboss-cli, incl. CLI start)" "$(elapsed "$t")"
fi

karuta_log=$(tail -n +$((log_lines_before + 1)) "$LOG")
errors=$(grep -E ' ERROR |NoClassDefFoundError|ClassNotFoundException|WELD-[0-9]+.*(Exception|Error)|WFLYCTL0013' <<<"$karuta_log" || true)
if [[ -z $errors ]]; then pass "server.log: no errors since the deployment"; else fail "server.log errors:"; echo "$errors"; fi
warnings=$(grep -E ' (WARN|WARNING) ' <<<"$karuta_log" || true)
[[ -z $warnings ]] || { note "warnings logged since the deployment:"; echo "$warnings"; }

stop_wildfly
trap - EXIT

echo
echo "Timings (WildFly $WILDFLY_VERSION, $PROFILE):"
printf '  %s\n' "${STEPS[@]}"
echo "server.log: $LOG"
if ((FAILED)); then echo "RESULT: FAILED"; exit 1; fi
echo "RESULT: OK"
