#pragma once
// Where the result of an asynchronous invocation goes (Lambda's destinations): another
// function, invoked asynchronously, or a queue, each written "function:NAME" or "queue:NAME"
// (or a Lambda or SQS ARN).

#include "Error.h"

#include <QString>

namespace swb {

struct DestinationTarget {
    enum class Kind { Function, Queue };
    Kind kind = Kind::Function;
    QString name;

    // "function:resize", "queue:results", "arn:aws:lambda:REGION:ACCT:function:resize",
    // "arn:aws:sqs:REGION:ACCT:results"; anything else is an error saying what is allowed.
    static Result<DestinationTarget> parse(const QString& text);
};

struct FunctionDestinations {
    QString onSuccess; // as written; empty: none
    QString onFailure;

    bool isEmpty() const { return onSuccess.isEmpty() && onFailure.isEmpty(); }
};

} // namespace swb
