"""Serverless Workbench: the Python runtime (its entry point is bootstrap.py beside it).

Started by the runner as `python3 -S -B -u bootstrap.py` with the function's code folder as
the working directory and AWS_LAMBDA_RUNTIME_API pointing at the instance's loopback Runtime
API. It loads the handler named by _HANDLER and then serves invocations over the AWS Lambda
Runtime API 2018-06-01 the way Lambda's own Python runtime (awslambdaric) does: the same
error shapes and messages, the same context object, the same logging set-up.

Standard library only, Python 3.9+. Start-up cost matters (it is part of every cold start),
so the heavy modules (logging, traceback, site) are imported only when needed, and the HTTP
client is a minimal HTTP/1.1 client over one persistent socket. See ../README.md.
"""

import os
import sys
import time
import _socket

_SELF = os.path.abspath(__file__)
_HERE = os.path.dirname(_SELF)
_ERROR_LOG_LINE_TERMINATE = "\r"
_ERROR_LOG_IDENT = "\u00a0"
_LAMBDA_WARNING = (
    "LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function "
    "code. However, in rare cases, a Lambda runtime update can cause unexpected function "
    "behavior. For functions using managed runtimes, runtime updates can be triggered by a "
    "function change, or can be applied automatically. To determine if the runtime has been "
    "updated, check the runtime version in the INIT_START log entry. If this error "
    "correlates with a change in the runtime version, you may be able to mitigate this error "
    "by temporarily rolling back to the previous runtime version. For more information, see "
    "https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html"
)

_environ = os.environ
_GLOBAL_AWS_REQUEST_ID = None


def _die(message, code=1):
    """A fault of the bootstrap or the Runtime API: one line on stderr, then exit."""
    try:
        sys.stdout.flush()
    except Exception:
        pass
    try:
        sys.stderr.write("swb-bootstrap: %s\n" % message)
        sys.stderr.flush()
    except Exception:
        pass
    os._exit(code)


# --------------------------------------------------------------------------------------------
# sys.path: the task root first, then the runtime dir, the standard library, site-packages.
# --------------------------------------------------------------------------------------------

def _add_site_dir(d):
    path = sys.path
    if d not in path:
        path.append(d)
    try:
        names = sorted(n for n in os.listdir(d) if n.endswith(".pth") and not n.startswith("."))
    except OSError:
        return
    for name in names:
        try:
            with open(os.path.join(d, name), encoding="utf-8") as f:
                lines = f.read().splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for line in lines:
            if not line or line.startswith("#") or line.startswith(("import ", "import\t")):
                continue
            entry = os.path.join(d, line.rstrip())
            if entry not in path and os.path.exists(entry):
                path.append(entry)


def _setup_path():
    task_root = _environ.get("LAMBDA_TASK_ROOT") or os.getcwd()
    runtime_dir = _environ.get("LAMBDA_RUNTIME_DIR")
    here = _HERE
    rest = [p for p in sys.path if p not in ("", here, task_root, runtime_dir)]
    head = [task_root]
    if runtime_dir and runtime_dir != task_root:
        head.append(runtime_dir)
    sys.path[:] = head + rest
    if sys.flags.no_site:
        # -S skipped site.main(). Add the site-packages folders it would have added, cheaply:
        # the folders and the folder lines of their .pth files, but not the `import` lines
        # of .pth files (code run at every start; 40 ms on some machines).
        try:
            import site
            try:
                site.venv(set())  # a virtual environment's own site-packages first
            except Exception:
                pass
            dirs = []
            if site.ENABLE_USER_SITE is not False and not sys.flags.no_user_site:
                user = site.getusersitepackages()
                if user and os.path.isdir(user):
                    dirs.append(user)
            dirs.extend(d for d in site.getsitepackages() if os.path.isdir(d))
            for d in dirs:
                _add_site_dir(d)
        except Exception:
            pass


# --------------------------------------------------------------------------------------------
# A minimal HTTP/1.1 client on one persistent keep-alive connection.
# --------------------------------------------------------------------------------------------

class _RuntimeAPIError(Exception):
    pass


class _Client(object):
    __slots__ = ("host", "port", "sock", "buf", "host_header")

    def __init__(self, address):
        host, _, port = address.rpartition(":")
        if not host or not port.isdigit():
            raise _RuntimeAPIError("bad AWS_LAMBDA_RUNTIME_API %r" % address)
        if host.startswith("[") and host.endswith("]"):
            host = host[1:-1]
        self.host = host
        self.port = int(port)
        self.sock = None
        self.buf = b""
        self.host_header = ("Host: %s\r\nUser-Agent: swb-python/%d.%d.%d\r\n" % (
            address, sys.version_info[0], sys.version_info[1], sys.version_info[2])).encode()

    def _connect(self):
        family = _socket.AF_INET6 if ":" in self.host else _socket.AF_INET
        s = _socket.socket(family, _socket.SOCK_STREAM)
        try:
            s.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY, 1)
        except OSError:
            pass
        s.connect((self.host, self.port))
        self.sock = s
        self.buf = b""

    def close(self):
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
            self.sock = None

    def request(self, method, path, body=None, headers=b""):
        """Send one request, return (status, {lower-case name: value}, body bytes)."""
        if self.sock is None:
            self._connect()
        if body is None:
            head = b"%s %s HTTP/1.1\r\n%s%s\r\n" % (method, path, self.host_header, headers)
            data = head
        else:
            head = b"%s %s HTTP/1.1\r\n%s%sContent-Length: %d\r\n\r\n" % (
                method, path, self.host_header, headers, len(body))
            data = head + body if len(body) < 65536 else None
        try:
            if data is not None:
                self.sock.sendall(data)
            else:
                self.sock.sendall(head)
                self.sock.sendall(body)
            return self._read_response()
        except OSError as e:
            self.close()
            raise _RuntimeAPIError("connection to the Runtime API failed: %s" % e)

    def _recv(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            self.close()
            raise _RuntimeAPIError("the Runtime API closed the connection")
        return chunk

    def _read_response(self):
        buf = self.buf
        while True:
            end = buf.find(b"\r\n\r\n")
            if end >= 0:
                break
            if len(buf) > 1 << 20:
                raise _RuntimeAPIError("response header too large")
            buf += self._recv()
        lines = buf[:end].decode("latin-1").split("\r\n")
        buf = buf[end + 4:]
        status_line = lines[0].split(" ", 2)
        if len(status_line) < 2 or not status_line[0].startswith("HTTP/1."):
            raise _RuntimeAPIError("malformed status line %r" % lines[0])
        status = int(status_line[1])
        headers = {}
        for line in lines[1:]:
            name, sep, value = line.partition(":")
            if sep:
                headers[name.strip().lower()] = value.strip()
        length = headers.get("content-length")
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body, buf = self._read_chunked(buf)
        elif length is not None:
            n = int(length)
            while len(buf) < n:
                buf += self._recv()
            body, buf = buf[:n], buf[n:]
        elif status in (204, 304) or 100 <= status < 200:
            body = b""
        else:
            # No length: the body runs to the end of the connection.
            parts = [buf]
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                parts.append(chunk)
            body, buf = b"".join(parts), b""
            self.close()
        self.buf = buf
        if headers.get("connection", "").lower() == "close" or status_line[0] == "HTTP/1.0":
            self.close()
        return status, headers, body

    def _read_chunked(self, buf):
        out = []
        while True:
            while b"\r\n" not in buf:
                buf += self._recv()
            size_line, _, buf = buf.partition(b"\r\n")
            size = int(size_line.split(b";", 1)[0].strip(), 16)
            if size == 0:
                # trailers end with an empty line
                while True:
                    while b"\r\n" not in buf:
                        buf += self._recv()
                    line, _, buf = buf.partition(b"\r\n")
                    if not line:
                        return b"".join(out), buf
            while len(buf) < size + 2:
                buf += self._recv()
            out.append(buf[:size])
            buf = buf[size + 2:]


# --------------------------------------------------------------------------------------------
# Errors, shaped like awslambdaric's.
# --------------------------------------------------------------------------------------------

class FaultException(Exception):
    MARSHAL_ERROR = "Runtime.MarshalError"
    UNMARSHAL_ERROR = "Runtime.UnmarshalError"
    USER_CODE_SYNTAX_ERROR = "Runtime.UserCodeSyntaxError"
    HANDLER_NOT_FOUND = "Runtime.HandlerNotFound"
    IMPORT_MODULE_ERROR = "Runtime.ImportModuleError"
    BUILT_IN_MODULE_CONFLICT = "Runtime.BuiltInModuleConflict"
    MALFORMED_HANDLER_NAME = "Runtime.MalformedHandlerName"
    LAMBDA_CONTEXT_UNMARSHAL_ERROR = "Runtime.LambdaContextUnmarshalError"

    def __init__(self, exception_type, msg, trace=None):
        Exception.__init__(self, msg)
        self.msg = msg
        self.exception_type = exception_type
        self.trace = trace


def make_error(error_message, error_type, stack_trace, invoke_id=None):
    return {
        "errorMessage": error_message if error_message else "",
        "errorType": error_type if error_type else "",
        "requestId": invoke_id if invoke_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def _user_frames(tb):
    import traceback
    frames = [(f.filename, f.lineno, f.name, f.line) for f in traceback.extract_tb(tb)]
    for i in range(len(frames)):
        if os.path.dirname(os.path.abspath(frames[i][0])) != _HERE:  # the runtime's own frames
            frames = frames[i:]
            break
    return traceback.format_list(frames)


def _fault_result(exc_info, invoke_id=None):
    etype, value, tb = exc_info
    return make_error(str(value), etype.__name__, _user_frames(tb), invoke_id)


def _replace_indent(line):
    n = len(line) - len(line.lstrip(" "))
    return _ERROR_LOG_IDENT * n + line[n:]


def _log_error(error_result):
    """Write the error to stdout as Lambda's Python runtime does: one line, \\r-separated."""
    if _LOG_FORMAT_JSON:
        record = {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()),
            "level": "ERROR",
        }
        record.update(error_result)
        sys.stdout.write(_to_json(record) + "\n")
        return
    description = "[ERROR]"
    etype = error_result.get("errorType")
    if etype:
        description += " " + etype
    emsg = error_result.get("errorMessage")
    if emsg:
        if etype:
            description += ":"
        description += " " + emsg
    lines = [description]
    stack = error_result.get("stackTrace")
    if stack is not None:
        lines.append("Traceback (most recent call last):")
        for element in stack:
            if element == "":
                lines.append("")
            else:
                lines.extend(_replace_indent(l) for l in element.splitlines())
    sys.stdout.write(_ERROR_LOG_LINE_TERMINATE.join(lines) + "\n")


# --------------------------------------------------------------------------------------------
# JSON marshalling (awslambdaric uses simplejson; stdlib json gives the same text for the
# common types: default separators, NaN allowed, ensure_ascii off from python3.12).
# --------------------------------------------------------------------------------------------

def _exec_env_minor():
    env = _environ.get("AWS_EXECUTION_ENV", "")
    if env.startswith("AWS_Lambda_python3."):
        try:
            return int(env[len("AWS_Lambda_python3."):])
        except ValueError:
            pass
    return sys.version_info[1]


def _json_default(obj):
    import decimal
    if isinstance(obj, decimal.Decimal):
        if obj.is_nan():
            return float("nan")
        return int(obj) if obj == obj.to_integral_value() and obj.as_tuple().exponent >= 0 \
            else float(obj)
    raise TypeError("Object of type %s is not JSON serializable" % obj.__class__.__name__)


def _fast_json(ensure_ascii):
    """loads/dumps straight from the _json accelerator: `import json` pulls in re and enum,
    about a third of the bootstrap's own start-up. The result is checked against a probe and
    the json module is used instead whenever the accelerator does not behave as expected."""
    import _json

    constants = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}

    class _Ctx(object):
        strict = True
        object_hook = None
        object_pairs_hook = None
        parse_float = float
        parse_int = int
        parse_constant = constants.__getitem__
        memo = {}

    scan = _json.make_scanner(_Ctx())
    ws = " \t\n\r"

    def loads(s):
        if isinstance(s, (bytes, bytearray)):
            s = s.decode("utf-8-sig" if s[:3] == b"\xef\xbb\xbf" else "utf-8")
        n = len(s)
        i = 0
        while i < n and s[i] in ws:
            i += 1
        try:
            obj, end = scan(s, i)
        except StopIteration:
            import json
            return json.loads(s)  # raises the json module's own error message
        finally:
            _Ctx.memo.clear()
        while end < n and s[end] in ws:
            end += 1
        if end != n:
            import json
            return json.loads(s)
        return obj

    encode_str = _json.encode_basestring_ascii if ensure_ascii else _json.encode_basestring

    def dumps(o):
        if isinstance(o, str):
            return encode_str(o)
        return "".join(_json.make_encoder({}, _json_default, encode_str, None, ": ", ", ",
                                          False, False, True)(o, 0))

    probe = {"a": [1, 2.5, None, True, "\u00e9"], "b": {"c": -1}}
    if loads(dumps(probe)) != probe or dumps([1, "x"]) != '[1, "x"]':
        raise ValueError("unexpected _json behaviour")
    return loads, dumps


try:
    _json_loads, _to_json = _fast_json(_exec_env_minor() < 12)
except Exception:
    import json
    _to_json = json.JSONEncoder(ensure_ascii=_exec_env_minor() < 12, default=_json_default).encode
    _json_loads = json.loads


# --------------------------------------------------------------------------------------------
# The context object.
# --------------------------------------------------------------------------------------------

class CognitoIdentity(object):
    __slots__ = ["cognito_identity_id", "cognito_identity_pool_id"]

    def __repr__(self):
        return "%s([cognito_identity_id=%s,cognito_identity_pool_id=%s])" % (
            self.__class__.__name__, self.cognito_identity_id, self.cognito_identity_pool_id)


class Client(object):
    __slots__ = ["installation_id", "app_title", "app_version_name", "app_version_code",
                 "app_package_name"]

    def __repr__(self):
        return "%s([%s])" % (self.__class__.__name__, ",".join(
            "%s=%s" % (k, getattr(self, k)) for k in self.__slots__))


class ClientContext(object):
    __slots__ = ["custom", "env", "client"]

    def __repr__(self):
        return "%s([custom=%s,env=%s,client=%s])" % (
            self.__class__.__name__, self.custom, self.env, self.client)


def _obj_from_dict(cls, d):
    if d is None:
        return None
    obj = cls()
    get = d.get if isinstance(d, dict) else (lambda k, default=None: default)
    for field in cls.__slots__:
        setattr(obj, field, get(field, None))
    return obj


class LambdaContext(object):
    __slots__ = ("aws_request_id", "log_group_name", "log_stream_name", "function_name",
                 "memory_limit_in_mb", "function_version", "invoked_function_arn",
                 "client_context", "identity", "_epoch_deadline_time_in_ms", "tenant_id")

    def __init__(self, invoke_id, client_context, cognito_identity, deadline_ms,
                 invoked_function_arn=None, tenant_id=None):
        env = _environ
        self.aws_request_id = invoke_id
        self.log_group_name = env.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = env.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = env.get("AWS_LAMBDA_FUNCTION_NAME")
        # A string, as in Lambda's Python runtime (it reads the variable as is).
        self.memory_limit_in_mb = env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = env.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.tenant_id = tenant_id
        if client_context is not None:
            cc = _obj_from_dict(ClientContext, client_context)
            cc.client = _obj_from_dict(Client, cc.client)
            self.client_context = cc
        else:
            self.client_context = None
        identity = _obj_from_dict(CognitoIdentity, {})
        if cognito_identity is not None and isinstance(cognito_identity, dict):
            identity.cognito_identity_id = cognito_identity.get("cognitoIdentityId")
            identity.cognito_identity_pool_id = cognito_identity.get("cognitoIdentityPoolId")
        self.identity = identity
        self._epoch_deadline_time_in_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        delta = self._epoch_deadline_time_in_ms - int(time.time() * 1000)
        return delta if delta > 0 else 0

    def log(self, msg):
        sys.stdout.write(str(msg))

    def __repr__(self):
        return (
            "%s([aws_request_id=%s,log_group_name=%s,log_stream_name=%s,function_name=%s,"
            "memory_limit_in_mb=%s,function_version=%s,invoked_function_arn=%s,"
            "client_context=%s,identity=%s,tenant_id=%s])" % (
                self.__class__.__name__, self.aws_request_id, self.log_group_name,
                self.log_stream_name, self.function_name, self.memory_limit_in_mb,
                self.function_version, self.invoked_function_arn, self.client_context,
                self.identity, self.tenant_id))


def _parse_json_header(value, name):
    try:
        return _json_loads(value)
    except Exception as e:
        raise FaultException(FaultException.LAMBDA_CONTEXT_UNMARSHAL_ERROR,
                             "Unable to parse %s JSON: %s" % (name, e), None)


# --------------------------------------------------------------------------------------------
# Logging: the root logger as Lambda configures it. `logging` costs several milliseconds to
# import, so it is configured the moment anything imports it (the handler module, a library,
# or the bootstrap itself for an error) rather than at start-up. Code that imports logging
# sees exactly what it would see on Lambda.
# --------------------------------------------------------------------------------------------

_LOG_FORMAT_JSON = (_environ.get("AWS_LAMBDA_LOG_FORMAT") or "").upper() == "JSON"
_LOG_LEVEL = {None: "", "TRACE": "DEBUG"}.get(
    _environ.get("AWS_LAMBDA_LOG_LEVEL"), _environ.get("AWS_LAMBDA_LOG_LEVEL") or "").upper()
_logging_ready = False


def _configure_logging(logging):
    global _logging_ready
    if _logging_ready:
        return
    _logging_ready = True
    logging.Formatter.converter = time.gmtime

    class LambdaLoggerHandler(logging.Handler):
        def __init__(self):
            logging.Handler.__init__(self)

        def emit(self, record):
            try:
                sys.stdout.write(self.format(record))
            except Exception:
                self.handleError(record)

    class LambdaLoggerFilter(logging.Filter):
        def filter(self, record):
            record.aws_request_id = _GLOBAL_AWS_REQUEST_ID or ""
            record.tenant_id = None
            return True

    handler = LambdaLoggerHandler()
    if _LOG_FORMAT_JSON:
        handler.setFormatter(_make_json_formatter(logging))
    else:
        handler.setFormatter(logging.Formatter(
            "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n",
            "%Y-%m-%dT%H:%M:%S"))
    root = logging.getLogger()
    if _LOG_LEVEL in logging._nameToLevel:
        root.setLevel(_LOG_LEVEL)
    handler.addFilter(LambdaLoggerFilter())
    root.addHandler(handler)


def _make_json_formatter(logging):
    reserved = {"name", "msg", "args", "levelname", "levelno", "pathname", "filename",
                "module", "exc_info", "exc_text", "stack_info", "lineno", "funcName",
                "created", "msecs", "relativeCreated", "thread", "threadName", "processName",
                "process", "aws_request_id", "tenant_id", "_frame_type", "taskName"}
    import json
    enc = json.JSONEncoder(ensure_ascii=False, default=str).encode

    class JsonFormatter(logging.Formatter):
        def format(self, record):
            levelno = min(50, max(0, record.levelno)) // 10 * 10
            record.levelno = levelno
            record.levelname = logging.getLevelName(levelno)
            ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            ts += ".%03dZ" % int(record.msecs)
            exc = record.exc_info
            result = {
                "timestamp": ts,
                "level": record.levelname,
                "message": record.getMessage(),
                "logger": record.name,
                "stackTrace": __import__("traceback").format_tb(exc[2]) if exc else None,
                "errorType": exc[0].__name__ if exc else None,
                "errorMessage": str(exc[1]) if exc else None,
                "requestId": getattr(record, "aws_request_id", None),
                "location": ("%s:%s:%s" % (record.pathname, record.funcName, record.lineno))
                if exc else None,
            }
            for k, v in record.__dict__.items():
                if k not in reserved and k not in result:
                    result[k] = v
            return enc({k: v for k, v in result.items() if v is not None}) + "\n"

    return JsonFormatter()


class _LoggingHook(object):
    """A meta-path finder that configures `logging` right after its first import."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "logging":
            return None
        try:
            sys.meta_path.remove(self)
        except ValueError:
            pass
        spec = None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if find is not None:
                spec = find(fullname, path, target)
                if spec is not None:
                    break
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        original = spec.loader.exec_module

        def exec_module(module):
            original(module)
            _configure_logging(module)

        try:
            spec.loader.exec_module = exec_module  # a fresh loader object for this spec
        except AttributeError:
            pass
        return spec


def _install_logging():
    if "logging" in sys.modules:
        _configure_logging(sys.modules["logging"])
    else:
        sys.meta_path.insert(0, _LoggingHook())


def _ensure_logging():
    import logging
    _configure_logging(logging)
    return logging


# --------------------------------------------------------------------------------------------
# Loading the handler.
# --------------------------------------------------------------------------------------------

def _get_handler(handler):
    try:
        modname, fname = handler.rsplit(".", 1)
    except ValueError as e:
        raise FaultException(FaultException.MALFORMED_HANDLER_NAME,
                             "Bad handler '{}': {}".format(handler, str(e)))
    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise FaultException(FaultException.BUILT_IN_MODULE_CONFLICT,
                                 "Cannot use built-in module {} as a handler module"
                                 .format(modname))
        name = modname.replace("/", ".")
        __import__(name)
        m = sys.modules[name]
    except ImportError as e:
        raise FaultException(FaultException.IMPORT_MODULE_ERROR,
                             "Unable to import module '{}': {}".format(modname, str(e)))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise FaultException(FaultException.USER_CODE_SYNTAX_ERROR,
                             "Syntax error in module '{}': {}".format(modname, str(e)), trace)
    try:
        return getattr(m, fname)
    except AttributeError:
        raise FaultException(FaultException.HANDLER_NOT_FOUND,
                             "Handler '{}' missing on module '{}'".format(fname, modname), None)


# --------------------------------------------------------------------------------------------
# The loop.
# --------------------------------------------------------------------------------------------

_NEXT = b"/2018-06-01/runtime/invocation/next"
_JSON_CT = b"Content-Type: application/json\r\n"


def _post_init_error(client, error_result):
    body = _to_json(error_result).encode("utf-8")
    headers = b"Lambda-Runtime-Function-Error-Type: %s\r\n%s" % (
        error_result["errorType"].encode("utf-8", "replace"), _JSON_CT)
    try:
        client.request(b"POST", b"/2018-06-01/runtime/init/error", body, headers)
    except _RuntimeAPIError as e:
        _die("could not report the init error: %s" % e)


def _post(client, path, body, headers):
    status, _, resp = client.request(b"POST", path, body, headers)
    if status >= 300:
        _die("the Runtime API answered %d to POST %s: %s" % (
            status, path.decode(), resp[:200].decode("utf-8", "replace")))


def _serve(client, request_handler):
    global _GLOBAL_AWS_REQUEST_ID
    request = client.request
    to_json = _to_json
    loads = _json_loads
    environ = _environ
    stdout = sys.stdout
    while True:
        try:
            status, headers, body = request(b"GET", _NEXT)
        except _RuntimeAPIError as e:
            _die(str(e))
        if status != 200:
            _die("the Runtime API answered %d to GET /runtime/invocation/next: %s" % (
                status, body[:200].decode("utf-8", "replace")))
        invoke_id = headers.get("lambda-runtime-aws-request-id")
        if not invoke_id:
            _die("the Runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id")
        _GLOBAL_AWS_REQUEST_ID = invoke_id
        trace_id = headers.get("lambda-runtime-trace-id")
        if trace_id is not None:
            environ["_X_AMZN_TRACE_ID"] = trace_id
        elif "_X_AMZN_TRACE_ID" in environ:
            del environ["_X_AMZN_TRACE_ID"]

        error_result = None
        try:
            cc = headers.get("lambda-runtime-client-context")
            ci = headers.get("lambda-runtime-cognito-identity")
            try:
                deadline = int(headers.get("lambda-runtime-deadline-ms") or 0)
            except ValueError:
                deadline = 0
            context = LambdaContext(
                invoke_id,
                _parse_json_header(cc, "Client Context") if cc else None,
                _parse_json_header(ci, "Cognito Identity") if ci else None,
                deadline,
                headers.get("lambda-runtime-invoked-function-arn"),
                headers.get("lambda-runtime-aws-tenant-id"),
            )
            content_type = headers.get("content-type", "application/json")
            if content_type == "application/json" or not content_type:
                try:
                    event = loads(body)
                except Exception as e:
                    raise FaultException(FaultException.UNMARSHAL_ERROR,
                                         "Unable to unmarshal input: {}".format(str(e)), None)
            else:
                event = body
            response = request_handler(event, context)
            if isinstance(response, bytes):
                result, result_ct = response, b"Content-Type: application/unknown\r\n"
            else:
                try:
                    result = to_json(response).encode("utf-8")
                except Exception as e:
                    raise FaultException(FaultException.MARSHAL_ERROR,
                                         "Unable to marshal response: {}".format(str(e)), None)
                result_ct = _JSON_CT
        except FaultException as e:
            error_result = make_error(e.msg, e.exception_type, e.trace, invoke_id)
        except Exception:
            error_result = _fault_result(sys.exc_info(), invoke_id)

        try:
            if error_result is None:
                # Everything the handler printed is already in the pipe (-u, or flushed here)
                # before the runner sees the response.
                stdout.flush()
                sys.stderr.flush()
                _post(client, b"/2018-06-01/runtime/invocation/%s/response" %
                      invoke_id.encode("utf-8"), result, result_ct)
            else:
                _log_error(error_result)
                sys.stdout.flush()
                sys.stderr.flush()
                _post(client, b"/2018-06-01/runtime/invocation/%s/error" %
                      invoke_id.encode("utf-8"), to_json(error_result).encode("utf-8"),
                      b"Lambda-Runtime-Function-Error-Type: Unhandled\r\n" + _JSON_CT)
        except _RuntimeAPIError as e:
            _die(str(e))


def main():
    api = _environ.get("AWS_LAMBDA_RUNTIME_API")
    if not api:
        _die("AWS_LAMBDA_RUNTIME_API is not set")
    handler = _environ.get("_HANDLER")
    if not handler:
        _die("_HANDLER is not set")
    try:
        client = _Client(api)
    except _RuntimeAPIError as e:
        _die(str(e))
    _setup_path()
    _install_logging()
    try:
        request_handler = _get_handler(handler)
    except Exception as e:
        if isinstance(e, FaultException):
            error_result = make_error(e.msg, e.exception_type, e.trace)
        else:
            error_result = _fault_result(sys.exc_info())
        try:
            _ensure_logging().warning(_LAMBDA_WARNING)
        except Exception:
            pass
        _log_error(error_result)
        sys.stdout.flush()
        _post_init_error(client, error_result)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)
    _serve(client, request_handler)


def run():
    """The process's whole life: bootstrap.py calls this after importing the module."""
    try:
        main()
    except SystemExit:
        raise
    except BaseException as e:  # a fault of the bootstrap itself: never hang
        try:
            import traceback
            traceback.print_exc()
        except Exception:
            pass
        _die("internal error: %s: %s" % (type(e).__name__, e))
