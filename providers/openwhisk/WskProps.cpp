#include "WskProps.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace swb {

QString WskProps::location(const QProcessEnvironment& environment, const QString& homeFolder)
{
    const QString configured = environment.value(QStringLiteral("WSK_CONFIG_FILE"));
    if (!configured.isEmpty())
        return configured;
    const QString home = homeFolder.isEmpty() ? QDir::homePath() : homeFolder;
    return QDir(home).filePath(QStringLiteral(".wskprops"));
}

Result<WskProps> WskProps::read(const QString& path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.exists())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("%1 does not exist; run \"wsk property set --apihost HOST "
                                   "--auth KEY\" or set the deploy target's endpoint and key.")
                        .arg(shown));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot read %1 (%2).").arg(shown, file.errorString()));

    static const QRegularExpression keyPattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    WskProps props;
    props.path = path;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const QString key = eq < 0 ? QString() : line.left(eq).trimmed();
        if (eq < 0 || !keyPattern.match(key).hasMatch()) {
            Error error{ErrorCode::Parse,
                        QStringLiteral("%1:%2: expected KEY=VALUE (as \"wsk property set\" "
                                       "writes it); fix or remove that line.")
                            .arg(shown)
                            .arg(i + 1),
                        {},
                        {}};
            error.diagnostics.append(Diagnostic{
                Severity::Error, path, {}, int(i + 1), 1, QStringLiteral("expected KEY=VALUE")});
            return std::unexpected(std::move(error));
        }
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) &&
            value.endsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        if (key == QLatin1String("APIHOST"))
            props.apiHost = value;
        else if (key == QLatin1String("AUTH"))
            props.auth = value;
        else if (key == QLatin1String("NAMESPACE"))
            props.namespaceName = value;
    }
    return props;
}

} // namespace swb
