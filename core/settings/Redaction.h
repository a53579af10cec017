#pragma once
// Keeps secrets out of logs: applied at every boundary where text leaves for a log, a console
// or an error report.

#include <QString>
#include <QStringList>

namespace swb {

// `text` with every occurrence of every non-empty secret replaced by "***". Overlapping or
// adjacent occurrences become one "***", so no part of any secret survives.
QString redactSecrets(QString text, const QStringList& secrets);

} // namespace swb
