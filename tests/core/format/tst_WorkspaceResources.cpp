// "resources" in workbench.json: databases declared by the workspace and by single functions.
#include "format/WorkspaceFile.h"

#include "TestFiles.h"

#include <QTemporaryDir>
#include <QTest>

using namespace swb;
using swb::test::writeFile;

namespace {

QByteArray workspaceJson(const QByteArray& workspaceResources, const QByteArray& functionResources)
{
    QByteArray json = R"json({"name": "shop", "functions": [{"name": "orders", "runtime":
        "python3.12", "handler": "app.handler", "codeUri": "orders")json";
    if (!functionResources.isEmpty())
        json += ", \"resources\": " + functionResources;
    json += "}]";
    if (!workspaceResources.isEmpty())
        json += ", \"resources\": " + workspaceResources;
    return json + "}\n";
}

Result<LoadedWorkspace> load(const QString& folder, const QByteArray& json)
{
    if (!writeFile(folder, QStringLiteral("workbench.json"), json) ||
        !writeFile(folder, QStringLiteral("orders/app.py"), "def handler(e, c):\n    return 1\n") ||
        !writeFile(folder, QStringLiteral("db/schema.sql"), "CREATE TABLE t (id int);\n"))
        return fail(ErrorCode::Io, QStringLiteral("cannot write the fixture"));
    return WorkspaceFile::load(folder);
}

QString errors(const Result<LoadedWorkspace>& loaded)
{
    if (loaded)
        return {};
    QStringList out;
    for (const Diagnostic& d : loaded.error().diagnostics) {
        if (d.severity == Severity::Error)
            out << d.pointer + QLatin1Char(' ') + d.message;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

class tst_WorkspaceResources : public QObject {
    Q_OBJECT
private slots:
    void readsWorkspaceAndFunctionResources();
    void typeDefaultsToPostgres();
    void savesAndReadsBack();
    void rejectsBadDeclarations_data();
    void rejectsBadDeclarations();
};

void tst_WorkspaceResources::readsWorkspaceAndFunctionResources()
{
    QTemporaryDir dir;
    const auto loaded = load(
        dir.path(), workspaceJson(R"({"orders": {"type": "postgres", "seed": ["db/schema.sql"]}})",
                                  R"({"cache": {"type": "sqlite"}})"));
    QVERIFY2(loaded, qPrintable(errors(loaded)));
    const Workspace& ws = loaded->workspace;
    QCOMPARE(ws.resources.keys(), QStringList{QStringLiteral("orders")});
    QVERIFY(ws.resources.value(QStringLiteral("orders")).isPostgres());
    QCOMPARE(ws.resources.value(QStringLiteral("orders")).seeds,
             QStringList{QStringLiteral("db/schema.sql")});
    QCOMPARE(ws.functions.first().resources.keys(), QStringList{QStringLiteral("cache")});
    QCOMPARE(ws.functions.first().resources.value(QStringLiteral("cache")).type,
             QStringLiteral("sqlite"));
    QVERIFY(loaded->warnings.isEmpty());
}

void tst_WorkspaceResources::typeDefaultsToPostgres()
{
    QTemporaryDir dir;
    const auto loaded = load(dir.path(), workspaceJson(R"({"orders": {}})", {}));
    QVERIFY2(loaded, qPrintable(errors(loaded)));
    QCOMPARE(loaded->workspace.resources.value(QStringLiteral("orders")).type,
             QStringLiteral("postgres"));
}

void tst_WorkspaceResources::savesAndReadsBack()
{
    QTemporaryDir dir;
    const auto loaded =
        load(dir.path(), workspaceJson(R"({"orders": {"type": "postgres", "seed": ["db/schema.sql"],
                                     "note": "kept"}})",
                                       R"({"cache": {"type": "sqlite"}})"));
    QVERIFY2(loaded, qPrintable(errors(loaded)));
    QVERIFY(WorkspaceFile::save(loaded->workspace));
    const auto again = WorkspaceFile::load(dir.path());
    QVERIFY2(again, qPrintable(errors(again)));
    const ResourceSpec orders = again->workspace.resources.value(QStringLiteral("orders"));
    QCOMPARE(orders.type, QStringLiteral("postgres"));
    QCOMPARE(orders.seeds, QStringList{QStringLiteral("db/schema.sql")});
    QCOMPARE(orders.extensions.value(QStringLiteral("note")).toString(), QStringLiteral("kept"));
    QCOMPARE(again->workspace.functions.first().resources.value(QStringLiteral("cache")).type,
             QStringLiteral("sqlite"));
}

void tst_WorkspaceResources::rejectsBadDeclarations_data()
{
    QTest::addColumn<QByteArray>("workspaceResources");
    QTest::addColumn<QByteArray>("functionResources");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown type") << QByteArray(R"({"orders": {"type": "mysql"}})") << QByteArray()
                                  << "/resources/orders/type"
                                  << "allowed: postgres, sqlite";
    QTest::newRow("uppercase name")
        << QByteArray(R"({"Orders": {}})") << QByteArray() << "/resources/Orders"
        << "not a valid resource name";
    QTest::newRow("name with a dash")
        << QByteArray(R"({"my-db": {}})") << QByteArray() << "/resources/my-db"
        << "not a valid resource name";
    QTest::newRow("same name twice")
        << QByteArray(R"({"orders": {}})") << QByteArray(R"({"orders": {"type": "sqlite"}})")
        << "/functions/0/resources/orders"
        << "also declared at";
    QTest::newRow("missing seed") << QByteArray(R"({"orders": {"seed": ["db/none.sql"]}})")
                                  << QByteArray() << "/resources/orders/seed/0"
                                  << "does not exist";
    QTest::newRow("seed outside") << QByteArray(R"({"orders": {"seed": ["../x.sql"]}})")
                                  << QByteArray() << "/resources/orders/seed/0"
                                  << "outside the workspace";
    QTest::newRow("seed not a string")
        << QByteArray(R"({"orders": {"seed": [1]}})") << QByteArray() << "/resources/orders/seed/0"
        << "expected a string";
    QTest::newRow("not an object") << QByteArray(R"(["orders"])") << QByteArray() << "/resources"
                                   << "expected an object";
}

void tst_WorkspaceResources::rejectsBadDeclarations()
{
    QFETCH(QByteArray, workspaceResources);
    QFETCH(QByteArray, functionResources);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const auto loaded = load(dir.path(), workspaceJson(workspaceResources, functionResources));
    QVERIFY(!loaded);
    const QString all = errors(loaded);
    QVERIFY2(all.contains(pointer + QLatin1Char(' ')) && all.contains(message), qPrintable(all));
}

QTEST_GUILESS_MAIN(tst_WorkspaceResources)
#include "tst_WorkspaceResources.moc"
