#include "settings/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace swb;

// There is no keychain daemon in CI, and a developer's real keychain must not be touched (or
// prompt for unlocking). So every test here cuts the process off from any session bus and
// checks the one thing that can be checked everywhere: an unavailable keychain is a clear
// error, delivered once and asynchronously — never a hang.
class tst_KeychainSecretStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void unavailableKeychainIsReportedAsError();
    void badlyNamedKeyIsRejectedBeforeTheKeychain();

private:
    QTemporaryDir m_runtimeDir;
};

void tst_KeychainSecretStore::initTestCase()
{
    QVERIFY(m_runtimeDir.isValid());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    // D-Bus also finds the session bus at $XDG_RUNTIME_DIR/bus.
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtimeDir.path()));
}

void tst_KeychainSecretStore::unavailableKeychainIsReportedAsError()
{
    KeychainSecretStore store(nullptr, std::chrono::seconds(20),
                              QStringLiteral("serverless-workbench-test"));
    int calls = 0;
    std::optional<Result<QString>> result;
    store.readSecret(QStringLiteral("aws/default/secret_access_key"), [&](Result<QString> r) {
        ++calls;
        result = std::move(r);
    });
    QCOMPARE(calls, 0);
    // The store's own 20 s timeout guarantees an answer; QTRY waits a little longer.
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 30000);
    QCoreApplication::processEvents();
    QCOMPARE(calls, 1);
    QVERIFY(!*result);
#ifdef Q_OS_LINUX
    // Without a session bus, QtKeychain finds neither libsecret's nor KWallet's service.
    QCOMPARE(result->error().code, ErrorCode::Unsupported);
    QCOMPARE(result->error().message,
             QStringLiteral("The system keychain is not available, so the secret "
                            "aws/default/secret_access_key cannot be read; start your desktop's "
                            "keyring (GNOME Keyring, KWallet or another Secret Service) and try "
                            "again."));
#endif
}

void tst_KeychainSecretStore::badlyNamedKeyIsRejectedBeforeTheKeychain()
{
    KeychainSecretStore store(nullptr, std::chrono::seconds(20),
                              QStringLiteral("serverless-workbench-test"));
    int calls = 0;
    std::optional<Result<void>> result;
    store.writeSecret(QStringLiteral("aws profile"), QStringLiteral("v"), [&](Result<void> r) {
        ++calls;
        result = std::move(r);
    });
    QCOMPARE(calls, 0);
    QTRY_COMPARE(calls, 1);
    QCOMPARE(result->error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_KeychainSecretStore.moc"
