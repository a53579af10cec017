"use strict";
// Turns one run of bench/runner/run.sh (a results folder) into markdown: ours, the peers and
// the ratio side by side, then one line per target (met / missed). Only copies figures.
// Usage: node report.js RESULTS_DIR
const fs = require("node:fs");
const path = require("node:path");

const dir = process.argv[2];
const load = (name) => {
  try { return JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")); } catch { return null; }
};
const meta = load("meta.json") || {};
const br = load("bench_runner.json");
const start = load("swb-start.json");
const startGw = load("swb-start-gateway.json");
const ours = { invoke: load("swb-invoke.json"), gw: load("swb-gateway.json") };
const sls = { invoke: load("sls-py-invoke.json"), gw: load("sls-py-http.json") };
const slsCold = { invoke: load("sls-py-invoke-cold.json"), gw: load("sls-py-http-cold.json") };
const bare = load("bare.json");
const bareCold = load("bare-cold.json");
const cpu = { invoke: load("swb-cpu-invoke.json"), gw: load("swb-cpu-gateway.json") };
const hfPy = load("floor-python.json");
const hfNodeCa = load("floor-node-ca.json");
const hfNodeNoCa = load("floor-node-noca.json");

const f = (x, d = 2) => (x == null || Number.isNaN(x) ? "–" : Number(x).toFixed(d));
const mib = (kb) => (kb == null ? null : kb / 1024);
const ratio = (a, b) => (a == null || b == null || !b ? "–" : `${(a / b).toFixed(2)}`);
const g = (o, ...keys) => keys.reduce((v, k) => (v == null ? null : v[k]), o);
const rows = [];
const row = (...cells) => rows.push(`| ${cells.join(" | ")} |`);

const gwWired = !!ours.gw && !ours.gw.error;
const lines = [];
const p = (s = "") => lines.push(s);

p(`## Side by side (one run, ${meta.date || "?"}; load average before ${meta.loadBefore || "?"}, after ${meta.loadAfter || "?"})`);
p();
p("Ratio = swb ÷ serverless-offline (below 1 is better for times and memory, above 1 is better for throughput).");
p();
const hdr = ["metric", "swb Invoke API (py)", "sls-offline Invoke API (py)", "swb ÷ sls",
  "swb gateway GET /py", "sls-offline httpApi GET /py", "swb ÷ sls", "bare node:http (floor)"];
row(...hdr);
row(...hdr.map((_, i) => (i ? "---:" : "---")));
const gwCell = (x) => (gwWired ? x : "not wired yet");
const line = (label, oi, si, og, sg, b, d = 2) => {
  row(label, f(oi, d), f(si, d), ratio(oi, si), gwCell(f(og, d)), f(sg, d), gwWired ? ratio(og, sg) : "–", f(b, d));
};
line("server start → port accepts, p50 ms", g(start, "readyMs", "p50"), g(slsCold.invoke, "readyMs", "p50"),
  g(startGw, "readyMs", "p50"), g(slsCold.gw, "readyMs", "p50"), g(bareCold, "readyMs", "p50"), 1);
line("first request (cold) right after ready, p50 ms", g(start, "coldMs", "p50"), g(slsCold.invoke, "coldMs", "p50"),
  g(startGw, "coldMs", "p50"), g(slsCold.gw, "coldMs", "p50"), g(bareCold, "coldMs", "p50"), 1);
for (const q of ["p50", "p99"])
  line(`warm sequential ${q} ms (${g(ours.invoke, "latency", "warm", "n") || "?"} keep-alive requests, node client)`,
    g(ours.invoke, "latency", "warm", q), g(sls.invoke, "latency", "warm", q),
    g(ours.gw, "latency", "warm", q), g(sls.gw, "latency", "warm", q), g(bare, "latency", "warm", q), 3);
for (const c of ["c1", "c4", "c16"]) {
  line(`wrk ${c.slice(1)} connection(s): requests/s`, g(ours.invoke, "wrk", c, "rps"), g(sls.invoke, "wrk", c, "rps"),
    g(ours.gw, "wrk", c, "rps"), g(sls.gw, "wrk", c, "rps"), g(bare, "wrk", c, "rps"), 0);
}
line("wrk 1 connection: p50 ms", g(ours.invoke, "wrk", "c1", "p50ms"), g(sls.invoke, "wrk", "c1", "p50ms"),
  g(ours.gw, "wrk", "c1", "p50ms"), g(sls.gw, "wrk", "c1", "p50ms"), g(bare, "wrk", "c1", "p50ms"), 3);
line("wrk 16 connections: p99 ms", g(ours.invoke, "wrk", "c16", "p99ms"), g(sls.invoke, "wrk", "c16", "p99ms"),
  g(ours.gw, "wrk", "c16", "p99ms"), g(sls.gw, "wrk", "c16", "p99ms"), g(bare, "wrk", "c16", "p99ms"), 2);
const non2xx = (m) => (m && m.wrk ? Object.values(m.wrk).reduce((s, w) => s + (w.non2xx || 0), 0) : null);
line("wrk non-2xx responses (all runs)", non2xx(ours.invoke), non2xx(sls.invoke), non2xx(ours.gw), non2xx(sls.gw), non2xx(bare), 0);
line("server RSS 1 s after start, MiB", mib(g(ours.invoke, "rssAfterStartKb")), mib(g(sls.invoke, "rssAfterStartKb")),
  mib(g(ours.gw, "rssAfterStartKb")), mib(g(sls.gw, "rssAfterStartKb")), mib(g(bare, "rssAfterStartKb")), 1);
line("peak tree RSS (server + instances), MiB", mib(g(ours.invoke, "peakTreeRssKb")), mib(g(sls.invoke, "peakTreeRssKb")),
  mib(g(ours.gw, "peakTreeRssKb")), mib(g(sls.gw, "peakTreeRssKb")), mib(g(bare, "peakTreeRssKb")), 1);
line("processes in the tree (max)", g(ours.invoke, "maxProcsInTree"), g(sls.invoke, "maxProcsInTree"),
  g(ours.gw, "maxProcsInTree"), g(sls.gw, "maxProcsInTree"), g(bare, "maxProcsInTree"), 0);
lines.push(...rows.splice(0));
p();
if (!gwWired) p(`The HTTP gateway: not measured: not wired yet (${meta.gatewayCheck || "GET /py did not answer 200 \"ok\""}).`);
p();

if (cpu.invoke || cpu.gw) {
  p("CPU per request under wrk -c16 (5 s, 16 warm instances; `serve_cpu.sh`): " +
    [["Invoke API", cpu.invoke], ["gateway", cpu.gw]].filter(([, c]) => c)
      .map(([n, c]) => `${n}: swb serve ${c.serverCpuUsPerRequest} µs, instances ${c.instancesCpuUsPerRequest} µs at ${f(c.rps, 0)} req/s`).join("; ") + ".");
  p();
}

// floor (hyperfine, same binaries)
const hfMedian = (h, i) => (h && h.results && h.results[i] ? h.results[i].median * 1000 : null);
const hfRow = (h) => (h && h.results ? h.results.map((r) => `| \`${r.command}\` | ${f(r.median * 1000, 1)} | ${f(r.mean * 1000, 1)} ± ${f(r.stddev * 1000, 1)} | ${f(r.min * 1000, 1)} |`) : []);
p("## Floor of a cold start (hyperfine -N, same binaries the runner uses, in the handler's folder)");
p();
p("| command | median ms | mean ± sd ms | min ms |");
p("|---|---:|---:|---:|");
for (const r of [...hfRow(hfPy), ...hfRow(hfNodeCa)]) p(r);
for (const r of hfRow(hfNodeNoCa)) p(r.replace(/^\| `/, "| (NODE_EXTRA_CA_CERTS unset) `"));
p();

// targets
p("## Targets");
p();
const verdict = (ok) => (ok == null ? "not measured" : ok ? "**met**" : "**missed**");
const warmPy = br && br.warm.find((w) => w.function === "py" && w.freeze);
const warmPyNoFreeze = br && br.warm.find((w) => w.function === "py" && !w.freeze);
const gwP50 = g(ours.gw, "latency", "warm", "p50");
p(`- gateway warm p50 ≤ 0.6 ms: ${gwWired ? `${verdict(gwP50 <= 0.6)}: ${f(gwP50, 3)} ms (node keep-alive client; wrk -c1 p50 ${f(g(ours.gw, "wrk", "c1", "p50ms"), 3)} ms); serverless-offline ${f(g(sls.gw, "latency", "warm", "p50"), 3)} ms, bare node:http ${f(g(bare, "latency", "warm", "p50"), 3)} ms` : "not measured: the gateway is not wired yet"}. Through the Invoke API instead: ${f(g(ours.invoke, "latency", "warm", "p50"), 3)} ms (serverless-offline's Invoke API ${f(g(sls.invoke, "latency", "warm", "p50"), 3)} ms).`);
p(`- in-process Runner::invoke warm p50 ≤ 0.3 ms: ${warmPy ? `${verdict(warmPy.latencyMs.p50 <= 0.3)}: ${f(warmPy.latencyMs.p50, 3)} ms with freezing (p99 ${f(warmPy.latencyMs.p99, 3)}), ${f(g(warmPyNoFreeze, "latencyMs", "p50"), 3)} ms without` : "not measured"}.`);
const tpO = g(ours.gw, "wrk", "c16", "rps"), tpS = g(sls.gw, "wrk", "c16", "rps");
const tpOi = g(ours.invoke, "wrk", "c16", "rps"), tpSi = g(sls.invoke, "wrk", "c16", "rps");
p(`- gateway throughput ≥ 3× serverless-offline's (wrk, 16 connections): ${gwWired ? `${verdict(tpO >= 3 * tpS)}: ${f(tpO, 0)} vs ${f(tpS, 0)} req/s = ${ratio(tpO, tpS)}×` : "not measured: the gateway is not wired yet"}. Invoke API vs serverless-offline's Invoke API: ${f(tpOi, 0)} vs ${f(tpSi, 0)} req/s = ${ratio(tpOi, tpSi)}× (${tpOi == null || tpSi == null ? "not measured" : tpOi >= 3 * tpSi ? "3× reached" : "below 3×"}).`);
if (br) {
  // The verdict uses bench_runner's own floor: measured in the same process with the same
  // spawn (QProcess), moments before the cold starts; hyperfine's runs later and is shown too.
  for (const c of br.cold) {
    const py = c.function === "py";
    const fl = py ? br.floorPy : br.floorNodeNoCa;
    const hf = py ? hfMedian(hfPy, 0) : hfMedian(hfNodeNoCa, 0);
    const flS = py ? g(br.floor.find((x) => x.what.includes(" -S ")), "ms", "p50") : null;
    const flCa = py ? null : hfMedian(hfNodeCa, 0);
    const e2e = c.endToEndMs.p50;
    p(`- cold start ≤ floor + 15 ms (${c.function}): ${verdict(fl ? e2e <= fl + 15 : null)}: invoke() → done p50 ${f(e2e, 1)} ms ` +
      `(Init Duration p50 ${f(c.initMs.p50, 1)} ms) vs floor ${f(fl, 1)} ms → floor + ${f(e2e - fl, 1)} ms ` +
      (py ? `(floor: \`python3 -c 'import handler'\`, same binary, started by bench_runner; with -S as the runner starts it: ${f(flS, 1)} ms → + ${f(e2e - flS, 1)} ms)`
          : `(floor: node without NODE_EXTRA_CA_CERTS, as the runner starts it, started by bench_runner; hyperfine with NODE_EXTRA_CA_CERTS set: ${f(flCa, 1)} ms)`) +
      `; hyperfine's floor, run later: ${f(hf, 1)} ms → + ${f(e2e - hf, 1)} ms.`);
  }
}
const readyP50 = g(start, "readyMs", "p50"), readyMax = g(start, "readyMs", "max");
p(`- \`swb serve\` accepts within 150 ms: ${verdict(readyP50 == null ? null : readyMax <= 150)}: start → port accepts p50 ${f(readyP50, 1)} ms, max ${f(readyMax, 1)} ms over ${g(start, "readyMs", "n")} starts (first line printed at p50 ${f(g(start, "firstLineMs", "p50"), 1)} ms); serverless-offline ${f(g(slsCold.invoke, "readyMs", "p50"), 0)} ms.`);
const idle = mib(g(ours.invoke, "rssAfterStartKb"));
p(`- \`swb serve\` idle RSS < 40 MiB: ${verdict(idle == null ? null : idle < 40)}: ${f(idle, 1)} MiB 1 s after start (serverless-offline ${f(mib(g(sls.invoke, "rssAfterStartKb")), 1)} MiB).`);
const treeO = mib(g(ours.invoke, "peakTreeRssKb")), treeS = mib(g(sls.invoke, "peakTreeRssKb"));
p(`- tree RSS with 16 warm Python instances below the peers': ${verdict(treeO == null || treeS == null ? null : treeO < treeS)}: ${f(treeO, 1)} MiB over ${g(ours.invoke, "maxProcsInTree")} processes vs serverless-offline ${f(treeS, 1)} MiB over ${g(sls.invoke, "maxProcsInTree")} processes (${ratio(treeO, treeS)}×).`);
p();
console.log(lines.join("\n"));
