// labels: gui
// The window in German and Simplified Chinese, installed the way main.cpp does it
// (swb::Translations): the menus and panels speak the language, and at the default window size
// no menu title or panel title is cut off or pushed out of sight.
#include "MainWindow.h"
#include "OutcomeText.h"
#include "Translations.h"
#include "settings/Settings.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QStyle>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace swb;

namespace {

QString withoutAccelerator(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    // "文件(&F)" shows as "文件(F)": only the ampersand goes.
    return text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
}

} // namespace

class tst_Translations : public QObject {
    Q_OBJECT
private slots:
    void cleanup();
    void shipsGermanAndSimplifiedChinese();
    void oneRunChoiceBeatsTheSavedOverride();
    void installsReplacesAndFallsBackToEnglish();
    void windowIsTranslatedAndNothingIsCutOff_data();
    void windowIsTranslatedAndNothingIsCutOff();
    void languageMenuKeepsTheChoiceForTheNextStart();
};

void tst_Translations::cleanup()
{
    // "en" holds only plurals: the window goes back to its English source strings.
    Translations::install(*qApp, QStringLiteral("en"));
}

void tst_Translations::shipsGermanAndSimplifiedChinese()
{
    const QStringList languages = Translations::available();
    QVERIFY2(languages.contains(QStringLiteral("de")), qPrintable(languages.join(u' ')));
    QVERIFY2(languages.contains(QStringLiteral("zh_CN")), qPrintable(languages.join(u' ')));
}

void tst_Translations::oneRunChoiceBeatsTheSavedOverride()
{
    QCOMPARE(Translations::choose(QStringLiteral("de"), QStringLiteral("zh_CN")),
             QStringLiteral("de"));
    QCOMPARE(Translations::choose(QString(), QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QCOMPARE(Translations::choose(QString(), QString()), QString()); // the system's language
}

void tst_Translations::installsReplacesAndFallsBackToEnglish()
{
    const char* context = "swb::MainWindow";
    QCOMPARE(Translations::install(*qApp, QStringLiteral("de_DE")), QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate(context, "&File"), QStringLiteral("&Datei"));
    // Outcomes a person reads (run panel, status bar) follow too; machine ids stay English.
    QCOMPARE(OutcomeText::of(InvocationOutcome::Throttled), QStringLiteral("gedrosselt"));
    QCOMPARE(OutcomeText::ofName(QStringLiteral("function-error")),
             QStringLiteral("Funktionsfehler"));
    QCOMPARE(outcomeName(InvocationOutcome::Throttled), QStringLiteral("throttled"));
    // Qt's own strings come along when the system has them (Debian: qt6-translations-l10n).
    QCOMPARE(Translations::install(*qApp, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QCOMPARE(QCoreApplication::translate(context, "&File"), QStringLiteral("文件(&F)"));
    QCOMPARE(Translations::install(*qApp, QStringLiteral("fr")), QString());
    QCOMPARE(QCoreApplication::translate(context, "&File"), QStringLiteral("&File"));
    // A language we have no translation for (or the C locale) is English with its plurals,
    // not the sources' "1 file(s)".
    QCOMPARE(QCoreApplication::translate("swb::LogView", "%n line(s)", nullptr, 1),
             QStringLiteral("1 line"));
    QCOMPARE(Translations::install(*qApp, QStringLiteral("C")), QString());
    QCOMPARE(QCoreApplication::translate("swb::LogView", "%n line(s)", nullptr, 3),
             QStringLiteral("3 lines"));
    // English: the source strings, with proper plurals instead of "instance(s)".
    QCOMPARE(Translations::install(*qApp, QStringLiteral("en_GB")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate(context, "&File"), QStringLiteral("&File"));
    QCOMPARE(QCoreApplication::translate("swb::LogView", "%n line(s)", nullptr, 1),
             QStringLiteral("1 line"));
    QCOMPARE(QCoreApplication::translate("swb::LogView", "%n line(s)", nullptr, 3),
             QStringLiteral("3 lines"));
}

void tst_Translations::windowIsTranslatedAndNothingIsCutOff_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("timeline");
    QTest::addColumn<QString>("workspace");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei")
                        << QStringLiteral("Zeitachse") << QStringLiteral("Arbeitsbereich");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)")
                           << QStringLiteral("时间线") << QStringLiteral("工作区");
}

void tst_Translations::windowIsTranslatedAndNothingIsCutOff()
{
    QFETCH(QString, language);
    QFETCH(QString, fileMenu);
    QFETCH(QString, timeline);
    QFETCH(QString, workspace);
    QCOMPARE(Translations::install(*qApp, language), language);

    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, dir.filePath(QStringLiteral("runtimes")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The first start's layout is set once the window has its default size.
    QTRY_COMPARE(window.size(), QSize(1280, 800));
    QCoreApplication::processEvents();

    QMenuBar* bar = window.menuBar();
    QCOMPARE(bar->actions().first()->text(), fileMenu);
    auto* timelineDock = window.findChild<QDockWidget*>(QStringLiteral("TimelineDock"));
    QVERIFY(timelineDock);
    QCOMPARE(timelineDock->windowTitle(), timeline);
    QCOMPARE(window.findChild<QDockWidget*>(QStringLiteral("WorkspaceDock"))->windowTitle(),
             workspace);

    // Menu titles: each inside the menu bar, none moved to the overflow button.
    for (QAction* menu : bar->actions()) {
        const QRect r = bar->actionGeometry(menu);
        QVERIFY2(r.isValid() && bar->rect().contains(r),
                 qPrintable(menu->text() + QStringLiteral(" is outside the menu bar")));
    }
    if (auto* more = bar->findChild<QToolButton*>(QStringLiteral("qt_menubar_ext_button")))
        QVERIFY2(!more->isVisible(), "a menu title went to the menu bar's overflow button");

    // Dock titles: a lone dock's title fits before its float and close buttons.
    const QList<QDockWidget*> docks = window.findChildren<QDockWidget*>();
    QVERIFY(docks.size() >= 8);
    for (QDockWidget* dock : docks) {
        if (!dock->isVisible() || !window.tabifiedDockWidgets(dock).isEmpty())
            continue;
        int right = dock->width() - dock->style()->pixelMetric(QStyle::PM_DockWidgetTitleMargin);
        for (auto* button : dock->findChildren<QAbstractButton*>(Qt::FindDirectChildrenOnly)) {
            if (button->isVisible())
                right = std::min(right, button->x());
        }
        const int needed = dock->fontMetrics().horizontalAdvance(dock->windowTitle()) +
                           2 * dock->style()->pixelMetric(QStyle::PM_DockWidgetTitleMargin);
        QVERIFY2(needed <= right, qPrintable(QStringLiteral("%1: title needs %2 px, has %3")
                                                 .arg(dock->windowTitle())
                                                 .arg(needed)
                                                 .arg(right)));
    }
    // Tabbed docks: every tab shows its whole title, with no scroll buttons.
    int tabs = 0;
    for (QTabBar* tabBar : window.findChildren<QTabBar*>(Qt::FindDirectChildrenOnly)) {
        if (!tabBar->isVisible())
            continue;
        for (auto* scroll : tabBar->findChildren<QToolButton*>())
            QVERIFY2(!scroll->isVisible(), "dock tabs need scroll buttons");
        for (int i = 0; i < tabBar->count(); ++i, ++tabs) {
            const QString text = withoutAccelerator(tabBar->tabText(i));
            const QRect r = tabBar->tabRect(i);
            const int needed = tabBar->fontMetrics().horizontalAdvance(text);
            QVERIFY2(tabBar->rect().contains(r) && needed < r.width(),
                     qPrintable(QStringLiteral("tab %1: needs %2 px, has %3")
                                    .arg(text)
                                    .arg(needed)
                                    .arg(r.width())));
        }
    }
    QVERIFY2(tabs >= 4, "the Run, Cost, Simulate and Deploy panels share tabs");
}

void tst_Translations::languageMenuKeepsTheChoiceForTheNextStart()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, dir.filePath(QStringLiteral("runtimes")));
    auto* menu = window.findChild<QMenu*>(QStringLiteral("LanguageMenu"));
    QVERIFY(menu);
    QStringList codes;
    for (QAction* action : menu->actions())
        codes << action->data().toString();
    QCOMPARE(codes, (QStringList{QString(), QStringLiteral("en"), QStringLiteral("de"),
                                 QStringLiteral("zh_CN")}));
    QVERIFY(menu->actions().first()->isChecked()); // nothing saved: the system's language
    menu->actions().at(3)->trigger();
    QCOMPARE(menu->actions().at(3)->text(), QStringLiteral("简体中文"));
    QCOMPARE(settings.languageOverride(), QStringLiteral("zh_CN"));
    QVERIFY(menu->actions().at(3)->isChecked());
    // The next start reads it (main.cpp: Translations::choose(--language, the override)).
    QCOMPARE(Translations::choose(QString(), settings.languageOverride()), QStringLiteral("zh_CN"));
    menu->actions().first()->trigger();
    QCOMPARE(settings.languageOverride(), QString());
}

int main(int argc, char** argv)
{
    // The window's default size is 1280 x 800, bounded by the screen; offscreen's default screen
    // is 800 x 600, so give it the screenshots' 1400 x 900 screen.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(R"({"screens": [{"name": "screen", "x": 0, "y": 0, "width": 1400,
                       "height": 900, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})") < 0)
        return 1;
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    QApplication app(argc, argv);
    tst_Translations test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_Translations.moc"
