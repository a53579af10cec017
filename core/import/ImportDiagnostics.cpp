#include "ImportDiagnostics.h"

#include "YamlNode.h"

namespace swb {

namespace {

void appendOnce(QList<Diagnostic>& list, Diagnostic diagnostic)
{
    for (const Diagnostic& d : list) {
        if (d.pointer == diagnostic.pointer && d.message == diagnostic.message)
            return;
    }
    list.append(std::move(diagnostic));
}

} // namespace

ImportDiagnostics::ImportDiagnostics(QString file) : m_file(std::move(file)) {}

void ImportDiagnostics::warn(const YamlNode& at, const QString& pointer, const QString& message)
{
    warnAt(at.line, at.column, pointer, message);
}

void ImportDiagnostics::warnAt(int line, int column, const QString& pointer, const QString& message)
{
    appendOnce(m_warnings, Diagnostic{Severity::Warning, m_file, pointer, line, column, message});
}

void ImportDiagnostics::error(const YamlNode& at, const QString& pointer, const QString& message)
{
    errorAt(at.line, at.column, pointer, message);
}

void ImportDiagnostics::errorAt(int line, int column, const QString& pointer,
                                const QString& message)
{
    appendOnce(m_errors, Diagnostic{Severity::Error, m_file, pointer, line, column, message});
}

Error ImportDiagnostics::validationError() const
{
    const QString& name = m_file;
    const QString message =
        m_errors.size() == 1
            ? QStringLiteral("%1 cannot be imported because of 1 problem; fix it and import "
                             "again.")
                  .arg(name)
            : QStringLiteral("%1 cannot be imported because of %2 problems; fix them and "
                             "import again.")
                  .arg(name)
                  .arg(m_errors.size());
    return Error{ErrorCode::Validation, message, m_file, m_errors};
}

} // namespace swb
