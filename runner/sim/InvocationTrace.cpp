#include "InvocationTrace.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace swb::sim {

namespace {

constexpr int kFixedColumns = 4; // HashOwner, HashApp, HashFunction, Trigger

Error formatError(const QString& file, int line, const QString& what)
{
    Error e{ErrorCode::Validation,
            QStringLiteral("%1:%2: %3 Expected the Azure Functions 2019 trace format "
                           "(HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440).")
                .arg(QFileInfo(file).fileName())
                .arg(line)
                .arg(what),
            QStringLiteral("file %1").arg(file),
            {}};
    e.diagnostics.append(Diagnostic{Severity::Error, file, {}, line, 0, what});
    return e;
}

// The third comma-separated field of `line`, without copying.
QByteArrayView thirdField(QByteArrayView line)
{
    const qsizetype first = line.indexOf(',');
    if (first < 0)
        return {};
    const qsizetype second = line.indexOf(',', first + 1);
    if (second < 0)
        return {};
    qsizetype third = line.indexOf(',', second + 1);
    if (third < 0)
        third = line.size();
    return line.sliced(second + 1, third - second - 1);
}

} // namespace

Result<QStringList> InvocationTrace::functionsIn(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot read the trace %1: %2.").arg(path, file.errorString()));
    const QByteArray header = file.readLine().trimmed();
    if (header.isEmpty())
        return std::unexpected(formatError(path, 1, QStringLiteral("The file is empty.")));
    const QList<QByteArray> names = header.split(',');
    if (names.size() <= kFixedColumns || names.at(2) != "HashFunction")
        return std::unexpected(formatError(
            path, 1, QStringLiteral("The header has no HashFunction as its third column.")));
    QStringList hashes;
    QSet<QByteArray> seen;
    int lineNumber = 1;
    while (!file.atEnd()) {
        const QByteArray raw = file.readLine();
        ++lineNumber;
        const QByteArrayView line = QByteArrayView(raw).trimmed();
        if (line.isEmpty())
            continue;
        const QByteArrayView hash = thirdField(line);
        if (hash.isEmpty())
            return std::unexpected(
                formatError(path, lineNumber, QStringLiteral("The row has no HashFunction.")));
        const QByteArray key = hash.toByteArray();
        if (!seen.contains(key)) {
            seen.insert(key);
            hashes << QString::fromUtf8(key);
        }
    }
    if (hashes.isEmpty())
        return std::unexpected(formatError(path, 1, QStringLiteral("The file has no rows.")));
    return hashes;
}

Result<InvocationTrace> InvocationTrace::load(const QStringList& files, const QString& functionHash)
{
    InvocationTrace trace;
    trace.function = functionHash;
    trace.files = files;
    if (files.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("No trace file was given."));
    const QByteArray wanted = functionHash.toUtf8();
    bool foundAnywhere = false;
    QStringList someHashes;
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                ErrorCode::Io,
                QStringLiteral("Cannot read the trace %1: %2.").arg(path, file.errorString()));
        int lineNumber = 1;
        QByteArray header = file.readLine().trimmed();
        const QList<QByteArray> names = header.split(',');
        if (header.isEmpty())
            return std::unexpected(formatError(path, 1, QStringLiteral("The file is empty.")));
        if (names.size() <= kFixedColumns || names.at(2) != "HashFunction")
            return std::unexpected(formatError(
                path, 1, QStringLiteral("The header has no HashFunction as its third column.")));
        const int minutes = int(names.size()) - kFixedColumns;
        for (int m = 0; m < minutes; ++m) {
            if (names.at(kFixedColumns + m).trimmed() != QByteArray::number(m + 1))
                return std::unexpected(formatError(
                    path, 1,
                    QStringLiteral("Column %1 of the header is \"%2\", not the minute %3.")
                        .arg(kFixedColumns + m + 1)
                        .arg(QString::fromUtf8(names.at(kFixedColumns + m)))
                        .arg(m + 1)));
        }
        const size_t dayStart = trace.countsPerMinute.size();
        trace.countsPerMinute.resize(dayStart + size_t(minutes), 0);
        while (!file.atEnd()) {
            const QByteArray raw = file.readLine();
            ++lineNumber;
            const QByteArrayView line = QByteArrayView(raw).trimmed();
            if (line.isEmpty())
                continue;
            const QByteArrayView hash = thirdField(line);
            if (hash != QByteArrayView(wanted)) {
                if (someHashes.size() < 5 && !hash.isEmpty())
                    someHashes << QString::fromUtf8(hash);
                continue;
            }
            foundAnywhere = true;
            const QList<QByteArray> fields = line.toByteArray().split(',');
            if (fields.size() != names.size())
                return std::unexpected(
                    formatError(path, lineNumber,
                                QStringLiteral("The row has %1 columns where the header has %2.")
                                    .arg(fields.size())
                                    .arg(names.size())));
            for (int m = 0; m < minutes; ++m) {
                bool ok = false;
                const qulonglong n = fields.at(kFixedColumns + m).trimmed().toULongLong(&ok);
                if (!ok || n > 0xffffffffULL)
                    return std::unexpected(formatError(
                        path, lineNumber,
                        QStringLiteral("Minute %1 holds \"%2\", not an invocation count.")
                            .arg(m + 1)
                            .arg(QString::fromUtf8(fields.at(kFixedColumns + m)))));
                trace.countsPerMinute[dayStart + size_t(m)] += quint32(n);
                trace.totalInvocations += n;
            }
        }
    }
    if (!foundAnywhere)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("There is no function %1 in %2. Give a HashFunction from the "
                                   "file, such as: %3.")
                        .arg(functionHash, files.join(QStringLiteral(", ")),
                             someHashes.isEmpty() ? QStringLiteral("(the file has no rows)")
                                                  : someHashes.join(QStringLiteral(", "))));
    return trace;
}

} // namespace swb::sim
