#pragma once
// How the CLI shows invocations: JSON records, a table, a summary line.

#include "Console.h"
#include "InvocationRecord.h"
#include "InvocationStats.h"

#include <QJsonObject>

namespace swb::cli {

QJsonObject recordToJson(const InvocationRecord& record); // documented in docs/cli.md
void printInvocationTable(Console& console, const QList<InvocationRecord>& records);
void printInvocationSummary(Console& console, const InvocationStats& stats);
QJsonObject statsToJson(const InvocationStats& stats);

} // namespace swb::cli
