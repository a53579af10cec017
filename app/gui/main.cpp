// serverless-workbench: the desktop window. Opens the workspace named on the command line,
// else the last one, else the welcome page.
#include "MainWindow.h"
#include "settings/Settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ServerlessWorkbench"));
    QApplication::setApplicationName(QStringLiteral("serverless-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(SWB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Serverless Workbench: write, run, see, price and "
                                        "deploy serverless functions."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"),
                                 QApplication::translate("main", "A workspace folder to open."));
    parser.process(app);

    QSettings store;
    swb::Settings settings(store);
    swb::MainWindow window(settings);
    const QStringList args = parser.positionalArguments();
    const QString folder = !args.isEmpty() ? args.first() : settings.lastWorkspace();
    if (!folder.isEmpty())
        window.openWorkspace(QFileInfo(folder).absoluteFilePath());
    window.show();
    return app.exec();
}
