#include "Console.h"

#include "format/JsonWriter.h"

#include <QJsonObject>
#include <algorithm>
#include <cstdio>

namespace swb::cli {

Console::Console() : m_out(stdout), m_err(stderr) {}

void Console::printJson(const QJsonValue& value)
{
    m_out << QString::fromUtf8(writeJson(value));
    m_out.flush();
}

int Console::failed(const Error& error)
{
    // Library errors (core, runner, providers) stay English; the framing around them translates.
    m_err << Tr::tr("swb: %1").arg(error.message) << '\n';
    printDiagnostics(error.diagnostics);
    m_err.flush();
    return kFailed;
}

int Console::usage(const QString& message, const QString& command)
{
    m_err << Tr::tr("swb: %1").arg(message) << '\n'
          << (command.isEmpty() ? Tr::tr("Run \"swb --help\" for usage.")
                                : Tr::tr("Run \"swb %1 --help\" for usage.").arg(command))
          << '\n';
    m_err.flush();
    return kUsage;
}

void Console::printDiagnostics(const QList<Diagnostic>& diagnostics)
{
    for (const Diagnostic& d : diagnostics)
        m_err << "  " << d.toString() << '\n';
    m_err.flush();
}

qsizetype displayWidth(const QString& text)
{
    qsizetype width = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // East Asian Wide and Fullwidth ranges of the BMP (CJK, Hangul, fullwidth forms).
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) ||
                          (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF) ||
                          (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60) ||
                          (u >= 0xFFE0 && u <= 0xFFE6);
        width += wide ? 2 : 1;
    }
    return width;
}

QString padLeft(const QString& text, qsizetype width)
{
    return QString(std::max<qsizetype>(0, width - displayWidth(text)), QLatin1Char(' ')) + text;
}

QString padRight(const QString& text, qsizetype width)
{
    return text + QString(std::max<qsizetype>(0, width - displayWidth(text)), QLatin1Char(' '));
}

QJsonObject diagnosticToJson(const Diagnostic& d)
{
    QJsonObject o;
    o.insert(QStringLiteral("severity"),
             d.severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning"));
    o.insert(QStringLiteral("file"), d.file);
    o.insert(QStringLiteral("pointer"), d.pointer);
    o.insert(QStringLiteral("line"), d.line);
    o.insert(QStringLiteral("column"), d.column);
    o.insert(QStringLiteral("message"), d.message);
    return o;
}

} // namespace swb::cli
