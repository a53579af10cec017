#include "model/Runtime.h"

#include <QTest>

using namespace swb;

class tst_Runtime : public QObject {
    Q_OBJECT
private slots:
    void knowsLambdaRuntimeIds_data();
    void knowsLambdaRuntimeIds();
    void rejectsUnknownRuntime();
    void handlerCandidates_data();
    void handlerCandidates();
    void handlerFormatProblems_data();
    void handlerFormatProblems();
};

void tst_Runtime::knowsLambdaRuntimeIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("family");
    // Ids as Lambda's "Runtime" parameter spells them (docs: lambda-runtimes.html).
    QTest::newRow("python3.9") << "python3.9" << int(RuntimeFamily::Python);
    QTest::newRow("python3.13") << "python3.13" << int(RuntimeFamily::Python);
    QTest::newRow("nodejs18.x") << "nodejs18.x" << int(RuntimeFamily::Node);
    QTest::newRow("nodejs22.x") << "nodejs22.x" << int(RuntimeFamily::Node);
    QTest::newRow("provided.al2023") << "provided.al2023" << int(RuntimeFamily::Provided);
}

void tst_Runtime::knowsLambdaRuntimeIds()
{
    QFETCH(QString, id);
    QFETCH(int, family);
    const auto info = findRuntime(id);
    QVERIFY(info.has_value());
    QCOMPARE(int(info->family), family);
}

void tst_Runtime::rejectsUnknownRuntime()
{
    QVERIFY(!findRuntime(QStringLiteral("python2.7")).has_value());
    QVERIFY(!findRuntime(QStringLiteral("Python3.12")).has_value());
    QVERIFY(!findRuntime(QString()).has_value());
}

void tst_Runtime::handlerCandidates_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QStringList>("files");
    QTest::newRow("python module")
        << int(RuntimeFamily::Python) << "app.handler" << QStringList{"app.py", "app/__init__.py"};
    QTest::newRow("python package") << int(RuntimeFamily::Python) << "pkg.mod.handler"
                                    << QStringList{"pkg/mod.py", "pkg/mod/__init__.py"};
    QTest::newRow("node in folder")
        << int(RuntimeFamily::Node) << "src/index.handler"
        << QStringList{"src/index.js", "src/index.mjs", "src/index.cjs"};
    QTest::newRow("provided") << int(RuntimeFamily::Provided) << "anything.goes"
                              << QStringList{"bootstrap"};
    QTest::newRow("malformed") << int(RuntimeFamily::Python) << "nohandler" << QStringList{};
}

void tst_Runtime::handlerCandidates()
{
    QFETCH(int, family);
    QFETCH(QString, handler);
    QFETCH(QStringList, files);
    QCOMPARE(handlerSourceCandidates(RuntimeFamily(family), handler), files);
}

void tst_Runtime::handlerFormatProblems_data()
{
    QTest::addColumn<QString>("handler");
    QTest::addColumn<QString>("problem");
    QTest::newRow("ok") << "app.handler"
                        << "";
    QTest::newRow("empty") << ""
                           << "the handler is empty";
    QTest::newRow("no dot") << "app"
                            << "expected FILE.FUNCTION (for example \"app.handler\")";
    QTest::newRow("bad name") << "app.9x"
                              << "\"9x\" is not a valid function name";
    QTest::newRow("escapes") << "../x.handler"
                             << "the handler's file must stay inside the code folder";
}

void tst_Runtime::handlerFormatProblems()
{
    QFETCH(QString, handler);
    QFETCH(QString, problem);
    QCOMPARE(handlerFormatProblem(RuntimeFamily::Python, handler), problem);
}

QTEST_GUILESS_MAIN(tst_Runtime)
#include "tst_Runtime.moc"
