#include "OutcomeText.h"

namespace swb {

QString OutcomeText::of(InvocationOutcome outcome)
{
    switch (outcome) {
    case InvocationOutcome::Success:
        return tr("success");
    case InvocationOutcome::FunctionError:
        return tr("function error");
    case InvocationOutcome::InitError:
        return tr("init error");
    case InvocationOutcome::Timeout:
        return tr("timeout");
    case InvocationOutcome::RuntimeExit:
        return tr("runtime exited");
    case InvocationOutcome::Throttled:
        return tr("throttled");
    case InvocationOutcome::InvalidRequest:
        return tr("invalid request");
    case InvocationOutcome::ResponseTooLarge:
        return tr("response too large");
    case InvocationOutcome::OutOfMemory:
        return tr("out of memory");
    }
    return outcomeName(outcome);
}

QString OutcomeText::ofName(const QString& name)
{
    for (InvocationOutcome o :
         {InvocationOutcome::Success, InvocationOutcome::FunctionError,
          InvocationOutcome::InitError, InvocationOutcome::Timeout, InvocationOutcome::RuntimeExit,
          InvocationOutcome::Throttled, InvocationOutcome::InvalidRequest,
          InvocationOutcome::ResponseTooLarge, InvocationOutcome::OutOfMemory}) {
        if (outcomeName(o) == name)
            return of(o);
    }
    return name;
}

} // namespace swb
