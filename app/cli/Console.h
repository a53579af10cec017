#pragma once
// Where the CLI writes: results to stdout, problems to stderr, one clear sentence first.

#include "Error.h"

#include <QJsonValue>
#include <QTextStream>

namespace swb::cli {

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

} // namespace swb::cli
