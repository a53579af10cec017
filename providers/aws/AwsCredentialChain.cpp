#include "AwsCredentialChain.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringList>

#include <utility>

namespace swb {

namespace {

struct IniValue {
    QString value;
    int line = 0;
};

struct IniSection {
    int line = 0;
    QHash<QString, IniValue> values;
};

// One AWS INI file: sections by profile name. Lines are never quoted back in messages, since a
// malformed line may hold a key.
struct IniFile {
    QString path;
    QHash<QString, IniSection> profiles;
};

Error iniError(const QString& path, int line, const QString& problem)
{
    Error error{
        ErrorCode::Parse,
        QStringLiteral("%1 line %2: %3; fix or remove that line.").arg(path).arg(line).arg(problem),
        {},
        {}};
    error.diagnostics.append(Diagnostic{Severity::Error, path, {}, line, 0, problem});
    return error;
}

// The config file names profiles "[profile dev]" (and "[default]"); the credentials file
// names them "[dev]". Other config sections (sso-session, services) are not profiles.
QString profileName(const QString& section, bool configFile)
{
    if (!configFile)
        return section;
    if (section == QLatin1String("default"))
        return section;
    if (section.startsWith(QLatin1String("profile ")) ||
        section.startsWith(QLatin1String("profile\t")))
        return section.mid(8).trimmed();
    return {};
}

Result<IniFile> readIni(const QString& path, bool configFile)
{
    IniFile ini{path, {}};
    QFile file(path);
    if (!file.exists())
        return ini;
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot read %1: %2; check its permissions.")
                                       .arg(path, file.errorString()));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    IniSection* section = nullptr;
    IniSection ignored;
    QString lastKey;
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        QString line = lines[i];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')) ||
            trimmed.startsWith(QLatin1Char(';')))
            continue;
        if (trimmed.startsWith(QLatin1Char('['))) {
            if (!trimmed.endsWith(QLatin1Char(']')))
                return std::unexpected(
                    iniError(path, number, QStringLiteral("a section header has no closing ']'")));
            const QString name = trimmed.mid(1, trimmed.size() - 2).trimmed();
            if (name.isEmpty())
                return std::unexpected(
                    iniError(path, number, QStringLiteral("a section header has no name")));
            const QString profile = profileName(name, configFile);
            // Sections that are not profiles are read (to check the syntax) and dropped.
            ignored = {};
            section = profile.isEmpty() ? &ignored : &ini.profiles[profile];
            if (section->line == 0)
                section->line = number;
            lastKey.clear();
            continue;
        }
        // An indented line under "s3 =" is a nested setting (the CLI's s3/… sub-keys).
        if ((line.startsWith(QLatin1Char(' ')) || line.startsWith(QLatin1Char('\t'))) &&
            !lastKey.isEmpty())
            continue;
        const qsizetype eq = trimmed.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return std::unexpected(iniError(
                path, number, QStringLiteral("expected \"key = value\" or \"[section]\"")));
        if (!section)
            return std::unexpected(iniError(
                path, number,
                QStringLiteral("a setting comes before any [section] (for example [default])")));
        lastKey = trimmed.left(eq).trimmed();
        section->values.insert(lastKey, IniValue{trimmed.mid(eq + 1).trimmed(), number});
    }
    return ini;
}

QString profileIn(const QString& profile, const QString& path)
{
    return QStringLiteral("profile '%1' in %2").arg(profile, path);
}

class Resolver {
public:
    Resolver(const IniFile& credentials, const IniFile& config)
        : m_credentials(credentials), m_config(config)
    {}

    bool hasProfile(const QString& name) const
    {
        return m_credentials.profiles.contains(name) || m_config.profiles.contains(name);
    }

    // A setting of `profile`: the credentials file wins over the config file, as in the CLI.
    struct Found {
        QString value;
        QString path;
        int line = 0;
        bool present = false;
    };
    Found setting(const QString& profile, const QString& key) const
    {
        for (const IniFile* file : {&m_credentials, &m_config}) {
            const auto section = file->profiles.constFind(profile);
            if (section == file->profiles.cend())
                continue;
            const auto value = section->values.constFind(key);
            if (value != section->values.cend())
                return {value->value, file->path, value->line, true};
        }
        return {};
    }

    Result<AwsCredentialResolution> resolve(const QString& name, QStringList chain,
                                            const QString& referrer) const
    {
        if (!hasProfile(name)) {
            if (!referrer.isEmpty())
                return fail(ErrorCode::NotFound,
                            QStringLiteral("%1 names source_profile '%2', which is in neither %3 "
                                           "nor %4; add that profile or fix source_profile.")
                                .arg(referrer, name, m_credentials.path, m_config.path));
            return fail(ErrorCode::NotFound,
                        QStringLiteral("Profile '%1' is in neither %2 nor %3; check the name "
                                       "(AWS_PROFILE or the profile setting) or run "
                                       "\"aws configure --profile %1\".")
                            .arg(name, m_credentials.path, m_config.path));
        }
        chain.append(name);

        const Found roleArn = setting(name, QStringLiteral("role_arn"));
        if (roleArn.present)
            return resolveRole(name, roleArn, chain);

        const Found id = setting(name, QStringLiteral("aws_access_key_id"));
        const Found secret = setting(name, QStringLiteral("aws_secret_access_key"));
        if (id.value.isEmpty() != secret.value.isEmpty()) {
            const Found& has = id.value.isEmpty() ? secret : id;
            return fail(ErrorCode::Validation,
                        QStringLiteral("Profile '%1' in %2 (line %3) has %4 but not %5; add it or "
                                       "remove the other.")
                            .arg(name, has.path)
                            .arg(has.line)
                            .arg(id.value.isEmpty() ? QStringLiteral("aws_secret_access_key")
                                                    : QStringLiteral("aws_access_key_id"),
                                 id.value.isEmpty() ? QStringLiteral("aws_access_key_id")
                                                    : QStringLiteral("aws_secret_access_key")));
        }
        if (id.value.isEmpty()) {
            const Found sso = setting(name, QStringLiteral("sso_session"));
            const Found ssoUrl = setting(name, QStringLiteral("sso_start_url"));
            const Found process = setting(name, QStringLiteral("credential_process"));
            if (sso.present || ssoUrl.present || process.present)
                return fail(ErrorCode::Unsupported,
                            QStringLiteral("Profile '%1' gets its credentials from %2, which "
                                           "Serverless Workbench cannot use yet; export "
                                           "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/"
                                           "AWS_SESSION_TOKEN (for example with \"aws configure "
                                           "export-credentials --format env\") instead.")
                                .arg(name, process.present ? QStringLiteral("credential_process")
                                                           : QStringLiteral("AWS IAM Identity "
                                                                            "Center (SSO)")));
            return fail(ErrorCode::Validation,
                        QStringLiteral("Profile '%1' has neither aws_access_key_id and "
                                       "aws_secret_access_key (in %2) nor role_arn and "
                                       "source_profile (in %3); add one of them.")
                            .arg(name, m_credentials.path, m_config.path));
        }
        AwsCredentialResolution r;
        r.credentials.accessKeyId = id.value;
        r.credentials.secretAccessKey = secret.value;
        r.credentials.sessionToken = setting(name, QStringLiteral("aws_session_token")).value;
        r.credentialsSource = profileIn(name, id.path);
        return r;
    }

private:
    Result<AwsCredentialResolution> resolveRole(const QString& name, const Found& roleArn,
                                                const QStringList& chain) const
    {
        AwsRoleStep step;
        step.profile = name;
        step.roleArn = roleArn.value;
        step.roleSessionName = setting(name, QStringLiteral("role_session_name")).value;
        step.externalId = setting(name, QStringLiteral("external_id")).value;
        step.source = profileIn(name, roleArn.path);
        const Found duration = setting(name, QStringLiteral("duration_seconds"));
        if (duration.present) {
            bool ok = false;
            step.durationSeconds = duration.value.toInt(&ok);
            if (!ok || step.durationSeconds < 900 || step.durationSeconds > 43200)
                return fail(ErrorCode::Validation,
                            QStringLiteral("Profile '%1' in %2 (line %3): duration_seconds must be "
                                           "a whole number of seconds from 900 to 43200.")
                                .arg(name, duration.path)
                                .arg(duration.line));
        }
        if (setting(name, QStringLiteral("credential_source")).present)
            return fail(
                ErrorCode::Unsupported,
                QStringLiteral("Profile '%1' in %2 uses credential_source, which Serverless "
                               "Workbench does not support; use source_profile instead.")
                    .arg(name, roleArn.path));
        const Found source = setting(name, QStringLiteral("source_profile"));
        if (source.value.isEmpty())
            return fail(ErrorCode::Validation,
                        QStringLiteral("Profile '%1' in %2 (line %3) has role_arn but no "
                                       "source_profile; add source_profile = <a profile with "
                                       "keys>.")
                            .arg(name, roleArn.path)
                            .arg(roleArn.line));

        Result<AwsCredentialResolution> base;
        if (source.value == name) {
            // A role profile may hold the keys it assumes the role with (the CLI allows it).
            const Found id = setting(name, QStringLiteral("aws_access_key_id"));
            const Found secret = setting(name, QStringLiteral("aws_secret_access_key"));
            if (id.value.isEmpty() || secret.value.isEmpty())
                return fail(ErrorCode::Validation,
                            QStringLiteral("Profile '%1' in %2 (line %3) is its own "
                                           "source_profile but has no aws_access_key_id and "
                                           "aws_secret_access_key; add them or name another "
                                           "profile.")
                                .arg(name, source.path)
                                .arg(source.line));
            AwsCredentialResolution own;
            own.credentials = {id.value,
                               secret.value,
                               setting(name, QStringLiteral("aws_session_token")).value,
                               {}};
            own.credentialsSource = profileIn(name, id.path);
            base = own;
        } else if (chain.contains(source.value)) {
            QStringList loop = chain.mid(chain.indexOf(source.value));
            loop.append(source.value);
            return fail(ErrorCode::Validation,
                        QStringLiteral("The profiles %1 form a loop through source_profile (%2 "
                                       "line %3); point one of them at a profile with keys.")
                            .arg(loop.join(QStringLiteral(" -> ")), source.path)
                            .arg(source.line));
        } else {
            base = resolve(source.value, chain,
                           QStringLiteral("Profile '%1' in %2 (line %3)")
                               .arg(name, source.path)
                               .arg(source.line));
        }
        if (!base)
            return base;
        base->roles.append(step);
        return base;
    }

    const IniFile& m_credentials;
    const IniFile& m_config;
};

} // namespace

QString AwsCredentialResolution::source() const
{
    if (roles.isEmpty())
        return credentialsSource;
    QStringList steps;
    for (auto it = roles.crbegin(); it != roles.crend(); ++it)
        steps << QStringLiteral("role %1 (%2)").arg(it->roleArn, it->source);
    return QStringLiteral("%1 assumed with %2")
        .arg(steps.join(QStringLiteral(" assumed with ")), credentialsSource);
}

QString AwsCredentialResolution::toString() const
{
    const QString where = region.isEmpty()
                              ? QStringLiteral("no region")
                              : QStringLiteral("region %1 from %2").arg(region, regionSource);
    return QStringLiteral("access key %1 from %2; %3").arg(credentials.toString(), source(), where);
}

AwsCredentialChain::AwsCredentialChain(QProcessEnvironment environment, QString homePath)
    : m_environment(std::move(environment)), m_home(std::move(homePath))
{}

QString AwsCredentialChain::expandHome(const QString& path) const
{
    if (path == QLatin1String("~"))
        return m_home;
    if (path.startsWith(QLatin1String("~/")))
        return QDir(m_home).filePath(path.mid(2));
    return path;
}

QString AwsCredentialChain::credentialsFilePath() const
{
    const QString set = m_environment.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"));
    return set.isEmpty() ? QDir(m_home).filePath(QStringLiteral(".aws/credentials"))
                         : expandHome(set);
}

QString AwsCredentialChain::configFilePath() const
{
    const QString set = m_environment.value(QStringLiteral("AWS_CONFIG_FILE"));
    return set.isEmpty() ? QDir(m_home).filePath(QStringLiteral(".aws/config")) : expandHome(set);
}

Result<AwsCredentialResolution> AwsCredentialChain::resolve(const QString& profile) const
{
    const Result<IniFile> credentialsFile = readIni(credentialsFilePath(), false);
    if (!credentialsFile)
        return std::unexpected(credentialsFile.error());
    const Result<IniFile> configFile = readIni(configFilePath(), true);
    if (!configFile)
        return std::unexpected(configFile.error());
    const Resolver resolver(*credentialsFile, *configFile);

    const QString fromEnvironment = m_environment.value(QStringLiteral("AWS_PROFILE"));
    const QString name = !profile.isEmpty()           ? profile
                         : !fromEnvironment.isEmpty() ? fromEnvironment
                                                      : QStringLiteral("default");

    // As in the CLI, a profile that is named but missing is an error even when the
    // environment holds keys: the user meant that profile.
    if (name != QLatin1String("default") && !resolver.hasProfile(name))
        return resolver.resolve(name, {}, {});

    Result<AwsCredentialResolution> result;
    const QString id = m_environment.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
    const QString secret = m_environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    if (profile.isEmpty() && (!id.isEmpty() || !secret.isEmpty())) {
        if (id.isEmpty() || secret.isEmpty())
            return fail(ErrorCode::Validation,
                        QStringLiteral("%1 is set but %2 is not; set both, or unset both to use "
                                       "profile '%3'.")
                            .arg(id.isEmpty() ? QStringLiteral("AWS_SECRET_ACCESS_KEY")
                                              : QStringLiteral("AWS_ACCESS_KEY_ID"),
                                 id.isEmpty() ? QStringLiteral("AWS_ACCESS_KEY_ID")
                                              : QStringLiteral("AWS_SECRET_ACCESS_KEY"),
                                 name));
        AwsCredentialResolution fromVariables;
        fromVariables.credentials = {
            id, secret, m_environment.value(QStringLiteral("AWS_SESSION_TOKEN")), {}};
        fromVariables.credentialsSource = QStringLiteral("environment variables");
        result = fromVariables;
    } else if (name == QLatin1String("default") && !resolver.hasProfile(name)) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("No AWS credentials found: set AWS_ACCESS_KEY_ID and "
                                   "AWS_SECRET_ACCESS_KEY, or run \"aws configure\" to write %1.")
                        .arg(credentialsFilePath()));
    } else {
        result = resolver.resolve(name, {}, {});
        if (!result)
            return result;
    }
    result->profile = name;

    // Region: AWS_REGION, AWS_DEFAULT_REGION, then the profile's own setting.
    for (const QString& variable :
         {QStringLiteral("AWS_REGION"), QStringLiteral("AWS_DEFAULT_REGION")}) {
        const QString region = m_environment.value(variable);
        if (!region.isEmpty()) {
            result->region = region;
            result->regionSource = variable;
            return result;
        }
    }
    const Resolver::Found region = resolver.setting(name, QStringLiteral("region"));
    if (!region.value.isEmpty()) {
        result->region = region.value;
        result->regionSource = profileIn(name, region.path);
    }
    return result;
}

} // namespace swb
