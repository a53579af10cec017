#include "format/JsonLocator.h"

#include <QTest>

using namespace swb;

class tst_JsonLocator : public QObject {
    Q_OBJECT
private slots:
    void findsValuesByPointer_data();
    void findsValuesByPointer();
    void missingPointerFallsBackToNearestAncestor();
    void escapesPointerTokens();
    void listsDuplicateKeys();
    void survivesHostileNesting();
};

void tst_JsonLocator::findsValuesByPointer_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("root") << "" << 1 << 1;
    QTest::newRow("member") << "/a" << 2 << 8;
    QTest::newRow("array element") << "/b/1" << 3 << 12;
    QTest::newRow("nested") << "/b/2/c" << 4 << 11;
    QTest::newRow("after multibyte text") << "/d" << 5 << 18; // columns count characters, not bytes
    QTest::newRow("escaped key") << "/e~1f" << 6 << 10;
}

void tst_JsonLocator::findsValuesByPointer()
{
    QFETCH(QString, pointer);
    QFETCH(int, line);
    QFETCH(int, column);
    const QByteArray text = "{\n"
                            "  \"a\": 1,\n"
                            "  \"b\": [1, 2,\n"
                            "    {\"c\": true}],\n"
                            "  \"ü\": \"é\", \"d\": null,\n"
                            "  \"e/f\": \"x\"\n"
                            "}\n";
    const JsonLocator locator(text);
    const auto pos = locator.find(pointer);
    QVERIFY(pos.has_value());
    QCOMPARE(pos->line, line);
    QCOMPARE(pos->column, column);
}

void tst_JsonLocator::missingPointerFallsBackToNearestAncestor()
{
    const JsonLocator locator("{\"a\": {\n  \"b\": 1}}");
    const auto pos = locator.find(QStringLiteral("/a/missing"));
    QVERIFY(pos.has_value());
    QCOMPARE(pos->line, 1);
    QCOMPARE(pos->column, 7);
}

void tst_JsonLocator::escapesPointerTokens()
{
    // RFC 6901: "~" is written "~0" and "/" is written "~1".
    QCOMPARE(JsonLocator::escape(QStringLiteral("a/b~c")), QStringLiteral("a~1b~0c"));
    QCOMPARE(JsonLocator::child(QStringLiteral("/x"), 3), QStringLiteral("/x/3"));
}

void tst_JsonLocator::listsDuplicateKeys()
{
    const JsonLocator locator("{\"k\": 1, \"k\": 2}");
    QCOMPARE(locator.keys().size(), 2);
    QCOMPARE(locator.keys().at(1).key, QStringLiteral("k"));
    QCOMPARE(locator.position(locator.keys().at(1).offset).column, 10);
}

void tst_JsonLocator::survivesHostileNesting()
{
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    const JsonLocator locator(deep); // must not overflow the stack
    QVERIFY(locator.find(QStringLiteral("/0/0")).has_value());
}

QTEST_GUILESS_MAIN(tst_JsonLocator)
#include "tst_JsonLocator.moc"
