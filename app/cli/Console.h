#pragma once
// Where the CLI writes: results to stdout, problems to stderr, one clear sentence first.

#include "Error.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QTextStream>

namespace swb::cli {

// Every message swb shows a person goes through Tr::tr("..."), one shared context "swb" in
// translations/*.ts (lupdate reads Tr::tr like QCoreApplication::translate("swb", ...)).
// Machine output (JSON, CSV, tokens, ids, Lambda's REPORT lines) is never translated.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(swb)
};

enum ExitCode { kSuccess = 0, kFailed = 1, kUsage = 2 };

class Console {
public:
    Console();
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    void printJson(const QJsonValue& value);
    int failed(const Error& error);                            // prints the error, returns kFailed
    int usage(const QString& message, const QString& command); // returns kUsage
    void printDiagnostics(const QList<Diagnostic>& diagnostics);

private:
    QTextStream m_out;
    QTextStream m_err;
};

QJsonObject diagnosticToJson(const Diagnostic& d);

// Table cells by terminal columns: a Chinese character takes two, so translated headings line up.
qsizetype displayWidth(const QString& text);
QString padLeft(const QString& text, qsizetype width);  // rightJustified, in columns
QString padRight(const QString& text, qsizetype width); // leftJustified, in columns

} // namespace swb::cli
