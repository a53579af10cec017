#!/usr/bin/env bash
# The runner's benchmark, ours and the peers side by side in one run:
#   1. builds (Release preset) bench_runner and swb;
#   2. bench_runner: the Runner in-process (floor, cold start, warm invoke with and without
#      freezing, throughput with 1/4/16 in flight);
#   3. the floor with hyperfine: `python3 -c 'import handler'` with the binary the runner
#      resolves, `node -e 'require("./handler")'` with and without NODE_EXTRA_CA_CERTS;
#   4. `swb serve --port 0`: start -> first line -> port accepts, first (cold) request, x5;
#   5. swb serve under the anchors' harness (lib/measure.js: 1 s settle, idle RSS, 2000
#      sequential keep-alive requests, wrk -t1 -c1/4/16 -d10s --latency, peak tree RSS) for
#      the Invoke API and, when it answers, the HTTP gateway (GET /py), interleaved with
#      serverless-offline 13.10.1 (sls-py-invoke, sls-py-http) and bare node:http through
#      the anchors' run_servers.sh (same harness, same client, same machine, same run);
#   6. CPU per request of swb serve and of its instances (serve_cpu.sh);
#   7. a markdown table: ours, theirs, ratio, and a line per target.
# Everything listens on 127.0.0.1; every load is bounded (wrk -d, timeout); only processes
# started here are stopped, by PID.
#
# Knobs (environment): BUILD_DIR (build/release), SKIP_BUILD=1 (use the binaries in
# BUILD_DIR), OUT (results folder), DUR (10 s per wrk run), CONNS (1,4,16), N (2000),
# COLD_REPS (5), PEER_FIRST=1 (each peer before ours instead of after), BENCH_ARGS (bench_runner's arguments), PEERS ("sls-py-invoke sls-py-http
# bare"), ANCHOR_SRC (../shared/anchors/runner), ANCHORS (/tmp/anchors), PY_FIRST (/usr/bin:
# put first on PATH for swb and serverless-offline alike, as the anchors do, so that both run
# Debian's python3; empty keeps PATH).
# Usage: bench/runner/run.sh     (from anywhere; takes ~8 minutes)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build/release}"
ANCHOR_SRC="${ANCHOR_SRC:-$ROOT/../shared/anchors/runner}"
ANCHOR_SRC="$(cd "$ANCHOR_SRC" && pwd)"
export ANCHORS="${ANCHORS:-/tmp/anchors}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="${OUT:-/tmp/swb-bench-runner/$STAMP}"
DUR="${DUR:-10}"
CONNS="${CONNS:-1,4,16}"
N="${N:-2000}"
COLD_REPS="${COLD_REPS:-5}"
BENCH_ARGS="${BENCH_ARGS:---warm 5000 --cold 20 --floor 20 --seconds 3}"
PEERS="${PEERS:-sls-py-invoke sls-py-http bare}"
PY_FIRST="${PY_FIRST-/usr/bin}"
[ -n "$PY_FIRST" ] && export PATH="$PY_FIRST:$PATH"
WS="$HERE/workspace"
mkdir -p "$OUT"

STARTED=()   # PIDs started by this script (swb serve for the gateway check)
cleanup() {
  for pid in "${STARTED[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
busy() { # the five busiest processes right now (other people's compilers, ...)
  ps -eo pcpu=,comm= --sort=-pcpu | head -5 | awk '{printf "%s %s%%; ", $2, $1}'
}
say() { printf '%s\n' "$*" | tee -a "$OUT/log.txt"; }

say "# bench/runner/run.sh, $STAMP"
say "machine: $(nproc) cores, $(uname -sr), load average $(loadavg); busiest: $(busy)"
say "results: $OUT"
say "source: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') in $ROOT ($(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | wc -l) tracked files modified in that working tree); binaries: $BUILD_DIR"
LOAD_BEFORE="$(loadavg)"

# ---- 1. build ------------------------------------------------------------------------------
if [ -z "${SKIP_BUILD:-}" ]; then
  say "== build: cmake --preset release && cmake --build --preset release --target bench_runner swb"
  (cd "$ROOT" && cmake --preset release >/dev/null && cmake --build --preset release --target bench_runner swb)
fi
SWB="$BUILD_DIR/app/swb"
BENCH="$(find "$BUILD_DIR/bench" -name bench_runner -type f -perm -u+x | head -1)"
[ -x "$SWB" ] && [ -n "$BENCH" ] || { echo "run.sh: no $SWB or bench_runner under $BUILD_DIR/bench; build first" >&2; exit 1; }

# ---- tools and peers -----------------------------------------------------------------------
if ! command -v wrk >/dev/null || ! command -v hyperfine >/dev/null; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk hyperfine
fi
[ -d "$ANCHORS/node_modules/serverless-offline" ] || "$ANCHOR_SRC/setup.sh"

# The python3 the runner runs: the one on PATH, or the binary a shim (pyenv) runs, as
# resolveInterpreter does.
PY="$(command -v python3)"
if [ "$(head -c2 "$PY")" = "#!" ]; then PY="$("$PY" -c 'import sys; print(sys.executable)')"; fi
PY="$(readlink -f "$PY")"
NODE="$(readlink -f "$(command -v node)")"
say "python3 (as the runner resolves it): $PY ($("$PY" --version 2>&1)); node: $NODE ($(node --version)); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
say "serverless-offline: $(node -p "require('$ANCHORS/node_modules/serverless-offline/package.json').version"), serverless: $(node -p "require('$ANCHORS/node_modules/serverless/package.json').version")"

# ---- 2. in-process -------------------------------------------------------------------------
say "== bench_runner $BENCH_ARGS (load $(loadavg))"
# shellcheck disable=SC2086
timeout 600 "$BENCH" $BENCH_ARGS --json "$OUT/bench_runner.json" | tee "$OUT/bench_runner.md" || say "bench_runner reported failures (exit $?)"

# ---- 3. floor ------------------------------------------------------------------------------
say "== floor: hyperfine (load $(loadavg))"
(cd "$WS/py" && hyperfine -N --warmup 5 --runs 40 --export-json "$OUT/floor-python.json" \
   "$PY -c 'import handler'" "$PY -S -c 'import handler'" >"$OUT/floor-python.txt" 2>&1)
(cd "$WS/node" && hyperfine -N --warmup 3 --runs 30 --export-json "$OUT/floor-node-ca.json" \
   "$NODE -e 'require(\"./handler\")'" >"$OUT/floor-node-ca.txt" 2>&1)
(cd "$WS/node" && env -u NODE_EXTRA_CA_CERTS hyperfine -N --warmup 3 --runs 30 --export-json "$OUT/floor-node-noca.json" \
   "$NODE -e 'require(\"./handler\")'" >"$OUT/floor-node-noca.txt" 2>&1)
say "NODE_EXTRA_CA_CERTS in this shell: ${NODE_EXTRA_CA_CERTS:-unset}"

# ---- 4. is the gateway wired? which python does an instance run? ---------------------------
INVOKE_PATH=/2015-03-31/functions/py/invocations
"$SWB" serve --workspace "$WS" --port 0 >"$OUT/check.out" 2>"$OUT/check.err" &
CHECK_PID=$!; STARTED+=("$CHECK_PID")
for _ in $(seq 300); do grep -q '^listening on' "$OUT/check.out" 2>/dev/null && break; sleep 0.01; done
PORT="$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$OUT/check.out" | head -1)"
[ -n "$PORT" ] || { echo "run.sh: swb serve printed no 'listening on' line" >&2; cat "$OUT/check.err" >&2; exit 1; }
INV_STATUS="$(curl -s -m 10 -o "$OUT/check-invoke.body" -w '%{http_code}' -X POST -d '{}' "http://127.0.0.1:$PORT$INVOKE_PATH" || true)"
GW_STATUS="$(curl -s -m 10 -o "$OUT/check-gw.body" -w '%{http_code}' "http://127.0.0.1:$PORT/py" || true)"
GW_BODY="$(head -c 80 "$OUT/check-gw.body" 2>/dev/null || true)"
INSTANCE_EXE="$(for c in $(pgrep -P "$CHECK_PID" || true); do readlink "/proc/$c/exe" 2>/dev/null || true; done | sort -u | tr '\n' ' ')"
kill -TERM "$CHECK_PID" 2>/dev/null || true; wait "$CHECK_PID" 2>/dev/null || true
GW_WIRED=""
[ "$GW_STATUS" = 200 ] && [ "$GW_BODY" = ok ] && GW_WIRED=1
GW_CHECK="POST $INVOKE_PATH -> $INV_STATUS; GET /py -> $GW_STATUS $GW_BODY"
say "check: $GW_CHECK; instance executables: $INSTANCE_EXE"
[ -n "$GW_WIRED" ] || say "the HTTP gateway: not measured: not wired yet (GET /py answered $GW_STATUS '$GW_BODY', not 200 'ok')"

# ---- 5. start-up ---------------------------------------------------------------------------
say "== swb serve start-up x$COLD_REPS (load $(loadavg))"
timeout 300 node "$HERE/serve_start.js" --swb "$SWB" --workspace "$WS" --path "$INVOKE_PATH" --method POST --body '{}' \
  --reps "$COLD_REPS" --out "$OUT/swb-start.json" >/dev/null
if [ -n "$GW_WIRED" ]; then
  timeout 300 node "$HERE/serve_start.js" --swb "$SWB" --workspace "$WS" --path /py --method GET \
    --reps "$COLD_REPS" --out "$OUT/swb-start-gateway.json" >/dev/null
fi

# ---- 6. load: ours and the peers interleaved -----------------------------------------------
freeport() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
ours() { # name url method
  local name=$1 url_path=$2 method=$3 port extra=()
  port="$(freeport)"
  [ "$method" = POST ] && extra=(--method POST --body '{}')
  say "== $name: measure.js on :$port (load $(loadavg))"
  timeout 600 node "$ANCHOR_SRC/lib/measure.js" --name "$name" --cwd "$WS" --ports "$port" \
    --url "http://127.0.0.1:$port$url_path" "${extra[@]}" --n "$N" --dur "$DUR" --conns "$CONNS" \
    --out "$OUT/$name.json" -- "$SWB" serve --workspace "$WS" --port "$port" >/dev/null
  sleep 2
}
SUFFIX="-swbbench-$STAMP"
peer() { # anchors' peer name
  local name=$1
  [[ " $PEERS " == *" $name "* ]] || return 0
  say "== $name: anchors' run_servers.sh (cold x$COLD_REPS, measure.js) (load $(loadavg))"
  ROUNDS=1 N="$N" DUR="$DUR" CONNS="$CONNS" COLD_REPS="$COLD_REPS" SUFFIX="$SUFFIX" PY_FIRST="$PY_FIRST" \
    timeout 900 "$ANCHOR_SRC/run_servers.sh" "$name" >>"$OUT/log.txt" 2>&1
  cp "$ANCHORS/results/$name$SUFFIX-r1.json" "$OUT/$name.json"
  [ "$COLD_REPS" = 0 ] || cp "$ANCHORS/results/$name$SUFFIX-cold-r1.json" "$OUT/$name-cold.json"
  sleep 2
}
if [ -z "${PEER_FIRST:-}" ]; then
  ours swb-invoke "$INVOKE_PATH" POST
  peer sls-py-invoke
  if [ -n "$GW_WIRED" ]; then ours swb-gateway /py GET; fi
  peer sls-py-http
else # the other order, to see drift
  peer sls-py-invoke
  ours swb-invoke "$INVOKE_PATH" POST
  peer sls-py-http
  if [ -n "$GW_WIRED" ]; then ours swb-gateway /py GET; fi
fi
peer bare

# ---- 7. where swb serve's time goes: CPU per request (server, instances) -------------------
say "== swb serve CPU per request, wrk -c16 5 s (load $(loadavg))"
timeout 120 "$HERE/serve_cpu.sh" "$SWB" "$WS" "$INVOKE_PATH" -s "$ANCHOR_SRC/lib/post.lua" >"$OUT/swb-cpu-invoke.json"
if [ -n "$GW_WIRED" ]; then timeout 120 "$HERE/serve_cpu.sh" "$SWB" "$WS" /py >"$OUT/swb-cpu-gateway.json"; fi

# ---- 8. report -----------------------------------------------------------------------------
LOAD_AFTER="$(loadavg)"
node -e 'const [f,...kv]=process.argv.slice(1); const o={}; for (let i=0;i<kv.length;i+=2) o[kv[i]]=kv[i+1]; require("fs").writeFileSync(f, JSON.stringify(o,null,2))' \
  "$OUT/meta.json" date "$STAMP" loadBefore "$LOAD_BEFORE" loadAfter "$LOAD_AFTER" python "$PY" node "$NODE" \
  gatewayCheck "$GW_CHECK" instanceExe "$INSTANCE_EXE" busyAtEnd "$(busy)"
node "$HERE/report.js" "$OUT" | tee "$OUT/report.md"
say ""
say "machine at the end: load average $LOAD_AFTER; busiest: $(busy)"
say "reproduce: bench/runner/run.sh   (this run: PEER_FIRST=${PEER_FIRST:-} BUILD_DIR=$BUILD_DIR DUR=$DUR CONNS=$CONNS N=$N COLD_REPS=$COLD_REPS BENCH_ARGS='$BENCH_ARGS' PEERS='$PEERS'; results in $OUT)"
