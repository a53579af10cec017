// Serverless Workbench: the Node.js runtime bootstrap.
//
// Started by the runner as `node bootstrap.mjs` with the function's code folder as the working
// directory and AWS_LAMBDA_RUNTIME_API pointing at the instance's loopback Runtime API. It
// loads the handler named by _HANDLER and serves invocations over the AWS Lambda Runtime API
// 2018-06-01 with the programming model of Lambda's nodejs20.x runtime
// (aws-lambda-nodejs-runtime-interface-client 3.x): async and callback handlers,
// callbackWaitsForEmptyEventLoop, context.succeed/fail/done, CommonJS and ES modules, the same
// error shapes and messages, console patched to Lambda's log format.
//
// Node.js 18+, no npm packages. The Runtime API client is a minimal HTTP/1.1 client over one
// persistent net.Socket, which is unref'd while the handler runs so that "the event loop is
// empty" means what it means on Lambda. See ../README.md.

import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const NEXT_PATH = '/2018-06-01/runtime/invocation/next';
const REQUEST_ID = Symbol.for('aws.lambda.runtime.requestId');

function die(message, code = 1) {
  try {
    fs.writeSync(2, `swb-bootstrap: ${message}\n`);
  } catch (_) {
    // nothing more to do
  }
  process.exit(code);
}

// ------------------------------------------------------------------------------------------
// Errors, shaped like the Node runtime's.
// ------------------------------------------------------------------------------------------

class ImportModuleError extends Error {}
class HandlerNotFound extends Error {}
class MalformedHandlerName extends Error {}
class UserCodeSyntaxError extends Error {}
class UnhandledPromiseRejection extends Error {
  constructor(reason, promise) {
    super(reason);
    this.reason = reason;
    this.promise = promise;
  }
}
class NodeJsExit extends Error {
  constructor() {
    super('Error: Runtime exited without providing a reason');
  }
}
for (const e of [ImportModuleError, HandlerNotFound, MalformedHandlerName, UserCodeSyntaxError,
  UnhandledPromiseRejection, NodeJsExit]) {
  e.prototype.name = `Runtime.${e.name}`;
}

function isError(obj) {
  return obj && obj.name && obj.message && obj.stack && typeof obj.name === 'string' &&
    typeof obj.message === 'string' && typeof obj.stack === 'string';
}

function intoError(err) {
  return err instanceof Error ? err : new Error(err);
}

// The body of /error and /init/error: {errorType, errorMessage, trace}.
function toRapidResponse(error) {
  try {
    if (util.types.isNativeError(error) || isError(error)) {
      return { errorType: error.name, errorMessage: error.message, trace: error.stack.split('\n') };
    }
    return { errorType: typeof error, errorMessage: error.toString(), trace: [] };
  } catch (_) {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while ' +
        'retrieving one or more of its message, name, and stack',
    };
  }
}

function withEnumerableProperties(error) {
  if (error instanceof Error) {
    const ret = Object.assign({ errorType: error.name, errorMessage: error.message,
      code: error.code }, error);
    if (typeof error.stack === 'string') ret.stack = error.stack.split('\n');
    return ret;
  }
  return error;
}

// How an error appears in the log: a tab, then JSON.
function toFormatted(error) {
  try {
    return '\t' + JSON.stringify(error, (_k, v) => withEnumerableProperties(v));
  } catch (_) {
    return '\t' + JSON.stringify(toRapidResponse(error));
  }
}

// ------------------------------------------------------------------------------------------
// console, patched like Lambda's: "<ISO time>\t<request id>\t<LEVEL>\t<message>", one line
// per call (newlines become \r), filtered by AWS_LAMBDA_LOG_LEVEL, or JSON lines when
// AWS_LAMBDA_LOG_FORMAT=JSON.
// ------------------------------------------------------------------------------------------

const LEVELS = Object.freeze({
  TRACE: { name: 'TRACE', priority: 1 },
  DEBUG: { name: 'DEBUG', priority: 2 },
  INFO: { name: 'INFO', priority: 3 },
  WARN: { name: 'WARN', priority: 4 },
  ERROR: { name: 'ERROR', priority: 5 },
  FATAL: { name: 'FATAL', priority: 6 },
});
const JSON_FORMAT = (process.env.AWS_LAMBDA_LOG_FORMAT || '').toUpperCase() === 'JSON';

function jsonErrorReplacer(_, value) {
  if (value instanceof Error) {
    return Object.assign({
      errorType: value?.constructor?.name ?? 'UnknownError',
      errorMessage: value.message,
      stackTrace: typeof value.stack === 'string' ? value.stack.split('\n') : value.stack,
    }, value);
  }
  return value;
}

function formatJson(requestId, timestamp, level, message, params) {
  const result = { timestamp, level: level.name, requestId };
  if (params.length === 0) {
    result.message = message;
    try {
      return JSON.stringify(result, jsonErrorReplacer);
    } catch (_) {
      result.message = util.format(result.message);
      return JSON.stringify(result);
    }
  }
  result.message = util.format(message, ...params);
  for (const param of [message, ...params]) {
    if (param instanceof Error) {
      result.errorType = param?.constructor?.name ?? 'UnknownError';
      result.errorMessage = param.message;
      result.stackTrace = typeof param.stack === 'string' ? param.stack.split('\n') : [];
      break;
    }
  }
  return JSON.stringify(result);
}

const stdout = process.stdout;
function logText(level, message, ...params) {
  const line = `${new Date().toISOString()}\t${globalThis[REQUEST_ID]}\t${level.name}\t` +
    util.format(message, ...params);
  stdout.write(line.replace(/\n/g, '\r') + '\n');
}
function logJson(level, message, ...params) {
  const line = formatJson(globalThis[REQUEST_ID], new Date().toISOString(), level, message,
    params);
  stdout.write(line.replace(/\n/g, '\r') + '\n');
}

function patchConsole() {
  const log = JSON_FORMAT ? logJson : logText;
  const nop = () => {};
  const threshold = LEVELS[process.env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase()] ?? LEVELS.TRACE;
  const make = (level) => (level.priority >= threshold.priority
    ? (msg, ...params) => log(level, msg, ...params) : nop);
  console.trace = make(LEVELS.TRACE);
  console.debug = make(LEVELS.DEBUG);
  console.info = make(LEVELS.INFO);
  console.log = console.info;
  console.warn = make(LEVELS.WARN);
  console.error = make(LEVELS.ERROR);
  console.fatal = (msg, ...params) => log(LEVELS.FATAL, msg, ...params);
}

function logError(label, err) {
  if (JSON_FORMAT) console.error(intoError(err));
  else console.error(label, toFormatted(intoError(err)));
}

// ------------------------------------------------------------------------------------------
// A minimal HTTP/1.1 client on one persistent keep-alive connection.
// ------------------------------------------------------------------------------------------

class RuntimeClient {
  constructor(address) {
    const i = address.lastIndexOf(':');
    const port = Number(address.slice(i + 1));
    if (i <= 0 || !Number.isInteger(port)) die(`bad AWS_LAMBDA_RUNTIME_API '${address}'`);
    this.host = address.slice(0, i).replace(/^\[(.*)\]$/, '$1');
    this.port = port;
    this.hostHeader = `Host: ${address}\r\nUser-Agent: swb-node/${process.versions.node}\r\n`;
    this.socket = null;
    this.buf = null;
    this.pending = null; // {resolve, what}
    this.res = null; // the response being parsed
  }

  connect() {
    const s = net.connect({ host: this.host, port: this.port });
    s.setNoDelay(true);
    s.on('data', (chunk) => this.onData(chunk));
    s.on('error', (e) => {
      if (this.pending) die(`connection to the Runtime API failed: ${e.message}`);
    });
    s.on('close', () => {
      if (this.socket === s) this.socket = null;
      if (this.pending) die(`the Runtime API closed the connection during ${this.pending.what}`);
    });
    this.socket = s;
    this.buf = null;
  }

  request(method, urlPath, body, headers = '') {
    if (this.socket === null) this.connect();
    const s = this.socket;
    s.ref();
    let head = `${method} ${urlPath} HTTP/1.1\r\n${this.hostHeader}${headers}`;
    let payload = null;
    if (body !== null) {
      payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      head += `Content-Length: ${payload.length}\r\n`;
    }
    head += '\r\n';
    return new Promise((resolve) => {
      this.pending = { resolve, what: `${method} ${urlPath}` };
      this.res = null;
      if (payload === null || payload.length === 0) {
        s.write(head);
      } else if (payload.length < 65536) {
        s.write(Buffer.concat([Buffer.from(head, 'latin1'), payload]));
      } else {
        s.cork();
        s.write(head);
        s.write(payload);
        s.uncork();
      }
      if (this.buf !== null && this.buf.length) this.onData(Buffer.alloc(0));
    });
  }

  onData(chunk) {
    this.buf = this.buf === null || this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    if (!this.pending) return;
    for (;;) {
      if (this.res === null) {
        const end = this.buf.indexOf('\r\n\r\n');
        if (end < 0) {
          if (this.buf.length > (1 << 20)) die('response header from the Runtime API too large');
          return;
        }
        const lines = this.buf.toString('latin1', 0, end).split('\r\n');
        this.buf = this.buf.subarray(end + 4);
        const m = /^HTTP\/1\.(\d) (\d{3})/.exec(lines[0]);
        if (!m) die(`malformed status line from the Runtime API: ${lines[0]}`);
        const headers = {};
        for (let i = 1; i < lines.length; i++) {
          const c = lines[i].indexOf(':');
          if (c > 0) headers[lines[i].slice(0, c).trim().toLowerCase()] = lines[i].slice(c + 1).trim();
        }
        const status = Number(m[2]);
        const chunked = (headers['transfer-encoding'] || '').toLowerCase() === 'chunked';
        const close = m[1] === '0' || (headers.connection || '').toLowerCase() === 'close';
        let length = headers['content-length'] !== undefined ? Number(headers['content-length']) : -1;
        if (length < 0 && !chunked && (status === 204 || status === 304 || status < 200)) length = 0;
        this.res = { status, headers, chunked, close, length, parts: [] };
        if (length < 0 && !chunked) {
          // no length: the body runs to the end of the connection
          this.socket.once('end', () => {
            const res = this.res;
            res.parts.push(this.buf);
            this.buf = Buffer.alloc(0);
            this.finish(res, Buffer.concat(res.parts));
          });
          return;
        }
      }
      const res = this.res;
      if (!res.chunked) {
        if (this.buf.length < res.length) return;
        const body = this.buf.subarray(0, res.length);
        this.buf = this.buf.subarray(res.length);
        this.finish(res, body);
        return;
      }
      // chunked
      const eol = this.buf.indexOf('\r\n');
      if (eol < 0) return;
      const size = parseInt(this.buf.toString('latin1', 0, eol).split(';')[0].trim(), 16);
      if (Number.isNaN(size)) die('malformed chunked body from the Runtime API');
      if (size === 0) {
        const end = this.buf.indexOf('\r\n\r\n', eol);
        const endNoTrailer = this.buf.indexOf('\r\n', eol + 2);
        if (endNoTrailer === eol + 2) {
          this.buf = this.buf.subarray(eol + 4);
        } else if (end >= 0) {
          this.buf = this.buf.subarray(end + 4);
        } else {
          return;
        }
        this.finish(res, Buffer.concat(res.parts));
        return;
      }
      if (this.buf.length < eol + 2 + size + 2) return;
      res.parts.push(this.buf.subarray(eol + 2, eol + 2 + size));
      this.buf = this.buf.subarray(eol + 2 + size + 2);
    }
  }

  finish(res, body) {
    const pending = this.pending;
    this.pending = null;
    this.res = null;
    const s = this.socket;
    if (res.close && s) {
      this.socket = null;
      s.destroy();
    } else if (s) {
      // idle until the next request: an idle connection must not keep the event loop alive
      s.unref();
    }
    pending.resolve({ status: res.status, headers: res.headers, body });
  }
}

// ------------------------------------------------------------------------------------------
// Loading the handler (the rules of the Node runtime's UserFunction.load).
// ------------------------------------------------------------------------------------------

function hasPackageJsonTypeModule(folder) {
  for (;;) {
    if (folder.endsWith('/node_modules')) return false;
    const pj = path.join(folder, 'package.json');
    if (fs.existsSync(pj)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(pj, 'utf8'));
        if (pkg) return pkg.type === 'module';
      } catch (e) {
        console.warn(`${pj} cannot be read, it will be ignored for ES module detection purposes.`, e);
        return false;
      }
    }
    const parent = path.resolve(folder, '..');
    if (parent === folder) return false;
    folder = parent;
  }
}

function tryRequireFile(file, ext = '') {
  const p = file + ext;
  return fs.existsSync(p) ? require(p) : undefined;
}

async function tryImport(file, ext = '') {
  const p = file + ext;
  return fs.existsSync(p) ? await import(pathToFileURL(p).href) : undefined;
}

async function tryRequire(appRoot, moduleRoot, module) {
  const lambdaStylePath = path.resolve(appRoot, moduleRoot, module);
  if (fs.existsSync(lambdaStylePath) && fs.statSync(lambdaStylePath).isFile()) {
    const extensionless = require(lambdaStylePath);
    if (extensionless) return extensionless;
  }
  const pjHasModule = hasPackageJsonTypeModule(path.resolve(path.dirname(lambdaStylePath)));
  if (!pjHasModule) {
    const loaded = tryRequireFile(lambdaStylePath, '.js');
    if (loaded) return loaded;
  }
  const loaded = (pjHasModule && (await tryImport(lambdaStylePath, '.js'))) ||
    (await tryImport(lambdaStylePath, '.mjs')) ||
    tryRequireFile(lambdaStylePath, '.cjs');
  if (loaded) return loaded;
  return require(require.resolve(module, { paths: [appRoot, moduleRoot] }));
}

async function loadUserApp(appRoot, moduleRoot, module) {
  try {
    return await tryRequire(appRoot, moduleRoot, module);
  } catch (e) {
    if (e instanceof SyntaxError) throw new UserCodeSyntaxError(e);
    if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND')) {
      throw new ImportModuleError(e);
    }
    throw e;
  }
}

async function loadHandler(appRoot, fullHandlerString) {
  if (fullHandlerString.includes('..')) {
    throw new MalformedHandlerName(`'${fullHandlerString}' is not a valid handler name. Use ` +
      'absolute paths when specifying root directories in handler names.');
  }
  const handlerString = path.basename(fullHandlerString);
  const moduleRoot = fullHandlerString.substring(0, fullHandlerString.indexOf(handlerString));
  const match = handlerString.match(/^([^.]*)\.(.*)$/);
  if (!match || match.length !== 3) throw new MalformedHandlerName('Bad handler');
  const [, module, handlerPath] = match;
  const userApp = await loadUserApp(appRoot, moduleRoot, module);
  const handlerFunc = handlerPath.split('.').reduce((nested, key) => nested && nested[key], userApp);
  if (!handlerFunc) {
    throw new HandlerNotFound(`${fullHandlerString} is undefined or not exported`);
  }
  if (typeof handlerFunc !== 'function') {
    throw new HandlerNotFound(`${fullHandlerString} is not a function`);
  }
  return handlerFunc;
}

// ------------------------------------------------------------------------------------------
// The invoke loop (the semantics of the nodejs20.x runtime's Runtime/CallbackContext).
// ------------------------------------------------------------------------------------------

const ERROR_TYPE = 'Lambda-Runtime-Function-Error-Type';
const JSON_CT = 'Content-Type: application/json\r\n';

let beforeExit = null; // what to do when the event loop empties during an invocation
process.on('beforeExit', () => {
  const f = beforeExit;
  beforeExit = null;
  if (f) f();
});

function serialize(result) {
  try {
    return JSON.stringify(result === undefined ? null : result);
  } catch (_) {
    throw new Error('Unable to stringify response body');
  }
}

async function post(client, urlPath, body, headers) {
  const res = await client.request('POST', urlPath, body, headers);
  if (res.status >= 300) {
    die(`the Runtime API answered ${res.status} to POST ${urlPath}: ` +
      res.body.toString('utf8', 0, 200));
  }
}

function postInvocationError(client, id, err) {
  const body = serialize(toRapidResponse(err));
  return post(client, `/2018-06-01/runtime/invocation/${encodeURIComponent(id)}/error`, body,
    `${ERROR_TYPE}: Unhandled\r\n${JSON_CT}`);
}

function postInitError(client, err) {
  const response = toRapidResponse(err);
  const type = String(response.errorType).replace(/[^\x20-\x7e]/g, '?');
  return post(client, '/2018-06-01/runtime/init/error', serialize(response),
    `${ERROR_TYPE}: ${type}\r\n${JSON_CT}`);
}

function parseJsonHeader(value, name) {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch (err) {
    throw new Error(`Cannot parse ${name} as json: ${err.toString()}`);
  }
}

function start(client, handler, errorCallbacks) {
  const isAsync = handler.constructor && handler.constructor.name === 'AsyncFunction';
  const env = process.env;

  const scheduleIteration = () => {
    setImmediate(() => {
      handleOnce().catch((err) => {
        console.log(`Unexpected Top Level Error: ${err.toString()}`);
        errorCallbacks.uncaughtException(err);
      });
    });
  };

  async function handleOnce() {
    const res = await client.request('GET', NEXT_PATH, null);
    if (res.status !== 200) {
      die(`the Runtime API answered ${res.status} to GET /runtime/invocation/next: ` +
        res.body.toString('utf8', 0, 200));
    }
    const headers = res.headers;
    const id = headers['lambda-runtime-aws-request-id'];
    if (!id) die('the Runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id');
    globalThis[REQUEST_ID] = id;

    // The callback side of the context (CallbackContext.build).
    let isCompleteInvoked = false;
    let waitForEmptyEventLoop = true;
    let finished = false;
    const postError = (err) => {
      logError('Invoke Error', err);
      postInvocationError(client, id, err).then(scheduleIteration);
    };
    const complete = (result) => {
      if (isCompleteInvoked) {
        console.error('Invocation has already been reported as done. Cannot call complete ' +
          'more than once per invocation.');
        return;
      }
      isCompleteInvoked = true;
      const body = serialize(result);
      post(client, `/2018-06-01/runtime/invocation/${encodeURIComponent(id)}/response`, body,
        JSON_CT).then(scheduleIteration);
    };
    const rawCallback = (err, result) => {
      beforeExit = null;
      if (err !== undefined && err !== null) {
        postError(err);
      } else if (!waitForEmptyEventLoop) {
        complete(result);
      } else {
        beforeExit = () => setImmediate(() => complete(result));
      }
    };
    const done = (err, result) => {
      beforeExit = null;
      if (err !== undefined && err !== null) postError(err);
      else complete(result);
    };
    const once = (f) => function onlyFirstCall(...args) {
      if (!finished) {
        f(...args);
        finished = true;
      }
    };
    const callback = once(rawCallback);
    const succeed = once((result) => done(null, result));
    const fail = once((err) => (err === undefined || err === null ? done('handled') : done(err, null)));
    const context = {
      get callbackWaitsForEmptyEventLoop() { return waitForEmptyEventLoop; },
      set callbackWaitsForEmptyEventLoop(value) { waitForEmptyEventLoop = value; },
      succeed,
      fail,
      done: once(done),
    };

    try {
      errorCallbacks.uncaughtException = (error) => {
        postInvocationError(client, id, error).then(() => process.exit(129));
      };
      errorCallbacks.unhandledRejection = (error) => {
        postInvocationError(client, id, error).then(() => process.exit(128));
      };
      beforeExit = () => {
        isCompleteInvoked = true;
        if (isAsync) {
          const exitError = new NodeJsExit();
          logError('Invoke Error', exitError);
          postInvocationError(client, id, exitError).then(scheduleIteration);
        } else {
          post(client, `/2018-06-01/runtime/invocation/${encodeURIComponent(id)}/response`,
            'null', JSON_CT).then(scheduleIteration);
        }
      };

      const trace = headers['lambda-runtime-trace-id'];
      if (trace) env._X_AMZN_TRACE_ID = trace;
      else delete env._X_AMZN_TRACE_ID;
      const deadline = Number(headers['lambda-runtime-deadline-ms']);
      Object.assign(context, {
        functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
        functionName: env.AWS_LAMBDA_FUNCTION_NAME,
        memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
        logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
        logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
      }, {
        clientContext: parseJsonHeader(headers['lambda-runtime-client-context'], 'ClientContext'),
        identity: parseJsonHeader(headers['lambda-runtime-cognito-identity'], 'CognitoIdentity'),
        invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
        awsRequestId: id,
        tenantId: headers['lambda-runtime-aws-tenant-id'],
        getRemainingTimeInMillis() { return deadline - Date.now(); },
      });

      const result = handler(JSON.parse(res.body.toString('utf8')), context, callback);
      if (result && typeof result.then === 'function') {
        result.then(succeed, fail).then(undefined, fail);
      }
    } catch (err) {
      callback(err);
    }
  }

  scheduleIteration();
}

async function main() {
  const api = process.env.AWS_LAMBDA_RUNTIME_API;
  if (!api) die('AWS_LAMBDA_RUNTIME_API is not set');
  const handlerName = process.env._HANDLER;
  if (!handlerName) die('_HANDLER is not set');
  const appRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();

  patchConsole();
  const client = new RuntimeClient(api);

  const errorCallbacks = {
    uncaughtException: (error) => {
      postInitError(client, error).then(() => process.exit(129));
    },
    unhandledRejection: (error) => {
      postInitError(client, error).then(() => process.exit(128));
    },
  };
  process.on('uncaughtException', (error) => {
    logError('Uncaught Exception', error);
    errorCallbacks.uncaughtException(error);
  });
  process.on('unhandledRejection', (reason, promise) => {
    const error = new UnhandledPromiseRejection(reason, promise);
    logError('Unhandled Promise Rejection', error);
    errorCallbacks.unhandledRejection(error);
  });

  // Like the Node runtime: response streaming handlers are marked through this global.
  globalThis.awslambda = {
    streamifyResponse: (handler) => {
      handler[Symbol.for('aws.lambda.runtime.handler.streaming')] = 'response';
      return handler;
    },
  };

  let handler;
  try {
    handler = await loadHandler(appRoot, handlerName);
  } catch (error) {
    logError('Uncaught Exception', error);
    errorCallbacks.uncaughtException(error);
    return;
  }
  start(client, handler, errorCallbacks);
}

main().catch((err) => {
  try {
    fs.writeSync(2, `${err && err.stack ? err.stack : err}\n`);
  } catch (_) {
    // nothing more to do
  }
  die(`internal error: ${err}`);
});
