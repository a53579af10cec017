#pragma once
// The window's language: picks one (a one-run choice, else the saved override, else the
// system's) and installs our translation, embedded as :/i18n/serverless-workbench_<lang>.qm,
// with Qt's own (qtbase_<lang>.qm: standard buttons, file dialogs) on the application.
// main.cpp and the GUI tests install languages the same way, through this class.

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace swb {

class Translations {
public:
    // The languages we ship a translation for, as locale names ("de", "zh_CN").
    static QStringList available();

    // The language to use: `oneRun` (--language) if given, else `savedOverride`
    // (Settings::languageOverride()), else empty, which means the system's language.
    static QString choose(const QString& oneRun, const QString& savedOverride);

    // Replaces the translations installed by an earlier call. `language` is a locale name;
    // empty means the system's. Returns the language installed ("de", "zh_CN"), or an empty
    // string when there is no translation for it (the window stays in English, with English
    // plural forms).
    static QString install(QCoreApplication& app, const QString& language);
};

} // namespace swb
