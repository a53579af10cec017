#include "settings/Redaction.h"

#include <QTest>

using namespace swb;

class tst_Redaction : public QObject {
    Q_OBJECT
private slots:
    void replacesEverySecret_data();
    void replacesEverySecret();
};

void tst_Redaction::replacesEverySecret_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<QString>("expected");
    // The key pair is AWS's documented example credential (IAM user guide).
    QTest::newRow("aws key in a log line")
        << "signing with wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY for AKIAIOSFODNN7EXAMPLE"
        << QStringList{"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
        << "signing with *** for AKIAIOSFODNN7EXAMPLE";
    QTest::newRow("every occurrence")
        << "token=abc; again abc." << QStringList{"abc"} << "token=***; again ***.";
    QTest::newRow("several secrets")
        << "user pw1 key k2" << QStringList{"pw1", "k2"} << "user *** key ***";
    QTest::newRow("secret inside a longer one")
        << "x secret-long y" << QStringList{"secret", "secret-long"} << "x *** y";
    QTest::newRow("overlapping secrets leave no tail")
        << "[abcdef]" << QStringList{"abcd", "cdef"} << "[***]";
    QTest::newRow("empty secret is ignored") << "nothing here" << QStringList{""} << "nothing here";
    QTest::newRow("no secrets") << "plain" << QStringList{} << "plain";
    QTest::newRow("case matters") << "Token TOKEN token" << QStringList{"token"}
                                  << "Token TOKEN ***";
    QTest::newRow("non-ASCII secret")
        << "pässwörd: grüße" << QStringList{"grüße"} << "pässwörd: ***";
}

void tst_Redaction::replacesEverySecret()
{
    QFETCH(QString, text);
    QFETCH(QStringList, secrets);
    QFETCH(QString, expected);
    QCOMPARE(redactSecrets(text, secrets), expected);
}

QTEST_GUILESS_MAIN(tst_Redaction)
#include "tst_Redaction.moc"
