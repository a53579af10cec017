#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace swb {

namespace {

const QString kResourceDir = QStringLiteral(":/i18n");
const QString kBaseName = QStringLiteral("serverless-workbench");
// The translators we install are children of the application with this name, so a second
// install() finds and replaces them.
const QString kTranslatorName = QStringLiteral("swb-translator");

} // namespace

QStringList Translations::available()
{
    QStringList languages;
    const QString prefix = kBaseName + QLatin1Char('_');
    for (const QString& file : QDir(kResourceDir).entryList({prefix + QStringLiteral("*.qm")}))
        languages << file.mid(prefix.size()).chopped(3);
    return languages;
}

QString Translations::choose(const QString& oneRun, const QString& savedOverride)
{
    if (!oneRun.trimmed().isEmpty())
        return oneRun.trimmed();
    return savedOverride.trimmed();
}

QString Translations::install(QCoreApplication& app, const QString& language)
{
    for (QTranslator* old :
         app.findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    // QTranslator::load(QLocale, …) tries the locale's UI languages in order: "de_DE" finds
    // serverless-workbench_de.qm, "zh-Hans-CN" finds serverless-workbench_zh_CN.qm.
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* ours = new QTranslator(&app);
    ours->setObjectName(kTranslatorName);
    if (!ours->load(locale, kBaseName, QStringLiteral("_"), kResourceDir)) {
        // No translation: English, whose catalogue holds only the plural forms ("1 line",
        // "3 lines" rather than the sources' "line(s)").
        if (ours->load(QLocale(QLocale::English), kBaseName, QStringLiteral("_"), kResourceDir))
            QCoreApplication::installTranslator(ours);
        else
            delete ours;
        return {};
    }
    const QString installed = ours->language();
    // Qt's own strings (dialog buttons, file dialogs); Debian ships them in
    // qt6-translations-l10n. Without them those few strings stay English.
    auto* qt = new QTranslator(&app);
    qt->setObjectName(kTranslatorName);
    if (qt->load(QLocale(installed), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QCoreApplication::installTranslator(ours);
    return installed;
}

} // namespace swb
