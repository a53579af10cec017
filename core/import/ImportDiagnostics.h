#pragma once
// Collects what an importer found wrong (errors) or left out (warnings), each at its place.

#include "Error.h"

#include <QList>
#include <QString>

namespace swb {

struct YamlNode;

class ImportDiagnostics {
public:
    explicit ImportDiagnostics(QString file);

    // `at` gives the line and column; the same warning at the same place is kept once.
    void warn(const YamlNode& at, const QString& pointer, const QString& message);
    void warnAt(int line, int column, const QString& pointer, const QString& message);
    void error(const YamlNode& at, const QString& pointer, const QString& message);
    void errorAt(int line, int column, const QString& pointer, const QString& message);

    bool hasErrors() const { return !m_errors.isEmpty(); }
    const QList<Diagnostic>& warnings() const { return m_warnings; }
    const QString& file() const { return m_file; }

    // ErrorCode::Validation naming the file, carrying every error found.
    Error validationError() const;

private:
    QString m_file;
    QList<Diagnostic> m_warnings;
    QList<Diagnostic> m_errors;
};

} // namespace swb
