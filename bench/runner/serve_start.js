"use strict";
// `swb serve` start-up, repeated: spawn `swb serve --port 0`, read its first stdout line
// ("listening on http://127.0.0.1:PORT"), poll that port until it accepts, send the first
// request on a fresh connection (a cold start of the function), then two more; stop the
// server with SIGTERM by its PID (SIGKILL after 5 s), wait 700 ms; repeat.
// The same fields as the anchors' lib/cold.js, plus firstLineMs and the idle RSS.
// Usage: node serve_start.js --swb PATH --workspace DIR --path /2015-03-31/functions/py/invocations
//          [--method POST --body '{}'] [--reps 5] --out FILE.json
const fs = require("node:fs");
const net = require("node:net");
const http = require("node:http");
const { spawn } = require("node:child_process");
const { performance } = require("node:perf_hooks");

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith("--")) continue;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) out[argv[i].slice(2)] = true;
    else { out[argv[i].slice(2)] = v; i++; }
  }
  return out;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function request(port, path, { method = "GET", body = null, timeoutMs = 30000 } = {}) {
  return new Promise((resolve) => {
    const headers = {};
    if (body != null) { headers["Content-Type"] = "application/json"; headers["Content-Length"] = Buffer.byteLength(body); }
    const t0 = performance.now();
    const req = http.request({ host: "127.0.0.1", port, path, method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, ms: performance.now() - t0, body: Buffer.concat(chunks).toString() }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ status: 0, ms: performance.now() - t0, error: String(e.message || e) }));
    if (body != null) req.write(body);
    req.end();
  });
}

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    s.once("connect", () => { s.destroy(); resolve(true); });
    s.once("error", () => { s.destroy(); resolve(false); });
  });
}

function rssKb(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return m ? Number(m[1]) : null;
  } catch { return null; }
}

function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function summarize(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x) => (x == null ? null : Math.round(x * 100) / 100);
  return { n: s.length, min: r(s[0]), p50: r(pct(s, 50)), max: r(s[s.length - 1]) };
}

(async () => {
  const a = parseArgs(process.argv.slice(2));
  const reps = Number(a.reps || 5);
  const method = a.method || "POST";
  const body = a.body === undefined ? (method === "POST" ? "{}" : null) : a.body;
  const out = { name: "swb serve --port 0", cmd: `${a.swb} serve --workspace ${a.workspace} --port 0`, path: a.path, method, reps: [] };
  for (let i = 0; i < reps; i++) {
    const rep = {};
    const t0 = performance.now();
    const srv = spawn(a.swb, ["serve", "--workspace", a.workspace, "--port", "0"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const port = await new Promise((resolve, reject) => {
        let buf = "";
        const timer = setTimeout(() => reject(new Error("no first line within 30 s")), 30000);
        srv.stdout.on("data", (d) => {
          buf += d;
          const nl = buf.indexOf("\n");
          if (nl < 0) return;
          clearTimeout(timer);
          rep.firstLineMs = performance.now() - t0;
          const m = buf.slice(0, nl).match(/^listening on http:\/\/127\.0\.0\.1:(\d+)$/);
          m ? resolve(Number(m[1])) : reject(new Error(`unexpected first line: ${buf.slice(0, nl)}`));
        });
        srv.once("exit", (code) => reject(new Error(`swb serve exited (${code}) before its first line`)));
      });
      srv.stdout.resume();
      while (!(await portOpen(port))) {
        if (performance.now() - t0 > 30000) throw new Error("port never accepted");
        await sleep(2);
      }
      rep.readyMs = performance.now() - t0;
      rep.rssAtReadyKb = rssKb(srv.pid);
      const r = await request(port, a.path, { method, body });
      rep.coldMs = r.ms;
      rep.coldStatus = r.status;
      rep.coldBody = (r.body || r.error || "").slice(0, 80);
      rep.spawnToFirstOkMs = performance.now() - t0;
      rep.secondMs = (await request(port, a.path, { method, body })).ms;
      rep.thirdMs = (await request(port, a.path, { method, body })).ms;
    } catch (e) {
      rep.error = String(e.message || e);
    }
    srv.kill("SIGTERM");
    const dead = await Promise.race([new Promise((r) => srv.once("exit", () => r(true))), sleep(5000).then(() => false)]);
    if (!dead) srv.kill("SIGKILL");
    for (const k of Object.keys(rep)) if (typeof rep[k] === "number" && k.endsWith("Ms")) rep[k] = Math.round(rep[k] * 100) / 100;
    out.reps.push(rep);
    await sleep(700);
  }
  for (const k of ["firstLineMs", "readyMs", "coldMs", "spawnToFirstOkMs", "secondMs", "thirdMs"]) {
    out[k] = summarize(out.reps.map((r) => r[k]).filter((x) => typeof x === "number"));
  }
  out.errors = out.reps.filter((r) => r.error || r.coldStatus !== 200).length;
  fs.writeFileSync(a.out, JSON.stringify(out, null, 2));
  console.log(JSON.stringify(out));
})();
