#include "settings/Settings.h"

#include "TestFiles.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

class tst_Settings : public QObject {
    Q_OBJECT
private slots:
    void init();

    void defaultsWhenNothingIsStored();
    void valuesSurviveReopening();
    void worksOverGivenQSettings();
    void recentWorkspacesAreMostRecentFirstAndDeduplicated();
    void recentWorkspacesKeepAtMostTen();
    void recentWorkspacesDropMissingFoldersOnRead();
    void removeAndClearRecentWorkspaces();
    void emptyLanguageOverrideMeansSystemLanguage();
    void themeIsSystemLightOrDark();
    void damagedThemeReadsAsSystem();
    void rejectsOutOfRangeRunnerDefaults_data();
    void rejectsOutOfRangeRunnerDefaults();
    void damagedValuesFallBackToDefaults();

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    // A real folder under the test's temporary directory.
    QString makeFolder(const QString& name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Settings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_Settings::makeFolder(const QString& name) const
{
    const QString path = m_dir->filePath(name);
    QDir().mkpath(path);
    return QDir::cleanPath(path);
}

void tst_Settings::defaultsWhenNothingIsStored()
{
    const Settings settings(iniPath());
    QCOMPARE(settings.lastWorkspace(), QString());
    QCOMPARE(settings.recentWorkspaces(), QStringList());
    QCOMPARE(settings.languageOverride(), QString());
    QCOMPARE(settings.commitAuthorName(), QString());
    QCOMPARE(settings.commitAuthorEmail(), QString());
    QCOMPARE(settings.gatewayPort(), 3000);
    QCOMPARE(settings.concurrencyLimit(), 10);
    QCOMPARE(settings.keepAliveSeconds(), 600);
}

void tst_Settings::valuesSurviveReopening()
{
    const QString a = makeFolder(QStringLiteral("a"));
    const QString b = makeFolder(QStringLiteral("b"));
    {
        Settings settings(iniPath());
        settings.setLastWorkspace(b);
        settings.addRecentWorkspace(a);
        settings.addRecentWorkspace(b);
        settings.setLanguageOverride(QStringLiteral("pt_BR"));
        settings.setCommitAuthor(QStringLiteral(" Ada "), QStringLiteral("ada@example.com"));
        QVERIFY(settings.setGatewayPort(8080));
        QVERIFY(!settings.setGatewayPort(70000));
        QVERIFY(settings.setConcurrencyLimit(3));
        QVERIFY(settings.setKeepAliveSeconds(0));
        QVERIFY(settings.sync());
    }
    const Settings settings(iniPath());
    QCOMPARE(settings.lastWorkspace(), b);
    QCOMPARE(settings.recentWorkspaces(), (QStringList{b, a}));
    QCOMPARE(settings.languageOverride(), QStringLiteral("pt_BR"));
    QCOMPARE(settings.commitAuthorName(), QStringLiteral("Ada"));
    QCOMPARE(settings.commitAuthorEmail(), QStringLiteral("ada@example.com"));
    QCOMPARE(settings.gatewayPort(), 8080);
    QCOMPARE(settings.concurrencyLimit(), 3);
    QCOMPARE(settings.keepAliveSeconds(), 0);
}

void tst_Settings::worksOverGivenQSettings()
{
    QSettings store(iniPath(), QSettings::IniFormat);
    Settings settings(store);
    QVERIFY(settings.setConcurrencyLimit(25));
    QCOMPARE(store.value(QStringLiteral("runner/concurrencyLimit")).toInt(), 25);
}

void tst_Settings::recentWorkspacesAreMostRecentFirstAndDeduplicated()
{
    const QString a = makeFolder(QStringLiteral("a"));
    const QString b = makeFolder(QStringLiteral("b"));
    const QString c = makeFolder(QStringLiteral("c"));
    Settings settings(iniPath());
    settings.addRecentWorkspace(a);
    settings.addRecentWorkspace(b);
    settings.addRecentWorkspace(c);
    settings.addRecentWorkspace(a + QStringLiteral("/../a/")); // the same folder, spelled otherwise
    QCOMPARE(settings.recentWorkspaces(), (QStringList{a, c, b}));
}

void tst_Settings::recentWorkspacesKeepAtMostTen()
{
    Settings settings(iniPath());
    QStringList added;
    for (int i = 0; i < 12; ++i) {
        added.prepend(makeFolder(QStringLiteral("ws%1").arg(i)));
        settings.addRecentWorkspace(added.first());
    }
    QCOMPARE(settings.recentWorkspaces(), added.mid(0, 10));
}

void tst_Settings::recentWorkspacesDropMissingFoldersOnRead()
{
    const QString kept = makeFolder(QStringLiteral("kept"));
    const QString gone = makeFolder(QStringLiteral("gone"));
    Settings settings(iniPath());
    settings.addRecentWorkspace(kept);
    settings.addRecentWorkspace(gone);
    QCOMPARE(settings.recentWorkspaces(), (QStringList{gone, kept}));
    QVERIFY(QDir(gone).removeRecursively());
    QCOMPARE(settings.recentWorkspaces(), QStringList{kept});
}

void tst_Settings::removeAndClearRecentWorkspaces()
{
    const QString a = makeFolder(QStringLiteral("a"));
    const QString b = makeFolder(QStringLiteral("b"));
    Settings settings(iniPath());
    settings.addRecentWorkspace(a);
    settings.addRecentWorkspace(b);
    settings.removeRecentWorkspace(a + QLatin1Char('/'));
    QCOMPARE(settings.recentWorkspaces(), QStringList{b});
    settings.clearRecentWorkspaces();
    QCOMPARE(settings.recentWorkspaces(), QStringList());
}

void tst_Settings::emptyLanguageOverrideMeansSystemLanguage()
{
    Settings settings(iniPath());
    settings.setLanguageOverride(QStringLiteral("de"));
    QCOMPARE(settings.languageOverride(), QStringLiteral("de"));
    settings.setLanguageOverride(QStringLiteral("  "));
    QCOMPARE(settings.languageOverride(), QString());
    QVERIFY(settings.sync());
    QVERIFY(!test::readFile(iniPath()).contains("language"));
}

void tst_Settings::themeIsSystemLightOrDark()
{
    Settings settings(iniPath());
    QCOMPARE(settings.theme(), QStringLiteral("system"));
    QVERIFY(settings.setTheme(QStringLiteral("dark")));
    QCOMPARE(settings.theme(), QStringLiteral("dark"));
    const auto refused = settings.setTheme(QStringLiteral("solarized"));
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("solarized")));
    QCOMPARE(settings.theme(), QStringLiteral("dark"));
    QVERIFY(settings.sync());
    QCOMPARE(Settings(iniPath()).theme(), QStringLiteral("dark"));
    QVERIFY(settings.setTheme(QStringLiteral("system")));
    QVERIFY(settings.sync());
    QVERIFY(!test::readFile(iniPath()).contains("theme"));
}

void tst_Settings::damagedThemeReadsAsSystem()
{
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("ui/theme"), QStringLiteral("neon"));
    }
    QCOMPARE(Settings(iniPath()).theme(), QStringLiteral("system"));
}

void tst_Settings::rejectsOutOfRangeRunnerDefaults_data()
{
    QTest::addColumn<bool>("concurrency");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("no concurrency")
        << true << 0 << "A concurrency limit of 0 is out of range; choose 1 to 1000.";
    QTest::newRow("too much concurrency")
        << true << 1001 << "A concurrency limit of 1001 is out of range; choose 1 to 1000.";
    QTest::newRow("negative keep-alive")
        << false << -1 << "A keep-alive of -1 seconds is out of range; choose 0 to 86400.";
    QTest::newRow("keep-alive over a day")
        << false << 86401 << "A keep-alive of 86401 seconds is out of range; choose 0 to 86400.";
}

void tst_Settings::rejectsOutOfRangeRunnerDefaults()
{
    QFETCH(bool, concurrency);
    QFETCH(int, value);
    QFETCH(QString, message);
    Settings settings(iniPath());
    const auto result =
        concurrency ? settings.setConcurrencyLimit(value) : settings.setKeepAliveSeconds(value);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(result.error().message, message);
    QCOMPARE(settings.concurrencyLimit(), 10); // unchanged
    QCOMPARE(settings.keepAliveSeconds(), 600);
}

void tst_Settings::damagedValuesFallBackToDefaults()
{
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("settings.ini"),
                            "[runner]\nconcurrencyLimit=lots\nkeepAliveSeconds=-5\n"));
    const Settings settings(iniPath());
    QCOMPARE(settings.concurrencyLimit(), 10);
    QCOMPARE(settings.keepAliveSeconds(), 600);
}

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_Settings.moc"
