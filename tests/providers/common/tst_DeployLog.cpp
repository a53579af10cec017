#include "common/DeployLog.h"

#include "TestFiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace swb;

namespace {

DeployRecord record(const QString& function, const QString& provider, DeployOutcome outcome,
                    const QString& version)
{
    DeployRecord r;
    r.provider = provider;
    r.target = QStringLiteral("prod");
    r.function = function;
    r.startedAt = QDateTime(QDate(2026, 11, 27), QTime(6, 0, 0, 125), QTimeZone::utc());
    r.finishedAt = r.startedAt.addMSecs(41250);
    r.commitId = QStringLiteral("3f2a9c1d0e8b7a6f5e4d3c2b1a09f8e7d6c5b4a3");
    r.codeSha256 = QStringLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    r.version = version;
    r.outcome = outcome;
    return r;
}

} // namespace

class tst_DeployLog : public QObject {
    Q_OBJECT
private slots:
    void init();
    void missingFileIsEmptyLog();
    void recordRoundTripsExactly();
    void writesVersionedDocument();
    void appendAssignsIds();
    void forFunctionKeepsOrder();
    void latestSucceededSkipsFailuresAndOtherProviders();
    void corruptFileIsReportedAndLeftUntouched();
    void wrongFieldIsReportedWithLine();
    void newerVersionIsRefused();
    void unreadableFileIsReported();
    void keepsFieldsItDoesNotKnow();
    void refusesIncompleteRecord();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_DeployLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_DeployLog::missingFileIsEmptyLog()
{
    const DeployLog log(m_dir->path());
    QCOMPARE(log.filePath(), m_dir->filePath(QStringLiteral(".swb/deploys.json")));
    const auto all = log.all();
    QVERIFY(all.has_value());
    QVERIFY(all->isEmpty());
    const auto latest = log.latestSucceeded(QStringLiteral("hello"), QStringLiteral("aws"));
    QVERIFY(latest.has_value());
    QVERIFY(!latest->has_value());
    QVERIFY(!QFileInfo::exists(log.filePath())); // reading creates nothing
}

void tst_DeployLog::recordRoundTripsExactly()
{
    DeployRecord r = record(QStringLiteral("hello"), QStringLiteral("aws"),
                            DeployOutcome::Succeeded, QStringLiteral("7"));
    r.id = QStringLiteral("d-0001");
    r.dirty = true;
    r.arn = QStringLiteral("arn:aws:lambda:eu-west-1:123456789012:function:hello:7");
    r.url = QStringLiteral("https://abcdefghij.lambda-url.eu-west-1.on.aws/");
    r.message = QStringLiteral("Deployed “hello” — 1.2 MB, \"quoted\"\nsecond line");
    DeployRecord cancelled =
        record(QStringLiteral("other"), QStringLiteral("azure"), DeployOutcome::Cancelled, {});
    cancelled.id = QStringLiteral("d-0002");
    cancelled.finishedAt = QDateTime(); // not finished
    cancelled.commitId.clear();

    QVERIFY(DeployLog(m_dir->path()).append(r).has_value());
    QVERIFY(DeployLog(m_dir->path()).append(cancelled).has_value());
    const auto all = DeployLog(m_dir->path()).all(); // a fresh reader: only the file is shared
    QVERIFY2(all.has_value(), qPrintable(all ? QString() : all.error().message));
    QCOMPARE(all->size(), 2);
    QVERIFY(all->at(0) == r);
    QVERIFY(all->at(1) == cancelled);
    QCOMPARE(all->at(0).startedAt.time().msec(), 125);
    QCOMPARE(all->at(0).message, r.message);
}

void tst_DeployLog::writesVersionedDocument()
{
    DeployRecord r =
        record(QStringLiteral("hello"), QStringLiteral("aws"), DeployOutcome::Failed, {});
    r.message = QStringLiteral("The function is being updated; try again.");
    QVERIFY(DeployLog(m_dir->path()).append(r).has_value());
    const QJsonObject root =
        QJsonDocument::fromJson(
            test::readFile(m_dir->filePath(QStringLiteral(".swb/deploys.json"))))
            .object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    const QJsonObject d = root.value(QStringLiteral("deploys")).toArray().at(0).toObject();
    QCOMPARE(d.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
    QCOMPARE(d.value(QStringLiteral("startedAt")).toString(),
             QStringLiteral("2026-11-27T06:00:00.125Z"));
    QCOMPARE(d.value(QStringLiteral("finishedAt")).toString(),
             QStringLiteral("2026-11-27T06:00:41.375Z"));
    QCOMPARE(d.value(QStringLiteral("commit")).toString(), r.commitId);
    QCOMPARE(d.value(QStringLiteral("dirty")).toBool(), false);
    QVERIFY(d.value(QStringLiteral("result")).isObject());
    // A time given in another zone is stored in UTC.
    DeployRecord local = r;
    local.startedAt = QDateTime(QDate(2026, 11, 27), QTime(8, 0), QTimeZone(2 * 3600));
    QVERIFY(DeployLog(m_dir->path()).append(local).has_value());
    const QJsonObject root2 =
        QJsonDocument::fromJson(
            test::readFile(m_dir->filePath(QStringLiteral(".swb/deploys.json"))))
            .object();
    QCOMPARE(root2.value(QStringLiteral("deploys"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QStringLiteral("startedAt"))
                 .toString(),
             QStringLiteral("2026-11-27T06:00:00.000Z"));
}

void tst_DeployLog::appendAssignsIds()
{
    DeployLog log(m_dir->path());
    const auto a = log.append(record(QStringLiteral("f"), QStringLiteral("aws"),
                                     DeployOutcome::Succeeded, QStringLiteral("1")));
    const auto b = log.append(record(QStringLiteral("f"), QStringLiteral("aws"),
                                     DeployOutcome::Succeeded, QStringLiteral("2")));
    QVERIFY(a && b);
    QVERIFY(!a->id.isEmpty());
    QVERIFY(a->id != b->id);
    const auto all = log.all();
    QVERIFY(all.has_value());
    QCOMPARE(all->at(0).id, a->id);
    QCOMPARE(all->at(1).id, b->id);
}

void tst_DeployLog::forFunctionKeepsOrder()
{
    DeployLog log(m_dir->path());
    for (const auto& [fn, v] : QList<std::pair<QString, QString>>{
             {"a", "1"}, {"b", "1"}, {"a", "2"}, {"c", "1"}, {"a", "3"}})
        QVERIFY(log.append(record(fn, QStringLiteral("aws"), DeployOutcome::Succeeded, v)));
    const auto a = log.forFunction(QStringLiteral("a"));
    QVERIFY(a.has_value());
    QCOMPARE(a->size(), 3);
    QCOMPARE(a->at(0).version, QStringLiteral("1"));
    QCOMPARE(a->at(2).version, QStringLiteral("3"));
    QCOMPARE(log.forFunction(QStringLiteral("b"))->size(), 1);
    QVERIFY(log.forFunction(QStringLiteral("zzz"))->isEmpty());
}

void tst_DeployLog::latestSucceededSkipsFailuresAndOtherProviders()
{
    DeployLog log(m_dir->path());
    QVERIFY(log.append(record("hello", "aws", DeployOutcome::Succeeded, "1")));
    QVERIFY(log.append(record("hello", "aws", DeployOutcome::Succeeded, "2")));
    QVERIFY(log.append(record("other", "aws", DeployOutcome::Succeeded, "9")));
    QVERIFY(log.append(record("hello", "aws", DeployOutcome::Failed, "3")));
    QVERIFY(log.append(record("hello", "aws", DeployOutcome::Cancelled, "4")));
    QVERIFY(log.append(record("hello", "azure", DeployOutcome::Succeeded, "az-5")));
    const auto aws = log.latestSucceeded(QStringLiteral("hello"), QStringLiteral("aws"));
    QVERIFY(aws.has_value() && aws->has_value());
    QCOMPARE((*aws)->version, QStringLiteral("2"));
    const auto azure = log.latestSucceeded(QStringLiteral("hello"), QStringLiteral("azure"));
    QCOMPARE((*azure)->version, QStringLiteral("az-5"));
    QVERIFY(!log.latestSucceeded(QStringLiteral("hello"), QStringLiteral("gcp"))->has_value());
}

void tst_DeployLog::corruptFileIsReportedAndLeftUntouched()
{
    const QByteArray corrupt = "{\n"
                               "  \"version\": 1,\n"
                               "  \"deploys\": [\n"
                               "    {\"id\": \"x\",, }\n"
                               "  ]\n"
                               "}\n";
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral(".swb/deploys.json"), corrupt));
    DeployLog log(m_dir->path());
    const auto all = log.all();
    QVERIFY(!all.has_value());
    QCOMPARE(all.error().code, ErrorCode::Parse);
    QVERIFY2(all.error().message.contains(QDir::toNativeSeparators(log.filePath()) +
                                          QStringLiteral(":4:")),
             qPrintable(all.error().message));
    QCOMPARE(all.error().diagnostics.size(), 1);
    QCOMPARE(all.error().diagnostics.first().line, 4);

    const auto appended = log.append(record("hello", "aws", DeployOutcome::Succeeded, "1"));
    QVERIFY(!appended.has_value());
    QCOMPARE(appended.error().code, ErrorCode::Parse);
    QCOMPARE(test::readFile(log.filePath()), corrupt);
    QCOMPARE(QDir(m_dir->filePath(QStringLiteral(".swb"))).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("deploys.json")}); // no temporary left behind
    QVERIFY(!log.latestSucceeded(QStringLiteral("hello"), QStringLiteral("aws")).has_value());
}

void tst_DeployLog::wrongFieldIsReportedWithLine()
{
    const QByteArray text = "{\n"
                            "  \"version\": 1,\n"
                            "  \"deploys\": [\n"
                            "    {\"id\": \"a\", \"provider\": \"aws\", \"function\": \"f\",\n"
                            "     \"startedAt\": \"2026-11-27T06:00:00.000Z\",\n"
                            "     \"outcome\": \"maybe\"}\n"
                            "  ]\n"
                            "}\n";
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral(".swb/deploys.json"), text));
    DeployLog log(m_dir->path());
    const auto all = log.all();
    QVERIFY(!all.has_value());
    QCOMPARE(all.error().code, ErrorCode::Validation);
    QVERIFY2(all.error().message.contains(QStringLiteral(":6:")), qPrintable(all.error().message));
    QVERIFY(all.error().message.contains(QStringLiteral("maybe")));
    QCOMPARE(all.error().diagnostics.first().pointer, QStringLiteral("/deploys/0/outcome"));
    QVERIFY(!log.append(record("f", "aws", DeployOutcome::Succeeded, "1")).has_value());
    QCOMPARE(test::readFile(log.filePath()), text);

    // A missing required field is found too.
    const QByteArray noFunction = "{\"version\": 1, \"deploys\": [{\"id\": \"a\", \"provider\": "
                                  "\"aws\", \"startedAt\": \"2026-11-27T06:00:00Z\", "
                                  "\"outcome\": \"failed\"}]}";
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral(".swb/deploys.json"), noFunction));
    const auto missing = log.all();
    QVERIFY(!missing.has_value());
    QVERIFY(missing.error().message.contains(QStringLiteral("/deploys/0/function")));
}

void tst_DeployLog::newerVersionIsRefused()
{
    const QByteArray text = "{\"version\": 2, \"deploys\": []}";
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral(".swb/deploys.json"), text));
    DeployLog log(m_dir->path());
    const auto all = log.all();
    QVERIFY(!all.has_value());
    QCOMPARE(all.error().code, ErrorCode::Unsupported);
    QVERIFY(all.error().message.contains(QStringLiteral("newer")));
    QVERIFY(!log.append(record("f", "aws", DeployOutcome::Succeeded, "1")).has_value());
    QCOMPARE(test::readFile(log.filePath()), text);
}

void tst_DeployLog::unreadableFileIsReported()
{
    // A folder where the file should be cannot be read, even by root.
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral(".swb/deploys.json"))));
    DeployLog log(m_dir->path());
    const auto all = log.all();
    QVERIFY(!all.has_value());
    QVERIFY(all.error().message.contains(log.filePath()));
    QVERIFY(!log.append(record("f", "aws", DeployOutcome::Succeeded, "1")).has_value());
    QVERIFY(QFileInfo(log.filePath()).isDir());
}

void tst_DeployLog::keepsFieldsItDoesNotKnow()
{
    // A record written by a later minor change (same format version) keeps its extra keys.
    const QByteArray text =
        "{\"version\": 1, \"deploys\": [{\"id\": \"a\", \"provider\": \"aws\", \"function\": "
        "\"f\", \"startedAt\": \"2026-11-27T06:00:00.000Z\", \"outcome\": \"succeeded\", "
        "\"layers\": [\"l1\"]}]}";
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral(".swb/deploys.json"), text));
    DeployLog log(m_dir->path());
    QVERIFY(log.append(record("f", "aws", DeployOutcome::Succeeded, "2")));
    const QJsonArray deploys =
        QJsonDocument::fromJson(test::readFile(log.filePath())).object().value("deploys").toArray();
    QCOMPARE(deploys.size(), 2);
    QCOMPARE(deploys.at(0).toObject().value(QStringLiteral("layers")).toArray().at(0).toString(),
             QStringLiteral("l1"));
}

void tst_DeployLog::refusesIncompleteRecord()
{
    DeployLog log(m_dir->path());
    DeployRecord noFunction = record({}, QStringLiteral("aws"), DeployOutcome::Failed, {});
    DeployRecord noStart =
        record(QStringLiteral("f"), QStringLiteral("aws"), DeployOutcome::Failed, {});
    noStart.startedAt = QDateTime();
    for (const DeployRecord& r : {noFunction, noStart}) {
        const auto appended = log.append(r);
        QVERIFY(!appended.has_value());
        QCOMPARE(appended.error().code, ErrorCode::InvalidArgument);
    }
    QVERIFY(!QFileInfo::exists(log.filePath()));
    QVERIFY(log.all().has_value());
}

QTEST_GUILESS_MAIN(tst_DeployLog)
#include "tst_DeployLog.moc"
