#include "format/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace swb;

class tst_JsonWriter : public QObject {
    Q_OBJECT
private slots:
    void ordersKnownKeysFirstThenAlphabetically();
    void writesShortestRoundTripNumbers();
    void escapesStringsAndKeepsUnicode();
    void readsBackAsTheSameValue();
};

void tst_JsonWriter::ordersKnownKeysFirstThenAlphabetically()
{
    const QJsonObject o{{QStringLiteral("zeta"), 1},
                        {QStringLiteral("name"), QStringLiteral("n")},
                        {QStringLiteral("alpha"), 2},
                        {QStringLiteral("runtime"), 3}};
    QCOMPARE(writeJson(o, {QStringLiteral("name"), QStringLiteral("runtime")}),
             QByteArray(
                 "{\n  \"name\": \"n\",\n  \"runtime\": 3,\n  \"alpha\": 2,\n  \"zeta\": 1\n}\n"));
}

void tst_JsonWriter::writesShortestRoundTripNumbers()
{
    QCOMPARE(writeJson(QJsonArray{0.1, 128, 1e21, -2.5}),
             QByteArray("[\n  0.1,\n  128,\n  1e+21,\n  -2.5\n]\n"));
}

void tst_JsonWriter::escapesStringsAndKeepsUnicode()
{
    QCOMPARE(writeJson(QJsonValue(QStringLiteral("a\"b\\c\nd\x01 冷启动"))),
             QByteArray("\"a\\\"b\\\\c\\nd\\u0001 冷启动\"\n"));
}

void tst_JsonWriter::readsBackAsTheSameValue()
{
    const QJsonObject o{{QStringLiteral("list"), QJsonArray{QJsonObject{}, QJsonArray{}, true}},
                        {QStringLiteral("n"), QJsonValue::Null},
                        {QStringLiteral("s"), QStringLiteral("\t")}};
    QCOMPARE(QJsonDocument::fromJson(writeJson(o)).object(), o);
}

QTEST_GUILESS_MAIN(tst_JsonWriter)
#include "tst_JsonWriter.moc"
