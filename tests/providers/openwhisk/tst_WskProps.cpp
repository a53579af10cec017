// Reading the wsk CLI's settings file: the keys the workbench uses, where the file is, and a
// bad line reported by file and line without quoting it (it may hold the key).
#include "TestFiles.h"
#include "openwhisk/WskProps.h"

#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_WskProps : public QObject {
    Q_OBJECT
private slots:
    void readsTheKeysWskWrites()
    {
        QTemporaryDir dir;
        // As "wsk property set" writes it, plus a comment, a blank line and a quoted value.
        QVERIFY(test::writeFile(dir.path(), ".wskprops",
                                "# written by wsk\n\nAPIHOST=ow.example.com:3233\n"
                                "AUTH=\"abc:def\"\nAPIGW_ACCESS_TOKEN=x\nNAMESPACE = team\n"));
        const Result<WskProps> props = WskProps::read(dir.filePath(".wskprops"));
        QVERIFY2(props, props ? "" : qPrintable(props.error().message));
        QCOMPARE(props->path, dir.filePath(".wskprops"));
        QCOMPARE(props->apiHost, QString("ow.example.com:3233"));
        QCOMPARE(props->auth, QString("abc:def"));
        QCOMPARE(props->namespaceName, QString("team"));
    }

    void wskConfigFileWinsOverHome()
    {
        QProcessEnvironment env;
        QCOMPARE(WskProps::location(env, "/home/u"), QString("/home/u/.wskprops"));
        env.insert("WSK_CONFIG_FILE", "/etc/wsk.props");
        QCOMPARE(WskProps::location(env, "/home/u"), QString("/etc/wsk.props"));
    }

    void badLineNamesFileAndLineButNotItsText()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.path(), ".wskprops",
                                "APIHOST=localhost\n# ok\nuuid:the-secret-half\n"));
        const Result<WskProps> props = WskProps::read(dir.filePath(".wskprops"));
        QVERIFY(!props);
        QCOMPARE(props.error().code, ErrorCode::Parse);
        QVERIFY2(props.error().message.contains(dir.filePath(".wskprops") + ":3:"),
                 qPrintable(props.error().message));
        QVERIFY(!props.error().toString().contains("the-secret-half"));
        QCOMPARE(props.error().diagnostics.size(), 1);
        QCOMPARE(props.error().diagnostics[0].line, 3);
    }

    void missingFileIsNotFound()
    {
        QTemporaryDir dir;
        const Result<WskProps> props = WskProps::read(dir.filePath("none"));
        QVERIFY(!props);
        QCOMPARE(props.error().code, ErrorCode::NotFound);
        QVERIFY(props.error().message.contains(dir.filePath("none")));
    }
};

QTEST_GUILESS_MAIN(tst_WskProps)
#include "tst_WskProps.moc"
