// The shipped example workspaces are the first thing a user opens: they must load cleanly.
#include "format/WorkspaceFile.h"

#include <QDir>
#include <QTest>

using namespace swb;

class tst_Examples : public QObject {
    Q_OBJECT
private slots:
    void exampleLoadsWithoutProblems_data();
    void exampleLoadsWithoutProblems();
    void exampleHasASavedEventPerFunction_data() { exampleLoadsWithoutProblems_data(); }
    void exampleHasASavedEventPerFunction();
};

void tst_Examples::exampleLoadsWithoutProblems_data()
{
    QTest::addColumn<QString>("folder");
    const QDir examples(QStringLiteral(SWB_SOURCE_DIR "/examples"));
    for (const QString& name : examples.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        QTest::newRow(qPrintable(name)) << examples.filePath(name);
}

void tst_Examples::exampleLoadsWithoutProblems()
{
    QFETCH(QString, folder);
    const auto loaded = WorkspaceFile::load(folder);
    QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().toString()));
    QVERIFY(!loaded->workspace.functions.isEmpty());
    for (const Diagnostic& w : loaded->warnings)
        qWarning("%s", qPrintable(w.toString()));
    QVERIFY(loaded->warnings.isEmpty());
}

void tst_Examples::exampleHasASavedEventPerFunction()
{
    QFETCH(QString, folder);
    const auto loaded = WorkspaceFile::load(folder);
    QVERIFY(loaded.has_value());
    for (const FunctionSpec& f : loaded->workspace.functions)
        QVERIFY2(!loaded->workspace.savedEvents(f.name).isEmpty(), qPrintable(f.name));
}

QTEST_GUILESS_MAIN(tst_Examples)
#include "tst_Examples.moc"
