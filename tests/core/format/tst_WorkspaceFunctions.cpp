// New functions from templates, renames and removals: workbench.json and the function's files
// change together, and nothing the user has is overwritten.
#include "format/WorkspaceFile.h"
#include "format/WorkspaceFunctions.h"
#include "format/WorkspaceValidator.h"

#include "TestFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_WorkspaceFunctions : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void createsFromEachRuntimeTemplate_data();
    void createsFromEachRuntimeTemplate();
    void refusesBadNamesTakenNamesAndExistingFolders();
    void renameMovesEventsAndScenarios();
    void removeKeepsFilesUnlessAsked();
    void removeNeverDeletesASharedFolder();

private:
    Workspace load();
    QTemporaryDir* m_dir = nullptr;
};

void tst_WorkspaceFunctions::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("workbench.json"),
                            R"({"name": "t", "functions": []})"));
}

void tst_WorkspaceFunctions::cleanup()
{
    delete m_dir;
}

Workspace tst_WorkspaceFunctions::load()
{
    auto loaded = WorkspaceFile::load(m_dir->path());
    if (!loaded)
        qWarning("%s", qPrintable(loaded.error().message));
    return loaded ? loaded->workspace : Workspace{};
}

void tst_WorkspaceFunctions::createsFromEachRuntimeTemplate_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("handlerFile");
    QTest::addColumn<QString>("handler");
    QTest::newRow("python") << "python3.12"
                            << "app.py"
                            << "app.handler";
    QTest::newRow("node") << "nodejs20.x"
                          << "index.mjs"
                          << "index.handler";
    QTest::newRow("provided") << "provided.al2023"
                              << "bootstrap"
                              << "function.handler";
}

void tst_WorkspaceFunctions::createsFromEachRuntimeTemplate()
{
    QFETCH(QString, runtime);
    QFETCH(QString, handlerFile);
    QFETCH(QString, handler);
    Workspace ws = load();
    const auto created = WorkspaceFunctions::create(ws, QStringLiteral("greet"), runtime);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QCOMPARE(created->handler, handler);
    const QString file = m_dir->filePath(QStringLiteral("greet/") + handlerFile);
    QVERIFY(QFileInfo::exists(file));
    if (handlerFile == QLatin1String("bootstrap"))
        QVERIFY(QFileInfo(file).isExecutable());
    QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("events/greet/hello.json"))));
    // Saved, and a valid workspace as the validator sees it (code on disk, trigger, names).
    const Workspace reloaded = load();
    QVERIFY(reloaded.function(QStringLiteral("greet")));
    QCOMPARE(reloaded.function(QStringLiteral("greet"))->triggers.first().path,
             QStringLiteral("/greet"));
    for (const Diagnostic& d : WorkspaceValidator::validate(reloaded))
        QVERIFY2(d.severity != Severity::Error, qPrintable(d.toString()));
    QCOMPARE(ws.functions.size(), 1); // the caller's copy follows
}

void tst_WorkspaceFunctions::refusesBadNamesTakenNamesAndExistingFolders()
{
    Workspace ws = load();
    QVERIFY(!WorkspaceFunctions::create(ws, QStringLiteral("has space"), "python3.12"));
    QVERIFY(!WorkspaceFunctions::create(ws, QString(65, QLatin1Char('a')), "python3.12"));
    QVERIFY(!WorkspaceFunctions::create(ws, QStringLiteral("ok"), "cobol1.0"));
    QVERIFY(WorkspaceFunctions::create(ws, QStringLiteral("ok"), "python3.12"));
    const auto taken = WorkspaceFunctions::create(ws, QStringLiteral("ok"), "python3.12");
    QVERIFY(!taken);
    QVERIFY(taken.error().message.contains(QStringLiteral("already has a function")));
    // A folder the user already has is never overwritten.
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("mine/app.py"), "precious = 1\n"));
    const auto existing = WorkspaceFunctions::create(ws, QStringLiteral("mine"), "python3.12");
    QVERIFY(!existing);
    QVERIFY(existing.error().message.contains(QStringLiteral("already exists")));
    QCOMPARE(test::readFile(m_dir->filePath(QStringLiteral("mine/app.py"))),
             QByteArray("precious = 1\n"));
    QCOMPARE(load().functions.size(), 1);
}

void tst_WorkspaceFunctions::renameMovesEventsAndScenarios()
{
    Workspace ws = load();
    QVERIFY(WorkspaceFunctions::create(ws, QStringLiteral("a"), "python3.12"));
    ScenarioSpec scenario;
    scenario.name = QStringLiteral("s");
    scenario.provider = QStringLiteral("aws");
    scenario.function = QStringLiteral("a");
    scenario.durationMs = 5;
    ws.scenarios.append(scenario);
    QVERIFY(WorkspaceFile::save(ws));
    QVERIFY(WorkspaceFunctions::rename(ws, QStringLiteral("a"), QStringLiteral("b")));
    const Workspace reloaded = load();
    QVERIFY(!reloaded.function(QStringLiteral("a")));
    QVERIFY(reloaded.function(QStringLiteral("b")));
    QCOMPARE(reloaded.function(QStringLiteral("b"))->codeUri, QStringLiteral("a"));
    QCOMPARE(reloaded.scenarios.first().function, QStringLiteral("b"));
    QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("events/b/hello.json"))));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("events/a"))));
    QVERIFY(!WorkspaceFunctions::rename(ws, QStringLiteral("nope"), QStringLiteral("c")));
    QVERIFY(!WorkspaceFunctions::rename(ws, QStringLiteral("b"), QStringLiteral("bad name")));
}

void tst_WorkspaceFunctions::removeKeepsFilesUnlessAsked()
{
    Workspace ws = load();
    QVERIFY(WorkspaceFunctions::create(ws, QStringLiteral("a"), "python3.12"));
    QVERIFY(WorkspaceFunctions::create(ws, QStringLiteral("c"), "nodejs20.x"));
    ScenarioSpec scenario;
    scenario.name = QStringLiteral("s");
    scenario.provider = QStringLiteral("aws");
    scenario.function = QStringLiteral("a");
    scenario.durationMs = 5;
    ws.scenarios.append(scenario);
    QVERIFY(WorkspaceFile::save(ws));
    QVERIFY(WorkspaceFunctions::remove(ws, QStringLiteral("a"), false));
    QVERIFY(!load().function(QStringLiteral("a")));
    QVERIFY(load().scenarios.first().function.isEmpty());
    QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("a/app.py"))));
    QVERIFY(WorkspaceFunctions::remove(ws, QStringLiteral("c"), true));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("c"))));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("events/c"))));
    QVERIFY(!WorkspaceFunctions::remove(ws, QStringLiteral("c"), true));
}

void tst_WorkspaceFunctions::removeNeverDeletesASharedFolder()
{
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("shared/app.py"), "y = 1\n"));
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("workbench.json"), R"({"functions": [
        {"name": "s1", "runtime": "python3.12", "handler": "app.handler", "codeUri": "shared"},
        {"name": "s2", "runtime": "python3.12", "handler": "app.handler", "codeUri": "shared"}]})"));
    Workspace ws = load();
    QCOMPARE(ws.functions.size(), 2);
    QVERIFY(WorkspaceFunctions::remove(ws, QStringLiteral("s1"), true));
    QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("shared/app.py"))));
    QVERIFY(WorkspaceFunctions::remove(ws, QStringLiteral("s2"), true));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("shared"))));
}

QTEST_GUILESS_MAIN(tst_WorkspaceFunctions)
#include "tst_WorkspaceFunctions.moc"
