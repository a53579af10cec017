#include "DeployLog.h"

#include "format/JsonLocator.h"
#include "format/JsonWriter.h"
#include "format/TextFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

namespace swb {

namespace {

constexpr qint64 kMaxLogBytes = 64LL * 1024 * 1024;

const QString kVersion = QStringLiteral("version");
const QString kDeploys = QStringLiteral("deploys");

QStringList keyOrder()
{
    return {QStringLiteral("version"),   QStringLiteral("deploys"),    QStringLiteral("id"),
            QStringLiteral("provider"),  QStringLiteral("target"),     QStringLiteral("function"),
            QStringLiteral("startedAt"), QStringLiteral("finishedAt"), QStringLiteral("commit"),
            QStringLiteral("dirty"),     QStringLiteral("codeSha256"), QStringLiteral("result"),
            QStringLiteral("arn"),       QStringLiteral("url"),        QStringLiteral("outcome"),
            QStringLiteral("message")};
}

QJsonValue timeToJson(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject toJson(const DeployRecord& r)
{
    return QJsonObject{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("provider"), r.provider},
        {QStringLiteral("target"), r.target},
        {QStringLiteral("function"), r.function},
        {QStringLiteral("startedAt"), timeToJson(r.startedAt)},
        {QStringLiteral("finishedAt"), timeToJson(r.finishedAt)},
        {QStringLiteral("commit"), r.commitId},
        {QStringLiteral("dirty"), r.dirty},
        {QStringLiteral("codeSha256"), r.codeSha256},
        {QStringLiteral("result"), QJsonObject{{QStringLiteral("version"), r.version},
                                               {QStringLiteral("arn"), r.arn},
                                               {QStringLiteral("url"), r.url}}},
        {QStringLiteral("outcome"), deployOutcomeName(r.outcome)},
        {QStringLiteral("message"), r.message},
    };
}

// The parsed file: the document as written (records keep keys we do not know) and the records.
struct LoadedLog {
    QJsonObject root;
    QList<DeployRecord> records;
};

class LogReader {
public:
    LogReader(const QString& path, const QByteArray& utf8) : m_path(path), m_locator(utf8) {}

    Error problem(ErrorCode code, const QString& pointer, const QString& what) const
    {
        const TextPosition at = m_locator.find(pointer).value_or(TextPosition{});
        Error e{code,
                QStringLiteral("%1:%2:%3: %4; fix or move the file (deploys are not recorded "
                               "until then).")
                    .arg(QDir::toNativeSeparators(m_path))
                    .arg(at.line)
                    .arg(at.column)
                    .arg(what),
                pointer,
                {}};
        e.diagnostics.append(
            Diagnostic{Severity::Error, m_path, pointer, at.line, at.column, what});
        return e;
    }

    Result<DeployRecord> record(const QJsonValue& value, const QString& pointer) const
    {
        if (!value.isObject())
            return std::unexpected(problem(ErrorCode::Validation, pointer,
                                           QStringLiteral("a deploy must be an object")));
        const QJsonObject o = value.toObject();
        DeployRecord r;
        QString bad;
        const auto text = [&](const QJsonObject& from, const QString& fromPointer,
                              const QString& key, bool required) {
            const QJsonValue v = from.value(key);
            if ((v.isUndefined() || v.isNull()) && !required)
                return QString();
            if (!v.isString() && bad.isEmpty())
                bad = JsonLocator::child(fromPointer, key);
            return v.toString();
        };
        const auto time = [&](const QString& key, bool required) {
            const QString s = text(o, pointer, key, required);
            const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
            if (!s.isEmpty() && !t.isValid() && bad.isEmpty())
                bad = JsonLocator::child(pointer, key);
            return t;
        };
        r.id = text(o, pointer, QStringLiteral("id"), true);
        r.provider = text(o, pointer, QStringLiteral("provider"), true);
        r.target = text(o, pointer, QStringLiteral("target"), false);
        r.function = text(o, pointer, QStringLiteral("function"), true);
        r.startedAt = time(QStringLiteral("startedAt"), true);
        r.finishedAt = time(QStringLiteral("finishedAt"), false);
        r.commitId = text(o, pointer, QStringLiteral("commit"), false);
        const QJsonValue dirty = o.value(QStringLiteral("dirty"));
        if (!dirty.isUndefined() && !dirty.isBool() && bad.isEmpty())
            bad = JsonLocator::child(pointer, QStringLiteral("dirty"));
        r.dirty = dirty.toBool();
        r.codeSha256 = text(o, pointer, QStringLiteral("codeSha256"), false);
        const QString resultPointer = JsonLocator::child(pointer, QStringLiteral("result"));
        const QJsonValue result = o.value(QStringLiteral("result"));
        if (!result.isUndefined() && !result.isObject() && bad.isEmpty())
            bad = resultPointer;
        const QJsonObject ro = result.toObject();
        r.version = text(ro, resultPointer, QStringLiteral("version"), false);
        r.arn = text(ro, resultPointer, QStringLiteral("arn"), false);
        r.url = text(ro, resultPointer, QStringLiteral("url"), false);
        const QString outcome = text(o, pointer, QStringLiteral("outcome"), true);
        r.message = text(o, pointer, QStringLiteral("message"), false);
        if (!bad.isEmpty())
            return std::unexpected(
                problem(ErrorCode::Validation, bad,
                        QStringLiteral("%1 is missing or has the wrong type").arg(bad)));
        const auto parsedOutcome = deployOutcomeFromName(outcome);
        if (!parsedOutcome)
            return std::unexpected(problem(
                ErrorCode::Validation, JsonLocator::child(pointer, QStringLiteral("outcome")),
                QStringLiteral("\"%1\" is not an outcome (succeeded, failed or cancelled)")
                    .arg(outcome)));
        r.outcome = *parsedOutcome;
        return r;
    }

private:
    QString m_path;
    JsonLocator m_locator;
};

Result<LoadedLog> load(const QString& path)
{
    LoadedLog log;
    if (!QFileInfo::exists(path) && !QFileInfo(path).isSymLink()) {
        log.root = QJsonObject{{kVersion, DeployLog::kFormatVersion}, {kDeploys, QJsonArray()}};
        return log;
    }
    const auto text = readTextFile(path, kMaxLogBytes);
    if (!text) {
        Error e = text.error();
        e.message += QStringLiteral(" Deploys are not recorded until the deploy log can be read.");
        return std::unexpected(e);
    }
    const QByteArray utf8 = text->toUtf8();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition at = positionAtUtf8(utf8, parseError.offset);
        const QString what =
            QStringLiteral("the deploy log is not valid JSON (%1)").arg(parseError.errorString());
        Error e{ErrorCode::Parse,
                QStringLiteral("%1:%2:%3: %4; fix or move the file (deploys are not recorded "
                               "until then).")
                    .arg(QDir::toNativeSeparators(path))
                    .arg(at.line)
                    .arg(at.column)
                    .arg(what),
                {},
                {}};
        e.diagnostics.append(Diagnostic{Severity::Error, path, {}, at.line, at.column, what});
        return std::unexpected(e);
    }
    const LogReader reader(path, utf8);
    if (!doc.isObject())
        return std::unexpected(reader.problem(
            ErrorCode::Validation, {},
            QStringLiteral("the deploy log must be an object with \"version\" and \"deploys\"")));
    log.root = doc.object();
    const QJsonValue version = log.root.value(kVersion);
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1)
        return std::unexpected(reader.problem(ErrorCode::Validation, QStringLiteral("/version"),
                                              QStringLiteral("\"version\" must be a whole number "
                                                             "from 1")));
    if (version.toInt() > DeployLog::kFormatVersion)
        return std::unexpected(reader.problem(
            ErrorCode::Unsupported, QStringLiteral("/version"),
            QStringLiteral("the deploy log has version %1, written by a newer Serverless "
                           "Workbench (this one reads version %2)")
                .arg(version.toInt())
                .arg(DeployLog::kFormatVersion)));
    const QJsonValue deploys = log.root.value(kDeploys);
    if (!deploys.isArray())
        return std::unexpected(reader.problem(ErrorCode::Validation, QStringLiteral("/deploys"),
                                              QStringLiteral("\"deploys\" must be an array")));
    const QJsonArray array = deploys.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto record = reader.record(array.at(i), JsonLocator::child(QStringLiteral("/deploys"), i));
        if (!record)
            return std::unexpected(record.error());
        log.records.append(std::move(*record));
    }
    return log;
}

} // namespace

QString deployOutcomeName(DeployOutcome outcome)
{
    switch (outcome) {
    case DeployOutcome::Succeeded:
        return QStringLiteral("succeeded");
    case DeployOutcome::Failed:
        return QStringLiteral("failed");
    case DeployOutcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<DeployOutcome> deployOutcomeFromName(const QString& name)
{
    for (DeployOutcome o :
         {DeployOutcome::Succeeded, DeployOutcome::Failed, DeployOutcome::Cancelled})
        if (deployOutcomeName(o) == name)
            return o;
    return std::nullopt;
}

DeployLog::DeployLog(const QString& workspaceFolder)
    : m_path(QDir(workspaceFolder).filePath(QStringLiteral(".swb/deploys.json")))
{}

Result<DeployRecord> DeployLog::append(DeployRecord record)
{
    // What all() requires of a record; writing less would make the log unreadable.
    if (record.provider.isEmpty() || record.function.isEmpty() || !record.startedAt.isValid())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A deploy record needs a provider, a function and a start "
                                   "time; it was not added to %1.")
                        .arg(QDir::toNativeSeparators(m_path)));
    auto loaded = load(m_path);
    if (!loaded)
        return std::unexpected(loaded.error());
    if (record.id.isEmpty())
        record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonArray deploys = loaded->root.value(kDeploys).toArray();
    deploys.append(toJson(record));
    loaded->root.insert(kDeploys, deploys);

    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(ErrorCode::Io, QStringLiteral("Cannot create the folder %1; check that the "
                                                  "workspace is writable.")
                                       .arg(QDir::toNativeSeparators(folder)));
    const QByteArray bytes = writeJson(loaded->root, keyOrder());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2; check that the workspace "
                                                  "is writable.")
                                       .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    return record;
}

Result<QList<DeployRecord>> DeployLog::all() const
{
    auto loaded = load(m_path);
    if (!loaded)
        return std::unexpected(loaded.error());
    return std::move(loaded->records);
}

Result<QList<DeployRecord>> DeployLog::forFunction(const QString& function) const
{
    auto records = all();
    if (records)
        records->removeIf([&](const DeployRecord& r) { return r.function != function; });
    return records;
}

Result<std::optional<DeployRecord>> DeployLog::latestSucceeded(const QString& function,
                                                               const QString& provider) const
{
    const auto records = all();
    if (!records)
        return std::unexpected(records.error());
    for (auto it = records->crbegin(); it != records->crend(); ++it)
        if (it->function == function && it->provider == provider &&
            it->outcome == DeployOutcome::Succeeded)
            return std::optional<DeployRecord>(*it);
    return std::optional<DeployRecord>();
}

} // namespace swb
