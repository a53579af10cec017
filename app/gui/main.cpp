// serverless-workbench: the desktop window. Opens the workspace named on the command line,
// else the last one, else the welcome page.
#include "InvocationRecord.h"
#include "MainWindow.h"
#include "RunPanel.h"
#include "Translations.h"
#include "process/SignalWatcher.h"
#include "settings/Settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLocale>
#include <QScreen>
#include <QSettings>
#include <QTimer>

#include <cstdio>

namespace {

// --screenshot: invoke the current function N times, then save what the screen shows and quit.
// scripts/screenshots.sh uses it under Xvfb for the README's pictures.
void scheduleScreenshot(swb::MainWindow& window, const QString& file, int invocations)
{
    auto* remaining = new int(invocations);
    auto save = [&window, file, remaining] {
        delete remaining;
        QTimer::singleShot(600, &window, [&window, file] { // let the logs and timeline paint
            QScreen* screen = window.screen();
            const QPixmap shot = screen ? screen->grabWindow(0) : window.grab();
            if (!shot.save(file))
                std::fprintf(stderr, "serverless-workbench: cannot write %s\n", qPrintable(file));
            QApplication::quit();
        });
    };
    if (invocations <= 0 || !window.runner()) {
        QTimer::singleShot(1500, &window, save);
        return;
    }
    QObject::connect(window.runPanel(), &swb::RunPanel::invocationFinished, &window,
                     [&window, remaining, save](const swb::InvocationRecord&) {
                         if (--*remaining > 0)
                             window.runPanel()->invoke();
                         else
                             save();
                     });
    QTimer::singleShot(1000, &window, [&window] { window.runPanel()->invoke(); });
}

// The value of --language, read before the parser exists: the parser's own help texts are
// translated, so the language must be installed first.
QString languageArgument(const QStringList& arguments)
{
    const QString option = QStringLiteral("--language");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == option && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(option + QLatin1Char('=')))
            return arguments[i].mid(option.size() + 1);
    }
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ServerlessWorkbench"));
    QApplication::setApplicationName(QStringLiteral("serverless-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(SWB_VERSION));

    QSettings store;
    swb::Settings settings(store);
    // --language for this run, else the saved override (Settings), else the system's language.
    const QString oneRunLanguage = languageArgument(QApplication::arguments());
    const QString language = swb::Translations::choose(oneRunLanguage, settings.languageOverride());
    if (swb::Translations::install(app, language).isEmpty() && !oneRunLanguage.isEmpty() &&
        !QLocale(oneRunLanguage).name().startsWith(QLatin1String("en")))
        std::fprintf(stderr,
                     "serverless-workbench: --language %s: no translation (there are: %s); "
                     "using English.\n",
                     qPrintable(oneRunLanguage),
                     qPrintable(swb::Translations::available().join(QStringLiteral(", "))));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Serverless Workbench: write, run, see, price and "
                                        "deploy serverless functions."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"),
                                 QApplication::translate("main", "A workspace folder to open."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a screenshot to FILE (after --invoke runs) and "
                                        "quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption invoke(
        QStringLiteral("invoke"),
        QApplication::translate("main", "With --screenshot: invoke the selected function N "
                                        "times first."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption raise(
        QStringLiteral("raise"),
        QApplication::translate("main", "With --screenshot: bring these panels to the front "
                                        "(Run, Cost, Timeline, Logs, Metrics; comma-separated)."),
        QStringLiteral("PANELS"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QApplication::translate("main", "Use this theme for this run only: system, light or "
                                        "dark (View > Theme keeps one)."),
        QStringLiteral("NAME"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("main", "Show the window in this language for this run only: "
                                        "a locale name such as de or zh_CN (en for English)."),
        QStringLiteral("CODE"));
    parser.addOption(theme);
    parser.addOption(languageOption);
    parser.addOption(screenshot);
    parser.addOption(invoke);
    parser.addOption(raise);
    parser.process(app);

    swb::MainWindow window(settings);
    // SIGTERM (logout, kill) or SIGINT: leave as a close does, without its questions — the
    // window's destructor stops the instances and the workspace's databases, and unsaved
    // buffers stay in the recovery folder for the next start.
    swb::SignalWatcher stopSignals;
    QObject::connect(&stopSignals, &swb::SignalWatcher::stopRequested, &app, &QApplication::quit);
    if (parser.isSet(theme)) {
        const QString name = parser.value(theme);
        if (!swb::Settings::themes().contains(name)) {
            std::fprintf(stderr,
                         "serverless-workbench: --theme %s: choose system, light or dark.\n",
                         qPrintable(name));
            return 2;
        }
        window.applyTheme(name, false);
    }
    const QStringList args = parser.positionalArguments();
    const QString folder = !args.isEmpty() ? args.first() : settings.lastWorkspace();
    if (!folder.isEmpty())
        window.openWorkspace(QFileInfo(folder).absoluteFilePath());
    window.show();
    for (const QString& panel : parser.value(raise).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (auto* dock = window.findChild<QDockWidget*>(panel.trimmed() + QStringLiteral("Dock")))
            dock->raise();
    }
    if (parser.isSet(screenshot))
        scheduleScreenshot(window, parser.value(screenshot), parser.value(invoke).toInt());
    return app.exec();
}
