#include "WorkspaceFunctions.h"

#include "format/WorkspaceFile.h"
#include "model/Runtime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace swb {

namespace {

struct TemplateFile {
    QString path; // relative to the code folder
    QByteArray text;
    bool executable = false;
};

const char* kPythonHandler = R"py(import json


def handler(event, context):
    """Called once per invocation: `event` is the trigger's payload (here API Gateway's HTTP
    event), `context` is Lambda's context (request id, remaining time, ...)."""
    params = event.get("queryStringParameters") or {} if isinstance(event, dict) else {}
    name = params.get("name", "world")
    print(f"greeting {name}")
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"message": f"Hello, {name}!", "requestId": context.aws_request_id}),
    }
)py";

const char* kNodeHandler =
    R"js(// Called once per invocation: `event` is the trigger's payload (here API Gateway's HTTP event),
// `context` is Lambda's context (request id, remaining time, ...).
export const handler = async (event, context) => {
  const name = event?.queryStringParameters?.name ?? 'world';
  console.log(`greeting ${name}`);
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: `Hello, ${name}!`, requestId: context.awsRequestId }),
  };
};
)js";

// A custom runtime in the shape of AWS's own tutorial: a loop over the Runtime API. Any
// language works the same way; this one needs only sh and curl.
const char* kBootstrap = R"sh(#!/bin/sh
# A custom runtime (provided.al2023): fetch the next event from the Runtime API, answer it,
# repeat. $AWS_LAMBDA_RUNTIME_API is host:port; $_HANDLER is the function's "handler" value.
set -eu
API="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation"
while true; do
  HEADERS="$(mktemp)"
  EVENT="$(curl -sS -D "$HEADERS" "$API/next")"
  REQUEST_ID="$(grep -i '^Lambda-Runtime-Aws-Request-Id:' "$HEADERS" | tr -d '\r' | cut -d' ' -f2)"
  rm -f "$HEADERS"
  echo "handling $REQUEST_ID with ${#EVENT} bytes of event"
  BODY='{"statusCode": 200, "body": "Hello from a custom runtime!"}'
  curl -sS -X POST "$API/$REQUEST_ID/response" -d "$BODY" > /dev/null
done
)sh";

const char* kHelloEvent = R"json({
  "version": "2.0",
  "routeKey": "GET /%1",
  "rawPath": "/%1",
  "rawQueryString": "name=Ada",
  "queryStringParameters": {"name": "Ada"},
  "headers": {"accept": "application/json", "host": "localhost"},
  "requestContext": {
    "http": {"method": "GET", "path": "/%1", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
             "userAgent": "serverless-workbench"},
    "routeKey": "GET /%1",
    "stage": "$default"
  },
  "isBase64Encoded": false
}
)json";

Result<void> writeNew(const QString& path, const QByteArray& text, bool executable)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(ErrorCode::Io, QStringLiteral("Cannot create the folder %1; check that it is "
                                                  "writable.")
                                       .arg(QFileInfo(path).absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    if (executable)
        QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner |
                                        QFileDevice::ExeGroup | QFileDevice::ExeOther);
    return {};
}

} // namespace

Error WorkspaceFunctions::invalidNameError(const QString& name)
{
    return Error{ErrorCode::InvalidArgument,
                 QStringLiteral("\"%1\" is not a valid function name; use 1 to 64 letters, digits, "
                                "hyphens or underscores.")
                     .arg(name),
                 {},
                 {}};
}

bool WorkspaceFunctions::isValidName(const QString& name)
{
    // Lambda's rule for function names.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

Result<FunctionSpec> WorkspaceFunctions::create(Workspace& ws, const QString& name,
                                                const QString& runtimeId)
{
    if (ws.folder.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The workspace has no folder to create the function in."));
    if (!isValidName(name))
        return std::unexpected(WorkspaceFunctions::invalidNameError(name));
    if (ws.function(name))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The workspace already has a function \"%1\".").arg(name));
    const auto runtime = findRuntime(runtimeId);
    if (!runtime)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("Unknown runtime \"%1\"; use one of: %2.")
                        .arg(runtimeId, supportedRuntimeIds().join(QStringLiteral(", "))));
    const QString codeFolder = QDir(ws.folder).filePath(name);
    if (QFileInfo::exists(codeFolder))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 already exists; choose another name, or add the function "
                                   "to workbench.json by hand to use that folder.")
                        .arg(codeFolder));

    FunctionSpec f;
    f.name = name;
    f.runtime = runtime->id;
    f.codeUri = name;
    f.description = QStringLiteral("Answers GET /%1").arg(name);
    QList<TemplateFile> files;
    switch (runtime->family) {
    case RuntimeFamily::Python:
        f.handler = QStringLiteral("app.handler");
        files.append({QStringLiteral("app.py"), kPythonHandler});
        break;
    case RuntimeFamily::Node:
        f.handler = QStringLiteral("index.handler");
        files.append({QStringLiteral("index.mjs"), kNodeHandler});
        break;
    case RuntimeFamily::Provided:
        f.handler = QStringLiteral("function.handler");
        files.append({QStringLiteral("bootstrap"), kBootstrap, true});
        break;
    }
    TriggerSpec http;
    http.type = TriggerType::Http;
    http.method = QStringLiteral("GET");
    http.path = QStringLiteral("/") + name;
    http.api = QStringLiteral("http");
    f.triggers.append(http);

    for (const TemplateFile& t : files) {
        if (auto written = writeNew(QDir(codeFolder).filePath(t.path), t.text, t.executable);
            !written)
            return std::unexpected(written.error());
    }
    const QString event = QDir(ws.eventsFolder(name)).filePath(QStringLiteral("hello.json"));
    if (!QFileInfo::exists(event)) {
        if (auto written =
                writeNew(event, QString::fromUtf8(kHelloEvent).arg(name).toUtf8(), false);
            !written)
            return std::unexpected(written.error());
    }
    Workspace next = ws;
    next.functions.append(f);
    if (auto saved = WorkspaceFile::save(next); !saved)
        return std::unexpected(saved.error());
    ws = std::move(next);
    return f;
}

Result<void> WorkspaceFunctions::rename(Workspace& ws, const QString& from, const QString& to)
{
    if (!ws.function(from))
        return fail(ErrorCode::NotFound,
                    QStringLiteral("There is no function \"%1\" in %2.").arg(from, ws.filePath()));
    if (from == to)
        return {};
    if (!isValidName(to))
        return std::unexpected(WorkspaceFunctions::invalidNameError(to));
    if (ws.function(to))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The workspace already has a function \"%1\".").arg(to));
    const QString oldEvents = ws.eventsFolder(from);
    const QString newEvents = ws.eventsFolder(to);
    if (QFileInfo::exists(oldEvents) && QFileInfo::exists(newEvents))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 already exists; move it away to rename \"%2\" to \"%3\".")
                        .arg(newEvents, from, to));
    Workspace next = ws;
    next.function(from)->name = to;
    for (ScenarioSpec& s : next.scenarios) {
        if (s.function == from)
            s.function = to;
    }
    if (auto saved = WorkspaceFile::save(next); !saved)
        return std::unexpected(saved.error());
    if (QFileInfo::exists(oldEvents) && !QDir().rename(oldEvents, newEvents))
        return fail(ErrorCode::Io,
                    QStringLiteral("The function is renamed in workbench.json, but its events "
                                   "folder %1 could not be moved to %2; move it by hand.")
                        .arg(oldEvents, newEvents));
    ws = std::move(next);
    return {};
}

Result<void> WorkspaceFunctions::remove(Workspace& ws, const QString& name, bool deleteFiles)
{
    const FunctionSpec* f = ws.function(name);
    if (!f)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("There is no function \"%1\" in %2.").arg(name, ws.filePath()));
    const QString code = ws.codeFolder(*f);
    Workspace next = ws;
    next.functions.removeIf([&name](const FunctionSpec& s) { return s.name == name; });
    for (ScenarioSpec& s : next.scenarios) {
        if (s.function == name)
            s.function.clear();
    }
    if (auto saved = WorkspaceFile::save(next); !saved)
        return std::unexpected(saved.error());
    ws = std::move(next);
    if (!deleteFiles)
        return {};
    QStringList problems;
    QDir events(ws.eventsFolder(name));
    if (events.exists() && !events.removeRecursively())
        problems << events.path();
    // Only a folder strictly inside the workspace that no remaining function uses.
    const QString root = QDir::cleanPath(ws.folder) + QLatin1Char('/');
    bool shared = false;
    for (const FunctionSpec& other : ws.functions)
        shared = shared || QDir::cleanPath(ws.codeFolder(other)) == QDir::cleanPath(code);
    if (!shared && QDir::cleanPath(code).startsWith(root) && QFileInfo(code).isDir() &&
        !QDir(code).removeRecursively())
        problems << code;
    if (!problems.isEmpty())
        return fail(ErrorCode::Io,
                    QStringLiteral("The function is removed from workbench.json, but %1 could not "
                                   "be deleted; delete it by hand.")
                        .arg(problems.join(QStringLiteral(" and "))));
    return {};
}

} // namespace swb
