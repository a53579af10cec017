// A function's "maximumRetryAttempts" in workbench.json (Lambda's MaximumRetryAttempts of
// asynchronous invocations): read, written back only when set, refused outside 0 to 2.
#include "format/WorkspaceFile.h"

#include "TestFiles.h"

#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using swb::test::writeFile;

namespace {

Result<LoadedWorkspace> load(const QString& folder, const QByteArray& retries)
{
    QByteArray json = R"json({"name": "pay", "functions": [
        {"name": "payment", "runtime": "python3.12", "handler": "app.handler", "codeUri": "code")json";
    if (!retries.isEmpty())
        json += ", \"maximumRetryAttempts\": " + retries;
    json += "}]}\n";
    if (!writeFile(folder, QStringLiteral("workbench.json"), json) ||
        !writeFile(folder, QStringLiteral("code/app.py"), "def handler(e, c):\n    return 1\n"))
        return fail(ErrorCode::Io, QStringLiteral("cannot write the fixture"));
    return WorkspaceFile::load(folder);
}

} // namespace

class tst_WorkspaceRetries : public QObject {
    Q_OBJECT
private slots:
    void unsetMeansLambdaDefault();
    void readsAndSavesBack();
    void refusesOutOfRange_data();
    void refusesOutOfRange();
};

void tst_WorkspaceRetries::unsetMeansLambdaDefault()
{
    QTemporaryDir dir;
    const auto loaded = load(dir.path(), {});
    QVERIFY(loaded.has_value());
    QVERIFY(!loaded->workspace.functions.first().maximumRetryAttempts.has_value());
    QVERIFY(WorkspaceFile::save(loaded->workspace).has_value());
    QVERIFY(!test::readFile(dir.filePath(QStringLiteral("workbench.json")))
                 .contains("maximumRetryAttempts"));
}

void tst_WorkspaceRetries::readsAndSavesBack()
{
    QTemporaryDir dir;
    const auto loaded = load(dir.path(), "0");
    QVERIFY(loaded.has_value());
    QVERIFY(loaded->warnings.isEmpty());
    QCOMPARE(loaded->workspace.functions.first().maximumRetryAttempts, std::optional<int>(0));
    QVERIFY(WorkspaceFile::save(loaded->workspace).has_value());
    const auto again = WorkspaceFile::load(dir.path());
    QVERIFY(again.has_value());
    QCOMPARE(again->workspace.functions.first().maximumRetryAttempts, std::optional<int>(0));
}

void tst_WorkspaceRetries::refusesOutOfRange_data()
{
    QTest::addColumn<QByteArray>("retries");
    QTest::addColumn<QString>("expected");
    // Lambda: MaximumRetryAttempts is 0 to 2.
    QTest::newRow("three") << QByteArray("3") << "3 retries is out of range; allowed: 0 to 2";
    QTest::newRow("negative") << QByteArray("-1") << "-1 retries is out of range";
    QTest::newRow("text") << QByteArray("\"2\"") << "/functions/0/maximumRetryAttempts";
}

void tst_WorkspaceRetries::refusesOutOfRange()
{
    QFETCH(QByteArray, retries);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const auto loaded = load(dir.path(), retries);
    QVERIFY(!loaded.has_value());
    QVERIFY2(loaded.error().toString().contains(expected), qPrintable(loaded.error().toString()));
}

QTEST_GUILESS_MAIN(tst_WorkspaceRetries)
#include "tst_WorkspaceRetries.moc"
