#!/usr/bin/env bash
# CPU time per request of `swb serve` (all its threads) and of its instances under wrk:
# start swb serve --port 0, 3 s of wrk -c16 to start and warm 16 instances, then CPU
# (utime+stime from /proc/PID/stat) before and after a 5 s wrk -c16 run. Prints one JSON line.
# Only the server started here is stopped, by its PID (its instances die with it).
# Usage: serve_cpu.sh SWB WORKSPACE URL_PATH [wrk args, e.g. -s post.lua]
set -euo pipefail
SWB=$1 WS=$2 URL_PATH=$3; shift 3
LOG="$(mktemp -d)"
"$SWB" serve --workspace "$WS" --port 0 >"$LOG/out" 2>"$LOG/err" &
SP=$!
trap 'kill -TERM $SP 2>/dev/null || true; wait $SP 2>/dev/null || true; rm -rf "$LOG"' EXIT
for _ in $(seq 300); do grep -q '^listening on' "$LOG/out" 2>/dev/null && break; sleep 0.01; done
PORT="$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$LOG/out" | head -1)"
TICK=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
kids() { local s=0 c; for c in $(pgrep -P "$SP" || true); do s=$((s + $(cpu "$c"))); done; echo "$s"; }
timeout 30 wrk -t1 -c16 -d3s "$@" "http://127.0.0.1:$PORT$URL_PATH" >/dev/null
a=$(cpu "$SP"); k=$(kids)
out="$(timeout 30 wrk -t1 -c16 -d5s "$@" "http://127.0.0.1:$PORT$URL_PATH")"
b=$(cpu "$SP"); k2=$(kids)
n=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
echo "{\"path\": \"$URL_PATH\", \"requests\": $n, \"rps\": $rps, \"serverCpuMs\": $(( (b - a) * 1000 / TICK )), \"serverCpuUsPerRequest\": $(( (b - a) * 1000000 / TICK / n )), \"instancesCpuMs\": $(( (k2 - k) * 1000 / TICK )), \"instancesCpuUsPerRequest\": $(( (k2 - k) * 1000000 / TICK / n ))}"
