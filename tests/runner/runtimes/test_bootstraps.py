# labels: unit runner
"""Tests for the bundled runtime bootstraps (resources/runtimes/{python,node}).

Each test starts a bootstrap as the runner does (see resources/runtimes/README.md) against a
fake AWS Lambda Runtime API (2018-06-01) served on 127.0.0.1 with an ephemeral port, and
checks what the bootstrap sends: responses, error shapes, init errors, logs and their order,
connection reuse. Standard library only; every wait is bounded.
"""

import fcntl
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SOURCE_DIR = os.environ.get("SWB_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "..", ".."))
RUNTIMES = os.path.join(SOURCE_DIR, "resources", "runtimes")
PY_BOOTSTRAP = os.path.join(RUNTIMES, "python", "bootstrap.py")
NODE_BOOTSTRAP = os.path.join(RUNTIMES, "node", "bootstrap.mjs")
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
NODE = shutil.which("node")
PYTHON = sys.executable

WAIT = 15.0  # upper bound for any single wait; tests normally take milliseconds


class FakeRuntimeAPI(object):
    """A Runtime API on 127.0.0.1:0 that hands out queued events and records every request."""

    def __init__(self):
        self.events = queue.Queue()
        self.posts = queue.Queue()
        self.records = []
        self.lock = threading.Lock()
        self.connections = 0
        self.instance = None  # set by Instance; drained on every request for log ordering
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self):
                BaseHTTPRequestHandler.setup(self)
                with api.lock:
                    api.connections += 1
                    self.conn_id = api.connections

            def log_message(self, *args):
                pass

            def _reply(self, status, body=b"", headers=None):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _record(self, body):
                output = api.instance.drain() if api.instance else b""
                rec = {
                    "conn": self.conn_id,
                    "method": self.command,
                    "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": body,
                    "output_before": output,
                    "time": time.time(),
                }
                with api.lock:
                    api.records.append(rec)
                return rec

            def do_GET(self):
                self._record(b"")
                if self.path != "/2018-06-01/runtime/invocation/next":
                    self._reply(404, b'{"errorMessage":"not found"}')
                    return
                try:
                    item = api.events.get(timeout=WAIT * 2)
                except queue.Empty:
                    self._reply(500, b'{"errorMessage":"no event"}')
                    return
                if item.get("status"):
                    self._reply(item["status"], b'{"errorMessage":"gone"}')
                    if item.get("close"):
                        self.close_connection = True
                    return
                if item.get("drop"):
                    self.close_connection = True
                    return
                self._reply(200, item["body"], item["headers"])

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                rec = self._record(body)
                api.posts.put(rec)  # before the reply, so it is queued before any exit
                self._reply(202, b'{"status":"OK"}')

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                # a bootstrap killed at the end of a test resets its connection: not news
                if not isinstance(sys.exc_info()[1], OSError):
                    ThreadingHTTPServer.handle_error(self, request, client_address)

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,),
                                       daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def push(self, event, request_id, deadline_ms=None, extra=None):
        headers = {
            "Lambda-Runtime-Aws-Request-Id": request_id,
            "Lambda-Runtime-Deadline-Ms": str(
                deadline_ms if deadline_ms is not None else int(time.time() * 1000) + 30000),
            "Lambda-Runtime-Invoked-Function-Arn":
                "arn:aws:lambda:us-east-1:000000000000:function:fn",
            "Lambda-Runtime-Trace-Id": "Root=1-00000000-000000000000000000000000;Sampled=0",
        }
        headers.update(extra or {})
        body = event if isinstance(event, bytes) else json.dumps(event).encode()
        self.events.put({"headers": headers, "body": body})


class Instance(object):
    """One bootstrap process, started the way the runner starts it."""

    def __init__(self, test, runtime, task_root, handler, env=None):
        self.test = test
        self.api = FakeRuntimeAPI()
        self.api.instance = self
        self.output = b""
        self.out_lock = threading.Lock()
        self.tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                "swb-bootstrap-test-%d-%d" % (os.getpid(), id(self)))
        os.makedirs(self.tmp, exist_ok=True)
        full_env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "TZ": ":UTC",
            "TMPDIR": self.tmp,
            "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:%d" % self.api.port,
            "_HANDLER": handler,
            "LAMBDA_TASK_ROOT": task_root,
            "LAMBDA_RUNTIME_DIR": os.path.dirname(
                PY_BOOTSTRAP if runtime == "python" else NODE_BOOTSTRAP),
            "AWS_LAMBDA_FUNCTION_NAME": "fn",
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/fn",
            "AWS_LAMBDA_LOG_STREAM_NAME": "2024/01/01/[$LATEST]0123456789abcdef",
            "AWS_REGION": "us-east-1",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_EXECUTION_ENV": "AWS_Lambda_python3.12" if runtime == "python"
            else "AWS_Lambda_nodejs20.x",
        }
        full_env.update(env or {})
        if runtime == "python":
            cmd = [PYTHON, "-S", "-B", "-u", PY_BOOTSTRAP]
        else:
            cmd = [NODE, NODE_BOOTSTRAP]
        self.proc = subprocess.Popen(cmd, cwd=task_root, env=full_env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        fd = self.proc.stdout.fileno()
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)
        test.addCleanup(self.stop)
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self):
        self.proc.wait()
        self.api.posts.put(None)  # wakes wait_post: the process has exited

    def drain(self):
        """Everything the process has written to its pipe so far (non-blocking)."""
        with self.out_lock:
            fd = self.proc.stdout.fileno()
            while True:
                try:
                    chunk = os.read(fd, 65536)
                except BlockingIOError:
                    break
                except (OSError, ValueError):
                    break
                if not chunk:
                    break
                self.output += chunk
            return self.output

    def text(self):
        return self.drain().decode("utf-8", "replace")

    def invoke(self, event, request_id="req-1", **kw):
        self.api.push(event, request_id, **kw)
        return self.wait_post()

    def wait_post(self):
        try:
            rec = self.api.posts.get(timeout=WAIT)
            if rec is not None:
                return rec
            self.proc.wait()
            self.drain()
            self.test.fail("the bootstrap exited with %r without a POST; output:\n%s"
                           % (self.proc.returncode, self.text()))
        except queue.Empty:
            self.test.fail("no POST from the bootstrap within %ss; exit code %r; output:\n%s"
                           % (WAIT, self.proc.poll(), self.text()))

    def wait_exit(self):
        try:
            code = self.proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            self.test.fail("the bootstrap did not exit; output:\n%s" % self.text())
        self.drain()
        return code

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        try:
            self.proc.stdout.close()
        except OSError:
            pass
        self.api.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def line_of(path, text):
    """The 1-based number of the first line of `path` that contains `text`."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if text in line:
                return n
    raise AssertionError("%r not in %s" % (text, path))


def body(rec):
    return json.loads(rec["body"].decode("utf-8"))


class BootstrapTests(object):
    """Tests shared by both runtimes; subclasses set RUNTIME, ROOT and handler names."""

    RUNTIME = None
    ROOT = None

    def start(self, handler, root=None, env=None):
        return Instance(self, self.RUNTIME, root or self.ROOT, handler, env)

    def test_success_returns_json(self):
        inst = self.start(self.H_ECHO)
        rec = inst.invoke({"a": 1, "b": [1, 2]}, "req-ok")
        self.assertEqual(rec["path"], "/2018-06-01/runtime/invocation/req-ok/response")
        self.assertEqual(body(rec), {"echo": {"a": 1, "b": [1, 2]}, "ok": True})

    def test_two_invocations_share_one_connection(self):
        inst = self.start(self.H_ECHO)
        inst.invoke({"n": 1}, "req-a")
        inst.invoke({"n": 2}, "req-b")
        self.assertEqual(inst.api.connections, 1, [r["path"] for r in inst.api.records])
        gets = [r for r in inst.api.records if r["method"] == "GET"]
        self.assertGreaterEqual(len(gets), 2)
        self.assertTrue(all(r["path"] == "/2018-06-01/runtime/invocation/next" for r in gets))

    def test_none_result_is_null(self):
        inst = self.start(self.H_NONE)
        rec = inst.invoke({}, "req-null")
        self.assertTrue(rec["path"].endswith("/response"))
        self.assertEqual(rec["body"], b"null")

    def test_handler_exception_shape(self):
        inst = self.start(self.H_FAIL)
        rec = inst.invoke({}, "req-err")
        self.assertEqual(rec["path"], "/2018-06-01/runtime/invocation/req-err/error")
        self.assertEqual(rec["headers"].get("lambda-runtime-function-error-type"), "Unhandled")
        self.check_exception_body(body(rec))
        # the instance keeps serving after a handler error
        rec = inst.invoke({}, "req-err-2")
        self.assertTrue(rec["path"].endswith("/req-err-2/error"))

    def test_init_error_missing_module(self):
        inst = self.start(self.H_MISSING_MODULE)
        rec = inst.wait_post()
        self.assertEqual(rec["path"], "/2018-06-01/runtime/init/error")
        self.assertEqual(rec["headers"].get("lambda-runtime-function-error-type"),
                         "Runtime.ImportModuleError")
        b = body(rec)
        self.assertEqual(b["errorType"], "Runtime.ImportModuleError")
        self.assertEqual(b["errorMessage"], self.MISSING_MODULE_MESSAGE)
        self.assertEqual(inst.wait_exit(), self.INIT_EXIT_CODE)
        self.assertNotIn("/invocation/next", [r["path"] for r in inst.api.records])

    def test_init_error_missing_function(self):
        inst = self.start(self.H_MISSING_FUNCTION)
        rec = inst.wait_post()
        self.assertEqual(rec["path"], "/2018-06-01/runtime/init/error")
        self.assertEqual(rec["headers"].get("lambda-runtime-function-error-type"),
                         "Runtime.HandlerNotFound")
        b = body(rec)
        self.assertEqual(b["errorType"], "Runtime.HandlerNotFound")
        self.assertEqual(b["errorMessage"], self.MISSING_FUNCTION_MESSAGE)
        self.assertEqual(inst.wait_exit(), self.INIT_EXIT_CODE)

    def test_init_error_syntax(self):
        inst = self.start(self.H_SYNTAX, root=self.BAD_ROOT)
        rec = inst.wait_post()
        self.assertEqual(rec["path"], "/2018-06-01/runtime/init/error")
        self.assertEqual(rec["headers"].get("lambda-runtime-function-error-type"),
                         "Runtime.UserCodeSyntaxError")
        b = body(rec)
        self.assertEqual(b["errorType"], "Runtime.UserCodeSyntaxError")
        self.assertTrue(b["errorMessage"].startswith(self.SYNTAX_MESSAGE_PREFIX), b)
        self.assertEqual(inst.wait_exit(), self.INIT_EXIT_CODE)

    def test_bad_status_on_next_exits(self):
        inst = self.start(self.H_ECHO)
        inst.api.events.put({"status": 410})
        code = inst.wait_exit()
        self.assertEqual(code, 1)
        self.assertIn("410", inst.text())

    def test_dropped_connection_exits(self):
        inst = self.start(self.H_ECHO)
        inst.api.events.put({"drop": True})
        self.assertEqual(inst.wait_exit(), 1)

    def test_missing_request_id_exits(self):
        inst = self.start(self.H_ECHO)
        inst.api.events.put({"headers": {"Lambda-Runtime-Deadline-Ms": "0"}, "body": b"{}"})
        self.assertEqual(inst.wait_exit(), 1)
        self.assertIn("Lambda-Runtime-Aws-Request-Id", inst.text())

    def test_trace_id_and_env_visible(self):
        inst = self.start(self.H_ENV, env={"MY_VAR": "my value"})
        keys = ["MY_VAR", "_X_AMZN_TRACE_ID", "AWS_REGION", "AWS_LAMBDA_FUNCTION_NAME", "TZ",
                "_HANDLER", "LAMBDA_TASK_ROOT"]
        rec = inst.invoke({"keys": keys}, "req-env",
                          extra={"Lambda-Runtime-Trace-Id": "Root=1-abc;Sampled=1"})
        env = body(rec)["env"]
        self.assertEqual(env["MY_VAR"], "my value")
        self.assertEqual(env["_X_AMZN_TRACE_ID"], "Root=1-abc;Sampled=1")
        self.assertEqual(env["AWS_REGION"], "us-east-1")
        self.assertEqual(env["TZ"], ":UTC")
        self.assertEqual(env["LAMBDA_TASK_ROOT"], self.ROOT)
        self.assertEqual(body(rec)["cwd"], self.ROOT)
        # a second invocation gets its own trace id
        rec = inst.invoke({"keys": keys}, "req-env-2",
                          extra={"Lambda-Runtime-Trace-Id": "Root=1-def;Sampled=0"})
        self.assertEqual(body(rec)["env"]["_X_AMZN_TRACE_ID"], "Root=1-def;Sampled=0")

    def test_log_lines_arrive_before_response(self):
        inst = self.start(self.H_LOG)
        rec = inst.invoke({}, "req-log")
        self.assertTrue(rec["path"].endswith("/response"), rec)
        before = rec["output_before"].decode("utf-8", "replace")
        for expected in self.LOG_LINES_EXPECTED:
            self.assertIn(expected, before)
        self.check_log_format(before, "req-log")


class PythonBootstrapTests(BootstrapTests, unittest.TestCase):
    RUNTIME = "python"
    ROOT = os.path.join(FIXTURES, "python")
    BAD_ROOT = os.path.join(FIXTURES, "python_bad")
    APP = os.path.join(FIXTURES, "python", "app.py")
    H_ECHO = "app.handler"
    H_NONE = "app.log_level"
    H_FAIL = "app.fail"
    H_ENV = "app.env"
    H_LOG = "app.log"
    H_MISSING_MODULE = "nope.handler"
    H_MISSING_FUNCTION = "app.missing"
    H_SYNTAX = "syntax.handler"
    INIT_EXIT_CODE = 1
    MISSING_MODULE_MESSAGE = "Unable to import module 'nope': No module named 'nope'"
    MISSING_FUNCTION_MESSAGE = "Handler 'missing' missing on module 'app'"
    SYNTAX_MESSAGE_PREFIX = "Syntax error in module 'syntax': "
    LOG_LINES_EXPECTED = ["printed line one\n", "stderr line\n", "\twarned here\n"]

    def test_runtime_bytecode_cached_beside_it_never_in_the_task_root(self):
        global PY_BOOTSTRAP
        # bootstrap.py imports the runtime so that its bytecode is cached (a script is compiled
        # at every start); -B still keeps __pycache__ out of the function's folder.
        root = os.path.join(os.environ.get("TMPDIR", "/tmp"), "swb-pyc-test-%d" % os.getpid())
        runtime = os.path.join(root, "runtime")
        task = os.path.join(root, "task")
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(runtime)
        self.addCleanup(shutil.rmtree, root, True)
        for name in ("bootstrap.py", "swb_lambda_runtime.py"):
            shutil.copy(os.path.join(os.path.dirname(PY_BOOTSTRAP), name), runtime)
        shutil.copytree(self.ROOT, task, ignore=shutil.ignore_patterns("__pycache__"))
        saved, PY_BOOTSTRAP = PY_BOOTSTRAP, os.path.join(runtime, "bootstrap.py")
        try:
            inst = self.start(self.H_ECHO, root=task)
        finally:
            PY_BOOTSTRAP = saved
        rec = inst.invoke({"a": 1}, "req-pyc")
        self.assertTrue(rec["path"].endswith("/response"), inst.text())
        cached = os.listdir(os.path.join(runtime, "__pycache__"))
        self.assertTrue(any(n.startswith("swb_lambda_runtime.") for n in cached), cached)
        self.assertFalse(os.path.exists(os.path.join(task, "__pycache__")))

    def check_exception_body(self, b):
        self.assertEqual(list(b.keys()), ["errorMessage", "errorType", "requestId", "stackTrace"])
        self.assertEqual(b["errorMessage"], "boom")
        self.assertEqual(b["errorType"], "ValueError")
        self.assertEqual(b["requestId"], "req-err")
        self.assertEqual(len(b["stackTrace"]), 1, b["stackTrace"])
        self.assertEqual(
            b["stackTrace"][0],
            '  File "%s", line %d, in fail\n    raise ValueError("boom")\n'
            % (self.APP, line_of(self.APP, 'raise ValueError("boom")')))

    def check_log_format(self, text, request_id):
        import re
        self.assertRegex(
            text, r"\[WARNING\]\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t%s\twarned here\n"
            % re.escape(request_id))
        self.assertNotIn("info is below the default level", text)

    def test_context_fields(self):
        inst = self.start("app.ctx")
        deadline = int(time.time() * 1000) + 5000
        rec = inst.invoke({}, "req-ctx", deadline_ms=deadline, extra={
            "Lambda-Runtime-Cognito-Identity":
                json.dumps({"cognitoIdentityId": "id-1", "cognitoIdentityPoolId": "pool-1"}),
            "Lambda-Runtime-Client-Context":
                json.dumps({"custom": {"k": "v"}, "env": {}, "client": {"app_title": "T"}}),
        })
        b = body(rec)
        self.assertEqual(b["function_name"], "fn")
        self.assertEqual(b["function_version"], "$LATEST")
        self.assertEqual(b["invoked_function_arn"],
                         "arn:aws:lambda:us-east-1:000000000000:function:fn")
        self.assertEqual(b["memory_limit_in_mb"], "256")  # a string, as awslambdaric gives
        self.assertEqual(b["aws_request_id"], "req-ctx")
        self.assertEqual(b["log_group_name"], "/aws/lambda/fn")
        self.assertEqual(b["log_stream_name"], "2024/01/01/[$LATEST]0123456789abcdef")
        self.assertTrue(0 < b["remaining"] <= 5000, b["remaining"])
        self.assertEqual(b["identity_id"], "id-1")
        self.assertEqual(b["identity_pool"], "pool-1")
        self.assertEqual(b["client_custom"], {"k": "v"})
        self.assertEqual(b["client_app_title"], "T")

    def test_marshal_error(self):
        inst = self.start("app.marshal")
        rec = inst.invoke({}, "req-m")
        self.assertTrue(rec["path"].endswith("/req-m/error"))
        b = body(rec)
        self.assertEqual(b["errorType"], "Runtime.MarshalError")
        self.assertEqual(b["errorMessage"],
                         "Unable to marshal response: Object of type object is not JSON "
                         "serializable")
        self.assertEqual(b["stackTrace"], [])

    def test_error_is_logged_like_lambda(self):
        inst = self.start(self.H_FAIL)
        rec = inst.invoke({}, "req-err")
        text = rec["output_before"].decode("utf-8")
        self.assertIn("[ERROR] ValueError: boom\rTraceback (most recent call last):\r"
                      "\u00a0\u00a0File \"%s\", line %d, in fail\r"
                      "\u00a0\u00a0\u00a0\u00a0raise ValueError(\"boom\")\n"
                      % (self.APP, line_of(self.APP, 'raise ValueError("boom")')), text)

    def test_handler_path_forms(self):
        for handler in ("pkg/mod.handler", "pkg.mod.handler"):
            inst = self.start(handler)
            rec = inst.invoke({}, "req-pkg")
            self.assertEqual(body(rec), {"module": "pkg.mod"}, handler)

    def test_sys_path_and_logging_configured_at_import(self):
        inst = self.start(self.H_ENV)
        b = body(inst.invoke({"keys": []}, "req-p"))
        self.assertEqual(b["sys_path0"], self.ROOT)
        self.assertEqual(b["init_root_handlers"], 1)

    def test_log_level_from_env(self):
        inst = self.start("app.log_level", env={"AWS_LAMBDA_LOG_LEVEL": "INFO"})
        rec = inst.invoke({}, "req-lvl")
        text = rec["output_before"].decode("utf-8")
        self.assertRegex(text, r"\[INFO\]\t\S+Z\treq-lvl\tinfo at INFO level\n")
        self.assertNotIn("debug hidden", text)

    def test_unicode_not_escaped_on_python312(self):
        inst = self.start("app.unicode")
        rec = inst.invoke({}, "req-u")
        self.assertEqual(rec["body"].decode("utf-8"), '{"text": "h\u00e9llo"}')

    def test_import_error_inside_module(self):
        inst = self.start("broken_import.handler")
        b = body(inst.wait_post())
        self.assertEqual(b["errorType"], "Runtime.ImportModuleError")
        self.assertEqual(b["errorMessage"], "Unable to import module 'broken_import': "
                                            "No module named 'not_a_real_dependency_xyz'")
        self.assertEqual(b["stackTrace"], [])
        self.assertEqual(b["requestId"], "")
        self.assertEqual(inst.wait_exit(), 1)
        self.assertIn("[ERROR] Runtime.ImportModuleError: Unable to import module "
                      "'broken_import'", inst.text())

    def test_exception_at_import(self):
        inst = self.start("raises_at_import.handler")
        rec = inst.wait_post()
        self.assertEqual(rec["path"], "/2018-06-01/runtime/init/error")
        b = body(rec)
        self.assertEqual(b["errorType"], "RuntimeError")
        self.assertEqual(b["errorMessage"], "init failed")
        self.assertTrue(b["stackTrace"] and "raises_at_import.py" in b["stackTrace"][-1], b)
        self.assertEqual(inst.wait_exit(), 1)

    def test_nothing_of_its_own_on_stdout(self):
        inst = self.start(self.H_ECHO)
        rec = inst.invoke({}, "req-quiet")
        self.assertEqual(rec["output_before"], b"")


@unittest.skipIf(NODE is None, "node is not installed")
class NodeBootstrapTests(BootstrapTests, unittest.TestCase):
    RUNTIME = "node"
    ROOT = os.path.join(FIXTURES, "node", "cjs")
    BAD_ROOT = os.path.join(FIXTURES, "node", "bad")
    H_ECHO = "index.handler"
    H_NONE = "index.nothing"
    H_FAIL = "index.fail"
    H_ENV = "index.env"
    H_LOG = "index.log"
    H_MISSING_MODULE = "nope.handler"
    H_MISSING_FUNCTION = "index.missing"
    H_SYNTAX = "syntax.handler"
    INIT_EXIT_CODE = 129  # Lambda's Node runtime exits 129 after posting an init error
    MISSING_MODULE_MESSAGE = ("Error: Cannot find module 'nope'\nRequire stack:\n- "
                              + NODE_BOOTSTRAP)
    MISSING_FUNCTION_MESSAGE = "index.missing is undefined or not exported"
    SYNTAX_MESSAGE_PREFIX = "SyntaxError: "
    LOG_LINES_EXPECTED = ["\treq-log\tINFO\tlogged line one\n",
                          "\treq-log\tWARN\twarned here\n",
                          "\treq-log\tERROR\tmulti\rline\n",
                          "raw stdout write\n"]

    def check_exception_body(self, b):
        self.assertEqual(list(b.keys()), ["errorType", "errorMessage", "trace"])
        self.assertEqual(b["errorType"], "Error")
        self.assertEqual(b["errorMessage"], "boom")
        self.assertEqual(b["trace"][0], "Error: boom")
        self.assertIn(os.path.join(self.ROOT, "index.js"), b["trace"][1])
        self.assertTrue(b["trace"][1].startswith("    at "), b["trace"])

    def check_log_format(self, text, request_id):
        self.assertRegex(text, r"(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t%s\tINFO\t"
                               r"logged line one$" % request_id)

    def test_context_fields(self):
        inst = self.start("index.ctx")
        deadline = int(time.time() * 1000) + 5000
        rec = inst.invoke({}, "req-ctx", deadline_ms=deadline, extra={
            "Lambda-Runtime-Cognito-Identity":
                json.dumps({"cognitoIdentityId": "id-1", "cognitoIdentityPoolId": "pool-1"}),
            "Lambda-Runtime-Client-Context": json.dumps({"custom": {"k": "v"}}),
        })
        b = body(rec)
        self.assertEqual(b["functionName"], "fn")
        self.assertEqual(b["functionVersion"], "$LATEST")
        self.assertEqual(b["invokedFunctionArn"],
                         "arn:aws:lambda:us-east-1:000000000000:function:fn")
        self.assertEqual(b["memoryLimitInMB"], "256")
        self.assertEqual(b["awsRequestId"], "req-ctx")
        self.assertEqual(b["logGroupName"], "/aws/lambda/fn")
        self.assertEqual(b["logStreamName"], "2024/01/01/[$LATEST]0123456789abcdef")
        self.assertTrue(0 < b["remaining"] <= 5000, b["remaining"])
        self.assertEqual(b["identity"], {"cognitoIdentityId": "id-1",
                                         "cognitoIdentityPoolId": "pool-1"})
        self.assertEqual(b["clientContext"], {"custom": {"k": "v"}})
        self.assertIs(b["callbackWaitsForEmptyEventLoop"], True)
        self.assertEqual(b["legacy"], ["function", "function", "function"])

    def test_callback_handler(self):
        inst = self.start("index.callback")
        self.assertEqual(body(inst.invoke({"x": 1}, "req-cb")), {"cb": {"x": 1}})

    def test_callback_waits_for_empty_event_loop(self):
        inst = self.start("index.callbackTimer")
        rec = inst.invoke({}, "req-wait")
        self.assertEqual(body(rec), "cb")
        self.assertIn("timer fired", rec["output_before"].decode())

    def test_callback_without_waiting(self):
        inst = self.start("index.callbackNoWait")
        rec = inst.invoke({}, "req-nowait")
        self.assertEqual(body(rec), "early")
        self.assertNotIn("late timer", rec["output_before"].decode())
        # the timer from the first invocation fires later in the same process
        rec = inst.invoke({}, "req-nowait-2")
        self.assertEqual(body(rec), "early")

    def test_callback_error(self):
        inst = self.start("index.callbackError")
        rec = inst.invoke({}, "req-cbe")
        self.assertTrue(rec["path"].endswith("/error"))
        b = body(rec)
        self.assertEqual(b["errorType"], "TypeError")
        self.assertEqual(b["errorMessage"], "bad input")

    def test_callback_string_error(self):
        inst = self.start("index.callbackString")
        b = body(inst.invoke({}, "req-cbs"))
        self.assertEqual(b, {"errorType": "string", "errorMessage": "plain failure",
                             "trace": []})

    def test_sync_return_value_is_ignored_like_lambda(self):
        # nodejs20.x: a non-async handler that neither returns a promise nor calls the
        # callback answers null once the event loop is empty.
        inst = self.start("index.syncReturn")
        self.assertEqual(inst.invoke({}, "req-sync")["body"], b"null")

    def test_async_never_settling_is_nodejs_exit(self):
        inst = self.start("index.neverSettles")
        rec = inst.invoke({}, "req-never")
        self.assertTrue(rec["path"].endswith("/error"))
        b = body(rec)
        self.assertEqual(b["errorType"], "Runtime.NodeJsExit")
        self.assertEqual(b["errorMessage"], "Error: Runtime exited without providing a reason")

    def test_context_succeed(self):
        inst = self.start("index.legacySucceed")
        self.assertEqual(body(inst.invoke({}, "req-s")), {"legacy": True})

    def test_marshal_error(self):
        # nodejs20.x reports an unserialisable result as a plain Error with this message
        inst = self.start("index.circular")
        rec = inst.invoke({}, "req-m")
        self.assertTrue(rec["path"].endswith("/error"))
        b = body(rec)
        self.assertEqual(b["errorType"], "Error")
        self.assertEqual(b["errorMessage"], "Unable to stringify response body")

    def test_esm_package_type_module(self):
        inst = self.start("index.handler", root=os.path.join(FIXTURES, "node", "esm"))
        rec = inst.invoke({"q": 1}, "req-esm")
        self.assertEqual(body(rec), {"esm": True, "event": {"q": 1}})

    def test_mjs_and_cjs_extensions(self):
        inst = self.start("app.handler", root=os.path.join(FIXTURES, "node", "mjs"))
        self.assertEqual(body(inst.invoke({}, "req-mjs")), {"kind": "mjs"})
        inst = self.start("other.handler", root=os.path.join(FIXTURES, "node", "mjs"))
        self.assertEqual(body(inst.invoke({}, "req-cjs")), {"kind": "cjs"})

    def test_nested_handler_path(self):
        inst = self.start("src/index.handler")
        self.assertEqual(body(inst.invoke({}, "req-src")), {"nested": True})

    def test_esm_missing_function(self):
        inst = self.start("index.nope", root=os.path.join(FIXTURES, "node", "esm"))
        b = body(inst.wait_post())
        self.assertEqual(b["errorType"], "Runtime.HandlerNotFound")
        self.assertEqual(b["errorMessage"], "index.nope is undefined or not exported")
        self.assertEqual(inst.wait_exit(), 129)

    def test_nothing_of_its_own_on_stdout(self):
        inst = self.start(self.H_ECHO)
        rec = inst.invoke({}, "req-quiet")
        self.assertEqual(rec["output_before"], b"")


if __name__ == "__main__":
    unittest.main(verbosity=2)
