#include "Destinations.h"

#include "TriggerSpec.h"

namespace swb {

Result<DestinationTarget> DestinationTarget::parse(const QString& text)
{
    const QString s = text.trimmed();
    DestinationTarget target;
    if (s.startsWith(QLatin1String("function:"))) {
        target.name = s.mid(9);
    } else if (s.startsWith(QLatin1String("queue:"))) {
        target.kind = Kind::Queue;
        target.name = s.mid(6);
    } else if (s.startsWith(QLatin1String("arn:aws:lambda:")) &&
               s.section(QLatin1Char(':'), 5, 5) == QLatin1String("function")) {
        target.name = s.section(QLatin1Char(':'), 6, 6);
    } else if (s.startsWith(QLatin1String("arn:aws:sqs:"))) {
        target.kind = Kind::Queue;
        target.name = sqsQueueName(s);
    }
    if (target.name.isEmpty())
        return fail(ErrorCode::Validation,
                    QStringLiteral("\"%1\" is not a destination; write \"function:NAME\" or "
                                   "\"queue:NAME\" (or a Lambda function or SQS queue ARN).")
                        .arg(text));
    if (target.kind == Kind::Queue) {
        if (const QString problem = sqsQueueNameProblem(target.name); !problem.isEmpty())
            return fail(ErrorCode::Validation, problem);
    }
    return target;
}

} // namespace swb
