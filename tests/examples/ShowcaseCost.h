#pragma once
// What `swb cost` says of an example workspace's scenarios, read from its own --json output:
// the totals and volumes of several scenarios side by side (--compare), and one scenario's
// break-even against the always-on server (--break-even). The showcase tests check the
// relations their READMEs state with these, never typed figures.

#include "SwbProcess.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace swb::test {

struct ComparedScenarios {
    QString error;                      // empty when swb answered
    QHash<QString, double> total;       // the month's total, by scenario
    QHash<QString, double> invocations; // invocations a month, by scenario
};

inline ComparedScenarios compareScenarios(const QString& workspace, const QStringList& names)
{
    ComparedScenarios compared;
    const SwbRun run = runSwb({QStringLiteral("cost"), QStringLiteral("--workspace"), workspace,
                               QStringLiteral("--compare"), names.join(QLatin1Char(',')),
                               QStringLiteral("--json")});
    if (run.exitCode != 0) {
        compared.error = run.err;
        return compared;
    }
    for (const QJsonValue& s : QJsonDocument::fromJson(run.out.toUtf8())
                                   .object()
                                   .value(QStringLiteral("scenarios"))
                                   .toArray()) {
        const QJsonObject o = s.toObject();
        const QString name = o.value(QStringLiteral("name")).toString();
        compared.total[name] = o.value(QStringLiteral("breakdown"))
                                   .toObject()
                                   .value(QStringLiteral("total"))
                                   .toString()
                                   .toDouble();
        compared.invocations[name] = o.value(QStringLiteral("invocations")).toDouble();
    }
    if (compared.total.size() != names.size())
        compared.error = QStringLiteral("swb cost --compare priced %1 of %2 scenarios: %3")
                             .arg(compared.total.size())
                             .arg(names.size())
                             .arg(run.out);
    return compared;
}

struct BreakEven {
    QString error;                   // empty when swb answered
    QString serverId;                // the server compared with ("aws.t4g.small")
    double serverMonthly = 0;        // the always-on server's month
    double invocationsPerMonth = -1; // where the function costs as much; -1: not within reach
};

// `extra`: more options, such as {"--server", "aws.m5.large"}.
inline BreakEven breakEven(const QString& workspace, const QString& scenario,
                           const QStringList& extra = {})
{
    BreakEven even;
    const SwbRun run =
        runSwb(QStringList{QStringLiteral("cost"), QStringLiteral("--workspace"), workspace,
                           QStringLiteral("--scenario"), scenario, QStringLiteral("--break-even"),
                           QStringLiteral("--json")} +
               extra);
    if (run.exitCode != 0) {
        even.error = run.err;
        return even;
    }
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    even.serverId = o.value(QStringLiteral("serverId")).toString();
    even.serverMonthly = o.value(QStringLiteral("serverMonthly")).toString().toDouble();
    const QJsonValue volume = o.value(QStringLiteral("invocationsPerMonth"));
    if (volume.isDouble())
        even.invocationsPerMonth = volume.toDouble();
    return even;
}

} // namespace swb::test
