// labels: integration
// examples/media-pipeline end to end through `swb serve`: one upload fans out to a worker per
// rendition whose results reach the aggregator through onSuccess destinations; a failing
// worker's record takes the onFailure path; the cost scenarios say what the README says.
#include "ServedExample.h"
#include "ShowcaseCost.h"

#include <QJsonArray>
#include <QSet>
#include <QStandardPaths>

using swb::test::ServedExample;

namespace {

// The job a saved upload event starts, as split answers it: {jobId, parts}.
QJsonObject upload(ServedExample& served, const QString& event)
{
    QFile file(served.folder() + QStringLiteral("/events/split/") + event +
               QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const auto r = served.invoke(QStringLiteral("split"), file.readAll());
    return r.json().value(QStringLiteral("jobs")).toArray().at(0).toObject();
}

// The job once the aggregator has finished it (or the last state seen after 45 s).
QJsonObject finished(ServedExample& served, const QString& jobId)
{
    QJsonObject job;
    (void)QTest::qWaitFor(
        [&] {
            job = served.request("GET", QStringLiteral("/jobs/") + jobId).json();
            return job.value(QStringLiteral("status")).toString() != QLatin1String("processing") &&
                   !job.isEmpty();
        },
        45000);
    return job;
}

} // namespace

class tst_ShowcaseMedia : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void uploadFansOutAndTheFailureTakesTheOnFailurePath();
    void workersAreTheBillAndPassTheServerBreakEven();
};

void tst_ShowcaseMedia::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed");
}

void tst_ShowcaseMedia::uploadFansOutAndTheFailureTakesTheOnFailurePath()
{
    ServedExample served(QStringLiteral("media-pipeline"));
    const QString started = served.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));

    const QJsonObject job = upload(served, QStringLiteral("video-uploaded"));
    const QString jobId = job.value(QStringLiteral("jobId")).toString();
    const int parts = job.value(QStringLiteral("parts")).toInt();
    QVERIFY2(!jobId.isEmpty(), qPrintable(served.log()));
    QVERIFY(parts > 1);

    const QJsonObject done = finished(served, jobId);
    QVERIFY2(done.value(QStringLiteral("status")).toString() == QLatin1String("complete"),
             qPrintable(QJsonDocument(done).toJson() + served.log()));
    const QJsonArray results = done.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), parts);
    QSet<QString> workers;
    QSet<QString> renditions;
    for (const QJsonValue& v : results) {
        const QJsonObject part = v.toObject();
        QCOMPARE(part.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QVERIFY(part.value(QStringLiteral("outputKey"))
                    .toString()
                    .startsWith(QStringLiteral("renditions/") +
                                part.value(QStringLiteral("rendition")).toString()));
        workers << part.value(QStringLiteral("workerRequestId")).toString();
        renditions << part.value(QStringLiteral("rendition")).toString();
    }
    // One worker invocation per part, each recorded from its own destination record.
    QCOMPARE(workers.size(), parts);
    QCOMPARE(renditions.size(), parts);

    // The same notification delivered again starts no second fan-out.
    QCOMPARE(
        upload(served, QStringLiteral("video-uploaded")).value(QStringLiteral("jobId")).toString(),
        jobId);

    // A corrupt source: its 1080p worker fails, is not retried (maximumRetryAttempts 0) and
    // its record reaches record-failure; the other parts still reach aggregate.
    const QJsonObject corrupt = upload(served, QStringLiteral("corrupt-video-uploaded"));
    const QString corruptId = corrupt.value(QStringLiteral("jobId")).toString();
    QVERIFY(!corruptId.isEmpty() && corruptId != jobId);
    const QJsonObject failed = finished(served, corruptId);
    QVERIFY2(failed.value(QStringLiteral("status")).toString() == QLatin1String("failed"),
             qPrintable(QJsonDocument(failed).toJson() + served.log()));
    const QJsonArray failedResults = failed.value(QStringLiteral("results")).toArray();
    QCOMPARE(failedResults.size(), corrupt.value(QStringLiteral("parts")).toInt());
    int failures = 0;
    for (const QJsonValue& v : failedResults) {
        const QJsonObject part = v.toObject();
        if (part.value(QStringLiteral("status")).toString() != QLatin1String("failed"))
            continue;
        ++failures;
        QCOMPARE(part.value(QStringLiteral("rendition")).toString(), QStringLiteral("1080p"));
        QVERIFY(part.value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("damaged frame")));
        QCOMPARE(part.value(QStringLiteral("attempts")).toInt(), 1);
    }
    QCOMPARE(failures, 1);
}

void tst_ShowcaseMedia::workersAreTheBillAndPassTheServerBreakEven()
{
    const QString workspace = QStringLiteral(SWB_SOURCE_DIR "/examples/media-pipeline");
    const auto compared = swb::test::compareScenarios(
        workspace, {QStringLiteral("transcode"), QStringLiteral("transcode-x86"),
                    QStringLiteral("split"), QStringLiteral("aggregate")});
    QVERIFY2(compared.error.isEmpty(), qPrintable(compared.error));
    const auto& total = compared.total;
    const auto& invocations = compared.invocations;
    // README: Arm is cheaper for the compute-bound worker, and the workers are the bill.
    QVERIFY(total.value(QStringLiteral("transcode")) <
            total.value(QStringLiteral("transcode-x86")));
    QVERIFY(total.value(QStringLiteral("transcode")) >
            10 * (total.value(QStringLiteral("split")) + total.value(QStringLiteral("aggregate"))));

    const auto even =
        swb::test::breakEven(workspace, QStringLiteral("transcode"),
                             {QStringLiteral("--server"), QStringLiteral("aws.m5.large")});
    QVERIFY2(even.error.isEmpty(), qPrintable(even.error));
    QCOMPARE(even.serverId, QStringLiteral("aws.m5.large"));
    // README: at this volume the workers are past the break-even; the server costs less.
    QVERIFY(even.invocationsPerMonth > 0);
    QVERIFY(even.invocationsPerMonth < invocations.value(QStringLiteral("transcode")));
    QVERIFY(even.serverMonthly < total.value(QStringLiteral("transcode")));
}

QTEST_GUILESS_MAIN(tst_ShowcaseMedia)
#include "tst_ShowcaseMedia.moc"
