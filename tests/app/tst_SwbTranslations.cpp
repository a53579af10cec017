// labels: integration
// swb speaks German and Simplified Chinese: chosen by --language or by the locale variables
// (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English otherwise. Its machine output (JSON) is the
// same in every language, and a language it does not have falls back to English with a warning.
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

// The environment of a user whose locale is `lang` (empty: none set, as on a clean Debian).
QProcessEnvironment localeEnvironment(const QString& lang)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        env.remove(QString::fromLatin1(name));
    if (!lang.isEmpty())
        env.insert(QStringLiteral("LANG"), lang);
    return env;
}

Run swb(const QStringList& args, const QString& lang = QString())
{
    QProcess process;
    process.setProcessEnvironment(localeEnvironment(lang));
    process.start(QStringLiteral(SWB_CLI_PATH), args);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// The terminal column where `needle` starts in `line`: Chinese characters take two.
qsizetype columnOf(const QString& line, const QString& needle)
{
    const qsizetype at = line.indexOf(needle);
    if (at < 0)
        return -1;
    qsizetype column = 0;
    for (qsizetype i = 0; i < at; ++i)
        column += line.at(i).unicode() >= 0x2E80 ? 2 : 1;
    return column;
}

QString example(const char* name)
{
    return QStringLiteral(SWB_SOURCE_DIR "/examples/") + QLatin1String(name);
}

} // namespace

class tst_SwbTranslations : public QObject {
    Q_OBJECT
private slots:
    void helpFollowsLanguageOption_data();
    void helpFollowsLanguageOption();
    void germanLocaleGivesGermanUsageError();
    void germanLocaleGivesGermanMissingFunction();
    void serveQueueTokenAndResourcesAreTranslated_data();
    void serveQueueTokenAndResourcesAreTranslated();
    void languageOptionBeatsTheLocale();
    void commandHelpIsTranslated();
    void noLocaleIsEnglishWithPlurals();
    void chineseTableHeadingsLineUp();
    void jsonIsTheSameInEveryLanguage_data();
    void jsonIsTheSameInEveryLanguage();
    void unknownLanguageFallsBackToEnglishWithWarning();
    void languageWithoutCodeIsUsageError();
};

void tst_SwbTranslations::helpFollowsLanguageOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<QString>("commands");
    QTest::addColumn<QString>("invokeSummary");
    QTest::newRow("de") << QStringList{QStringLiteral("--language"), QStringLiteral("de"),
                                       QStringLiteral("--help")}
                        << QStringLiteral("Aufruf: swb") << QStringLiteral("\nBefehle:\n")
                        << QStringLiteral("Kalt- und Warmstarts");
    QTest::newRow("de, = form") << QStringList{QStringLiteral("--help"),
                                               QStringLiteral("--language=de")}
                                << QStringLiteral("Aufruf: swb") << QStringLiteral("\nBefehle:\n")
                                << QStringLiteral("Kalt- und Warmstarts");
    QTest::newRow("zh_CN") << QStringList{QStringLiteral("--language"), QStringLiteral("zh_CN"),
                                          QStringLiteral("--help")}
                           << QStringLiteral("用法：swb") << QStringLiteral("\n命令：\n")
                           << QStringLiteral("冷启动和热启动");
    QTest::newRow("en") << QStringList{QStringLiteral("--language"), QStringLiteral("en"),
                                       QStringLiteral("--help")}
                        << QStringLiteral("Usage: swb") << QStringLiteral("\nCommands:\n")
                        << QStringLiteral("cold and warm starts");
}

void tst_SwbTranslations::helpFollowsLanguageOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, usage);
    QFETCH(QString, commands);
    QFETCH(QString, invokeSummary);
    const Run r = swb(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.outText().startsWith(usage), r.out.constData());
    QVERIFY2(r.outText().contains(commands), r.out.constData());
    QVERIFY2(r.outText().contains(invokeSummary), r.out.constData());
    // Command names stay what the user types.
    QVERIFY(r.outText().contains(QStringLiteral("\n  invoke     ")));
    QVERIFY(r.err.isEmpty());
}

void tst_SwbTranslations::germanLocaleGivesGermanUsageError()
{
    const Run r = swb({QStringLiteral("invoke")}, QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errText(), QStringLiteral("swb: invoke braucht genau einen Funktionsnamen.\n"
                                         "Mit „swb invoke --help“ erfahren Sie, wie der Befehl "
                                         "aufgerufen wird.\n"));
    QVERIFY(r.out.isEmpty());

    const Run unknown = swb({QStringLiteral("frobnicate")}, QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.errText().startsWith(QStringLiteral("swb: unbekannter Befehl „frobnicate“.")),
             unknown.err.constData());
}

// The commands of the local services (serve, queue, token, resources) speak the language too:
// their usage errors and their help.
void tst_SwbTranslations::serveQueueTokenAndResourcesAreTranslated_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("queue de") << QStringList{QStringLiteral("queue")}
                              << QStringLiteral("de_DE.UTF-8") << 2
                              << QStringLiteral(
                                     "queue braucht einen Unterbefehl: send, list oder receive.");
    QTest::newRow("queue help zh")
        << QStringList{QStringLiteral("queue"), QStringLiteral("--help")}
        << QStringLiteral("zh_CN.UTF-8") << 0 << QStringLiteral("读取死信队列");
    QTest::newRow("serve de") << QStringList{QStringLiteral("serve"), QStringLiteral("--port"),
                                             QStringLiteral("70000")}
                              << QStringLiteral("de_DE.UTF-8") << 2
                              << QStringLiteral("--port braucht eine Zahl von 0 bis 65535.");
    QTest::newRow("serve help de") << QStringList{QStringLiteral("serve"), QStringLiteral("--help")}
                                   << QStringLiteral("de_DE.UTF-8") << 0
                                   << QStringLiteral("Die Funktionen des Arbeitsbereichs auf einem "
                                                     "Port ausliefern");
    QTest::newRow("token zh") << QStringList{QStringLiteral("token"), QStringLiteral("issue")}
                              << QStringLiteral("zh_CN.UTF-8") << 2
                              << QStringLiteral("token issue 需要 --user NAME（令牌的主体）。");
    QTest::newRow("resources zh") << QStringList{QStringLiteral("resources"),
                                                 QStringLiteral("frob")}
                                  << QStringLiteral("zh_CN.UTF-8") << 2
                                  << QStringLiteral(
                                         "resources 需要一个操作：start、stop 或 status。");
}

void tst_SwbTranslations::serveQueueTokenAndResourcesAreTranslated()
{
    QFETCH(QStringList, args);
    QFETCH(QString, lang);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const Run r = swb(args, lang);
    QCOMPARE(r.exitCode, exitCode);
    const QString shown = exitCode == 0 ? r.outText() : r.errText();
    QVERIFY2(shown.contains(expected), qPrintable(shown));
    // And in English without a locale, so the check above is not passing on an untranslated text.
    const Run english = swb(args);
    QCOMPARE(english.exitCode, exitCode);
    QVERIFY2(!(exitCode == 0 ? english.outText() : english.errText()).contains(expected),
             english.err.constData());
}

void tst_SwbTranslations::germanLocaleGivesGermanMissingFunction()
{
    const Run r = swb({QStringLiteral("invoke"), QStringLiteral("nosuch"),
                       QStringLiteral("--workspace"), example("hello-python")},
                      QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.errText().startsWith(QStringLiteral("swb: Es gibt keine Funktion „nosuch“ in ")),
             r.err.constData());
    QVERIFY2(r.errText().contains(QStringLiteral("; Funktionen: hello.")), r.err.constData());

    // The same in Chinese, by the option.
    const Run zh =
        swb({QStringLiteral("--language"), QStringLiteral("zh_CN"), QStringLiteral("invoke"),
             QStringLiteral("nosuch"), QStringLiteral("--workspace"), example("hello-python")});
    QCOMPARE(zh.exitCode, 1);
    QVERIFY2(zh.errText().contains(QStringLiteral("中没有函数“nosuch”；现有函数：hello。")),
             zh.err.constData());
}

void tst_SwbTranslations::languageOptionBeatsTheLocale()
{
    // LANGUAGE and LC_ALL are read too; --language wins over all of them.
    const Run r =
        swb({QStringLiteral("invoke"), QStringLiteral("--language"), QStringLiteral("zh_CN")},
            QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.errText().startsWith(QStringLiteral("swb：invoke 需要且只需要一个函数名。\n")),
             r.err.constData());
    QVERIFY2(r.errText().contains(QStringLiteral("运行“swb invoke --help”查看用法。")),
             r.err.constData());
}

void tst_SwbTranslations::commandHelpIsTranslated()
{
    const Run r = swb({QStringLiteral("--language"), QStringLiteral("de"), QStringLiteral("invoke"),
                       QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.outText().startsWith(QStringLiteral("Aufruf: swb invoke FUNCTION ")),
             r.out.constData());
    QVERIFY2(r.outText().contains(QStringLiteral("Eine Funktion im lokalen Runner aufrufen")),
             r.out.constData());
    QVERIFY2(r.outText().contains(QStringLiteral("N-mal aufrufen (Standard 1).")),
             r.out.constData());
    // Option names are what the user types: never translated.
    QVERIFY(r.outText().contains(QStringLiteral("--repeat <N>")));
}

void tst_SwbTranslations::noLocaleIsEnglishWithPlurals()
{
    // No locale variable at all (a clean Debian): English, and the English plural catalogue
    // turns "%n function(s)" into "1 function".
    const Run r = swb({QStringLiteral("validate"), example("hello-python")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.outText().contains(QStringLiteral("is a valid workspace: \"hello-python\" with "
                                                 "1 function.\n")),
             r.out.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
}

void tst_SwbTranslations::chineseTableHeadingsLineUp()
{
    const Run r = swb({QStringLiteral("--language"), QStringLiteral("zh_CN"),
                       QStringLiteral("functions"), example("hello-python")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.outText().split(QLatin1Char('\n'));
    QVERIFY2(lines.size() >= 2 && lines.at(0).startsWith(QStringLiteral("名称")),
             r.out.constData());
    // Each heading starts in the column of its cells below.
    QCOMPARE(columnOf(lines.at(0), QStringLiteral("运行时")),
             columnOf(lines.at(1), QStringLiteral("python")));
    QCOMPARE(columnOf(lines.at(0), QStringLiteral("处理程序")),
             columnOf(lines.at(1), QStringLiteral("app.handler")));
    QCOMPARE(columnOf(lines.at(0), QStringLiteral("触发器")),
             columnOf(lines.at(1), QStringLiteral("GET /hello")));
}

void tst_SwbTranslations::jsonIsTheSameInEveryLanguage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("functions --json") << QStringList{
        QStringLiteral("functions"), QStringLiteral("--json"), example("hello-python")};
    QTest::newRow("validate --json") << QStringList{
        QStringLiteral("validate"), QStringLiteral("--json"), example("hello-python")};
    QTest::newRow("event list --json")
        << QStringList{QStringLiteral("event"), QStringLiteral("list"), QStringLiteral("--json")};
    QTest::newRow("event generate") << QStringList{
        QStringLiteral("event"), QStringLiteral("generate"), QStringLiteral("s3-put")};
}

void tst_SwbTranslations::jsonIsTheSameInEveryLanguage()
{
    QFETCH(QStringList, args);
    const Run english = swb(QStringList{QStringLiteral("--language"), QStringLiteral("en")} + args);
    QCOMPARE(english.exitCode, 0);
    QVERIFY(!english.out.isEmpty());
    for (const QString& language : {QStringLiteral("de"), QStringLiteral("zh_CN")}) {
        const Run other = swb(QStringList{QStringLiteral("--language"), language} + args);
        QCOMPARE(other.exitCode, english.exitCode);
        QCOMPARE(other.out, english.out);
    }
    const Run byLocale = swb(args, QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(byLocale.out, english.out);
}

void tst_SwbTranslations::unknownLanguageFallsBackToEnglishWithWarning()
{
    const Run r =
        swb({QStringLiteral("--language"), QStringLiteral("xx"), QStringLiteral("--help")},
            QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.outText().startsWith(QStringLiteral("Usage: swb")), r.out.constData());
    QCOMPARE(r.errText(),
             QStringLiteral("swb: warning: no translation for language \"xx\"; using English.\n"));
}

void tst_SwbTranslations::languageWithoutCodeIsUsageError()
{
    const Run r = swb({QStringLiteral("--help"), QStringLiteral("--language")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.errText().startsWith(QStringLiteral("swb: --language needs a language code")),
             r.err.constData());
}

QTEST_GUILESS_MAIN(tst_SwbTranslations)
#include "tst_SwbTranslations.moc"
