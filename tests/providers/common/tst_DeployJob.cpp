// A deploy job reports steps, finishes exactly once, and a cancel wins over a late reply.
#include "common/DeployJob.h"

#include <QSignalSpy>
#include <QTest>

using namespace swb;

class tst_DeployJob : public QObject {
    Q_OBJECT
private slots:
    void stepsThenOneResult()
    {
        DeployJob job;
        QSignalSpy steps(&job, &DeployJob::stepStarted);
        QSignalSpy finished(&job, &DeployJob::finished);
        job.beginStep(DeployJob::kPackage, "Packaging");
        job.beginStep(DeployJob::kUpload, "Uploading");
        QCOMPARE(job.currentStep(), QStringLiteral("upload"));
        DeployResult r;
        r.version = "2";
        job.finish(r);
        job.finish(fail(ErrorCode::Remote, "late failure"));
        job.beginStep(DeployJob::kReady, "after the end");
        QCOMPARE(steps.count(), 2);
        QCOMPARE(finished.count(), 1);
        QVERIFY(job.result()->has_value());
        QCOMPARE((*job.result())->version, QStringLiteral("2"));
    }

    void cancelFinishesAtTheNextStepBoundary()
    {
        DeployJob job;
        QSignalSpy cancel(&job, &DeployJob::cancelRequested);
        job.beginStep(DeployJob::kUpload, "Uploading");
        QVERIFY(!job.finishIfCancelled());
        job.cancel();
        job.cancel();
        QCOMPARE(cancel.count(), 1);
        QVERIFY(!job.isFinished()); // the provider decides when
        QVERIFY(job.finishIfCancelled());
        QCOMPARE(job.result()->error().code, ErrorCode::Cancelled);
        QVERIFY(job.result()->error().message.contains("upload"));
        job.finish(DeployResult{}); // the reply that arrives after the cancel is ignored
        QVERIFY(!job.result()->has_value());
    }

    void cancelAfterTheEndChangesNothing()
    {
        DeployJob job;
        job.finish(DeployResult{});
        QSignalSpy cancel(&job, &DeployJob::cancelRequested);
        job.cancel();
        QCOMPARE(cancel.count(), 0);
        QVERIFY(job.result()->has_value());
    }
};

QTEST_GUILESS_MAIN(tst_DeployJob)
#include "tst_DeployJob.moc"
