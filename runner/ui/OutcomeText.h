#pragma once
// An invocation's outcome in the window's language ("success" → "Erfolg"), for what a person
// reads: the run panel's summary, the status bar. Machine output (REPORT lines, JSON, the
// history) keeps outcomeName()'s English ids.

#include "InvocationRecord.h"

#include <QCoreApplication>

namespace swb {

struct OutcomeText {
    Q_DECLARE_TR_FUNCTIONS(OutcomeText)
public:
    static QString of(InvocationOutcome outcome);
    // From outcomeName()'s id ("function-error"); an unknown id is shown as it is.
    static QString ofName(const QString& name);
};

} // namespace swb
