#include "settings/InMemorySecretStore.h"

#include <QCoreApplication>
#include <QTest>

#include <optional>

using namespace swb;

namespace {

// What a callback received and how often it ran.
template <typename T> struct Outcome {
    int calls = 0;
    std::optional<Result<T>> result;

    std::function<void(Result<T>)> callback()
    {
        return [this](Result<T> r) {
            ++calls;
            result = std::move(r);
        };
    }
};

const QString kKey = QStringLiteral("aws/default/secret_access_key");

} // namespace

class tst_InMemorySecretStore : public QObject {
    Q_OBJECT
private slots:
    void writeThenReadReturnsTheSecret();
    void readOfMissingKeyIsNotFound();
    void removeDeletesTheSecret();
    void removeOfMissingKeyIsNotFound();
    void callbacksAreAsynchronousAndCalledOnce();
    void errorCallbacksAreAsynchronousToo();
    void rejectsBadlyNamedKeys_data();
    void rejectsBadlyNamedKeys();
    void keysListsNamesOnly();
    void destroyedStoreDropsPendingCallbacks();
};

// Runs the event loop until `outcome` has its result, then once more to catch a second call.
#define SWB_WAIT_FOR(outcome)                                                                      \
    do {                                                                                           \
        QTRY_COMPARE((outcome).calls, 1);                                                          \
        QCoreApplication::sendPostedEvents();                                                      \
        QCoreApplication::processEvents();                                                         \
        QCOMPARE((outcome).calls, 1);                                                              \
    } while (false)

void tst_InMemorySecretStore::writeThenReadReturnsTheSecret()
{
    InMemorySecretStore store;
    Outcome<void> written;
    store.writeSecret(kKey, QStringLiteral("wJalrXUtnFEMI/K7MDENG"), written.callback());
    SWB_WAIT_FOR(written);
    QVERIFY(*written.result);

    Outcome<QString> read;
    store.readSecret(kKey, read.callback());
    SWB_WAIT_FOR(read);
    QVERIFY(*read.result);
    QCOMPARE(read.result->value(), QStringLiteral("wJalrXUtnFEMI/K7MDENG"));
}

void tst_InMemorySecretStore::readOfMissingKeyIsNotFound()
{
    InMemorySecretStore store;
    Outcome<QString> read;
    store.readSecret(kKey, read.callback());
    SWB_WAIT_FOR(read);
    QVERIFY(!*read.result);
    QCOMPARE(read.result->error().code, ErrorCode::NotFound);
    QCOMPARE(read.result->error().message,
             QStringLiteral("No secret named aws/default/secret_access_key is stored."));
}

void tst_InMemorySecretStore::removeDeletesTheSecret()
{
    InMemorySecretStore store;
    Outcome<void> written;
    store.writeSecret(kKey, QStringLiteral("s3cret"), written.callback());
    SWB_WAIT_FOR(written);
    Outcome<void> removed;
    store.removeSecret(kKey, removed.callback());
    SWB_WAIT_FOR(removed);
    QVERIFY(*removed.result);

    Outcome<QString> read;
    store.readSecret(kKey, read.callback());
    SWB_WAIT_FOR(read);
    QCOMPARE(read.result->error().code, ErrorCode::NotFound);
}

void tst_InMemorySecretStore::removeOfMissingKeyIsNotFound()
{
    InMemorySecretStore store;
    Outcome<void> removed;
    store.removeSecret(kKey, removed.callback());
    SWB_WAIT_FOR(removed);
    QVERIFY(!*removed.result);
    QCOMPARE(removed.result->error().code, ErrorCode::NotFound);
}

void tst_InMemorySecretStore::callbacksAreAsynchronousAndCalledOnce()
{
    InMemorySecretStore store;
    Outcome<void> written;
    Outcome<QString> read;
    Outcome<void> removed;
    store.writeSecret(kKey, QStringLiteral("v"), written.callback());
    store.readSecret(kKey, read.callback());
    store.removeSecret(kKey, removed.callback());
    // Nothing ran inside the calls: a caller's code after the call runs before its callback.
    QCOMPARE(written.calls, 0);
    QCOMPARE(read.calls, 0);
    QCOMPARE(removed.calls, 0);
    SWB_WAIT_FOR(written);
    SWB_WAIT_FOR(read);
    SWB_WAIT_FOR(removed);
    // Each saw the store as it was when called, in order.
    QVERIFY(*written.result);
    QCOMPARE(read.result->value(), QStringLiteral("v"));
    QVERIFY(*removed.result);
}

void tst_InMemorySecretStore::errorCallbacksAreAsynchronousToo()
{
    InMemorySecretStore store;
    Outcome<QString> missing;
    Outcome<QString> badKey;
    store.readSecret(kKey, missing.callback());
    store.readSecret(QString(), badKey.callback());
    QCOMPARE(missing.calls, 0);
    QCOMPARE(badKey.calls, 0);
    SWB_WAIT_FOR(missing);
    SWB_WAIT_FOR(badKey);
}

void tst_InMemorySecretStore::rejectsBadlyNamedKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << ""
                           << "\"\" is not a valid secret name: the key is empty (for example "
                              "\"aws/default/secret_access_key\").";
    QTest::newRow("empty part")
        << "aws//key"
        << "\"aws//key\" is not a valid secret name: the key has an empty "
           "part between '/' (for example \"aws/default/secret_access_key\").";
    QTest::newRow("dot dot")
        << "aws/../key"
        << "\"aws/../key\" is not a valid secret name: the key may not contain "
           "\".\" or \"..\" parts (for example "
           "\"aws/default/secret_access_key\").";
    QTest::newRow("space") << "aws/my profile/key"
                           << "\"aws/my profile/key\" is not a valid secret name: the key may only "
                              "contain letters, digits, '.', '_', '-' and '/' (for example "
                              "\"aws/default/secret_access_key\").";
}

void tst_InMemorySecretStore::rejectsBadlyNamedKeys()
{
    QFETCH(QString, key);
    QFETCH(QString, message);
    InMemorySecretStore store;
    Outcome<void> written;
    store.writeSecret(key, QStringLiteral("v"), written.callback());
    SWB_WAIT_FOR(written);
    QVERIFY(!*written.result);
    QCOMPARE(written.result->error().code, ErrorCode::InvalidArgument);
    QCOMPARE(written.result->error().message, message);
    QCOMPARE(store.keys(), QStringList());
}

void tst_InMemorySecretStore::keysListsNamesOnly()
{
    InMemorySecretStore store;
    Outcome<void> first;
    Outcome<void> second;
    store.writeSecret(QStringLiteral("gcp/proj-1/service_account_json"), QStringLiteral("{}"),
                      first.callback());
    store.writeSecret(kKey, QStringLiteral("v"), second.callback());
    SWB_WAIT_FOR(first);
    SWB_WAIT_FOR(second);
    QCOMPARE(store.keys(), (QStringList{kKey, QStringLiteral("gcp/proj-1/service_account_json")}));
}

void tst_InMemorySecretStore::destroyedStoreDropsPendingCallbacks()
{
    Outcome<void> written;
    {
        InMemorySecretStore store;
        store.writeSecret(kKey, QStringLiteral("v"), written.callback());
    }
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(written.calls, 0); // documented: no call into a caller that went away with the store
}

QTEST_GUILESS_MAIN(tst_InMemorySecretStore)
#include "tst_InMemorySecretStore.moc"
