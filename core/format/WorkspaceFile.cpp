#include "WorkspaceFile.h"

#include "JsonLocator.h"
#include "JsonWriter.h"
#include "TextFile.h"
#include "WorkspaceValidator.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace swb {

namespace {

const QString kSchemaUrl =
    QStringLiteral("https://serverless-workbench.dev/schema/workbench-1.json");

const QStringList kWorkspaceKeys = {QStringLiteral("$schema"),   QStringLiteral("formatVersion"),
                                    QStringLiteral("name"),      QStringLiteral("functions"),
                                    QStringLiteral("scenarios"), QStringLiteral("deployTargets"),
                                    QStringLiteral("runner"),    QStringLiteral("authorizers"),
                                    QStringLiteral("resources"), QStringLiteral("tokenService")};
const QStringList kRunnerKeys = {QStringLiteral("keepAliveSeconds"),
                                 QStringLiteral("concurrencyLimit"),
                                 QStringLiteral("freezeIdleInstances"), QStringLiteral("region")};
const QStringList kFunctionKeys = {QStringLiteral("name"),
                                   QStringLiteral("description"),
                                   QStringLiteral("runtime"),
                                   QStringLiteral("handler"),
                                   QStringLiteral("codeUri"),
                                   QStringLiteral("memoryMb"),
                                   QStringLiteral("timeoutSeconds"),
                                   QStringLiteral("architecture"),
                                   QStringLiteral("environment"),
                                   QStringLiteral("reservedConcurrency"),
                                   QStringLiteral("provisionedConcurrency"),
                                   QStringLiteral("triggers"),
                                   QStringLiteral("destinations"),
                                   QStringLiteral("maximumRetryAttempts"),
                                   QStringLiteral("resources")};
const QStringList kTriggerKeys = {
    QStringLiteral("type"), QStringLiteral("method"), QStringLiteral("path"), QStringLiteral("api"),
    QStringLiteral("schedule"), QStringLiteral("source"), QStringLiteral("events"),
    QStringLiteral("batchSize"), QStringLiteral("startingPosition"), QStringLiteral("streamKind"),
    QStringLiteral("authorizer"), QStringLiteral("scopes"), QStringLiteral("enabled"),
    // queue triggers (docs/queues.md)
    QStringLiteral("batchWindow"), QStringLiteral("visibilityTimeout"),
    QStringLiteral("reportBatchItemFailures"), QStringLiteral("deadLetterQueue"),
    QStringLiteral("maxReceiveCount")};
const QStringList kDestinationKeys = {QStringLiteral("onSuccess"), QStringLiteral("onFailure")};
const QStringList kAuthorizerKeys = {
    QStringLiteral("type"),          QStringLiteral("issuer"),
    QStringLiteral("audience"),      QStringLiteral("identitySource"),
    QStringLiteral("function"),      QStringLiteral("resultTtlSeconds"),
    QStringLiteral("payloadFormat"), QStringLiteral("simpleResponses")};
// Scenario options the cost engine reads from ScenarioSpec::extensions (docs/cost.md).
const QStringList kScenarioCostOptions = {QStringLiteral("plan"),
                                          QStringLiteral("gateway"),
                                          QStringLiteral("ephemeralStorageMb"),
                                          QStringLiteral("provisionedInstances"),
                                          QStringLiteral("provisionedHours"),
                                          QStringLiteral("provisionedInvocationShare"),
                                          QStringLiteral("cpuMilli"),
                                          QStringLiteral("alwaysReadyInstances"),
                                          QStringLiteral("alwaysReadyHours"),
                                          QStringLiteral("alwaysReadyInvocationShare"),
                                          QStringLiteral("perInstanceConcurrency"),
                                          QStringLiteral("clusterMonthlyCost")};
const QStringList kScenarioKeys = {QStringLiteral("name"),
                                   QStringLiteral("provider"),
                                   QStringLiteral("region"),
                                   QStringLiteral("architecture"),
                                   QStringLiteral("function"),
                                   QStringLiteral("memoryMb"),
                                   QStringLiteral("invocationsPerMonth"),
                                   QStringLiteral("durationMs"),
                                   QStringLiteral("coldStartShare"),
                                   QStringLiteral("initDurationMs"),
                                   QStringLiteral("includeFreeTier")};
const QStringList kResourceKeys = {QStringLiteral("type"), QStringLiteral("seed")};
const QStringList kTokenServiceKeys = {QStringLiteral("issuer"), QStringLiteral("audience"),
                                       QStringLiteral("defaultTtl")};
const QStringList kDeployTargetKeys = {QStringLiteral("name"), QStringLiteral("provider"),
                                       QStringLiteral("region"), QStringLiteral("endpoint")};

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// Levenshtein distance, to suggest "memoryMb" for "memroyMb".
int editDistance(const QString& a, const QString& b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// Reads the JSON tree into the model, collecting every problem instead of stopping at one.
class Reader {
public:
    explicit Reader(QList<Diagnostic>& diagnostics) : m_diagnostics(diagnostics) {}

    void error(const QString& pointer, const QString& message)
    {
        m_diagnostics.append(Diagnostic{Severity::Error, {}, pointer, 0, 0, message});
    }
    void warning(const QString& pointer, const QString& message)
    {
        m_diagnostics.append(Diagnostic{Severity::Warning, {}, pointer, 0, 0, message});
    }

    // Unknown keys are kept (a newer version or the user's own notes) but a near-miss of a
    // known key is most likely a typo, so it is named.
    // Keys outside `known` are kept in the returned object; those in `passedOn` (read by
    // another layer from the extensions, such as the cost engine's scenario options) without a
    // warning.
    QJsonObject unknownKeys(const QJsonObject& o, const QStringList& known, const QString& at,
                            const QStringList& passedOn = {})
    {
        QJsonObject extra;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (known.contains(it.key()))
                continue;
            extra.insert(it.key(), it.value());
            if (passedOn.contains(it.key()))
                continue;
            QString best;
            int bestDistance = 3;
            for (const QString& k : known) {
                const int d = editDistance(it.key(), k);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            const QString pointer = JsonLocator::child(at, it.key());
            if (!best.isEmpty())
                warning(pointer, QStringLiteral("unknown key \"%1\" (did you mean \"%2\"?); it is "
                                                "kept but not used.")
                                     .arg(it.key(), best));
            else
                warning(pointer, QStringLiteral("unknown key \"%1\"; it is kept but not used; "
                                                "known keys here: %2.")
                                     .arg(it.key(), known.join(QStringLiteral(", "))));
        }
        return extra;
    }

    std::optional<QString> string(const QJsonObject& o, const QString& key, const QString& at,
                                  bool required)
    {
        const QString pointer = JsonLocator::child(at, key);
        if (!o.contains(key)) {
            if (required)
                error(at, QStringLiteral("missing required key \"%1\".").arg(key));
            return std::nullopt;
        }
        const QJsonValue v = o.value(key);
        if (!v.isString()) {
            error(pointer, QStringLiteral("expected a string, found %1.").arg(typeName(v)));
            return std::nullopt;
        }
        return v.toString();
    }

    std::optional<double> number(const QJsonObject& o, const QString& key, const QString& at)
    {
        if (!o.contains(key))
            return std::nullopt;
        const QJsonValue v = o.value(key);
        if (!v.isDouble()) {
            error(JsonLocator::child(at, key),
                  QStringLiteral("expected a number, found %1.").arg(typeName(v)));
            return std::nullopt;
        }
        return v.toDouble();
    }

    std::optional<int> integer(const QJsonObject& o, const QString& key, const QString& at)
    {
        const auto d = number(o, key, at);
        if (!d)
            return std::nullopt;
        if (*d != std::floor(*d) || std::abs(*d) > 2147483647.0) {
            error(JsonLocator::child(at, key),
                  QStringLiteral("expected a whole number, found %1.").arg(*d));
            return std::nullopt;
        }
        return int(*d);
    }

    std::optional<bool> boolean(const QJsonObject& o, const QString& key, const QString& at)
    {
        if (!o.contains(key))
            return std::nullopt;
        const QJsonValue v = o.value(key);
        if (!v.isBool()) {
            error(JsonLocator::child(at, key),
                  QStringLiteral("expected true or false, found %1.").arg(typeName(v)));
            return std::nullopt;
        }
        return v.toBool();
    }

    std::optional<QJsonObject> object(const QJsonValue& v, const QString& pointer)
    {
        if (!v.isObject()) {
            error(pointer, QStringLiteral("expected an object, found %1.").arg(typeName(v)));
            return std::nullopt;
        }
        return v.toObject();
    }

    std::optional<QJsonArray> array(const QJsonObject& o, const QString& key, const QString& at)
    {
        if (!o.contains(key))
            return std::nullopt;
        const QJsonValue v = o.value(key);
        if (!v.isArray()) {
            error(JsonLocator::child(at, key),
                  QStringLiteral("expected an array, found %1.").arg(typeName(v)));
            return std::nullopt;
        }
        return v.toArray();
    }

    // An array of strings; with `orOne`, a single string is a list of one.
    QStringList strings(const QJsonObject& o, const QString& key, const QString& at, bool orOne)
    {
        QStringList out;
        if (orOne && o.value(key).isString())
            return {o.value(key).toString()};
        const auto items = array(o, key, at);
        if (!items)
            return out;
        for (qsizetype i = 0; i < items->size(); ++i) {
            if (items->at(i).isString())
                out << items->at(i).toString();
            else
                error(JsonLocator::child(JsonLocator::child(at, key), i),
                      QStringLiteral("expected a string, found %1.").arg(typeName(items->at(i))));
        }
        return out;
    }

    AuthorizerSpec authorizer(const QString& name, const QJsonObject& o, const QString& at)
    {
        AuthorizerSpec a;
        a.name = name;
        a.type = string(o, QStringLiteral("type"), at, true).value_or(QString());
        a.issuer = string(o, QStringLiteral("issuer"), at, false).value_or(QString());
        a.audience = strings(o, QStringLiteral("audience"), at, true);
        if (o.contains(QStringLiteral("identitySource")))
            a.identitySource = strings(o, QStringLiteral("identitySource"), at, true);
        else if (a.type == QLatin1String("jwt"))
            a.identitySource = {QLatin1String(AuthorizerSpec::kDefaultIdentitySource)};
        a.function = string(o, QStringLiteral("function"), at, false).value_or(QString());
        a.resultTtlSeconds =
            integer(o, QStringLiteral("resultTtlSeconds"), at).value_or(a.resultTtlSeconds);
        a.payloadFormat =
            string(o, QStringLiteral("payloadFormat"), at, false).value_or(a.payloadFormat);
        a.simpleResponses =
            boolean(o, QStringLiteral("simpleResponses"), at).value_or(a.simpleResponses);
        a.extensions = unknownKeys(o, kAuthorizerKeys, at);
        return a;
    }

    // "resources": {"orders": {"type": "postgres", "seed": ["db/schema.sql"]}}
    ResourceMap resources(const QJsonObject& owner, const QString& ownerAt)
    {
        ResourceMap out;
        if (!owner.contains(QStringLiteral("resources")))
            return out;
        const QString at = JsonLocator::child(ownerAt, QStringLiteral("resources"));
        const auto o = object(owner.value(QStringLiteral("resources")), at);
        if (!o)
            return out;
        for (auto it = o->begin(); it != o->end(); ++it) {
            const QString p = JsonLocator::child(at, it.key());
            const auto r = object(it.value(), p);
            if (!r)
                continue;
            ResourceSpec spec;
            spec.type = string(*r, QStringLiteral("type"), p, false).value_or(spec.type);
            if (const auto seeds = array(*r, QStringLiteral("seed"), p)) {
                for (qsizetype i = 0; i < seeds->size(); ++i) {
                    if (seeds->at(i).isString())
                        spec.seeds << seeds->at(i).toString();
                    else
                        error(JsonLocator::child(JsonLocator::child(p, QStringLiteral("seed")), i),
                              QStringLiteral("expected a string (an SQL file), found %1.")
                                  .arg(typeName(seeds->at(i))));
                }
            }
            spec.extensions = unknownKeys(*r, kResourceKeys, p);
            out.insert(it.key(), spec);
        }
        return out;
    }

    TriggerSpec trigger(const QJsonObject& o, const QString& at)
    {
        TriggerSpec t;
        if (const auto type = string(o, QStringLiteral("type"), at, true)) {
            if (const auto known = triggerTypeFromName(*type))
                t.type = *known;
            else
                error(JsonLocator::child(at, QStringLiteral("type")),
                      QStringLiteral("unknown trigger type \"%1\"; allowed: %2.")
                          .arg(*type, triggerTypeNames().join(QStringLiteral(", "))));
        }
        t.method = string(o, QStringLiteral("method"), at, false).value_or(QString());
        t.path = string(o, QStringLiteral("path"), at, false).value_or(QString());
        t.api = string(o, QStringLiteral("api"), at, false).value_or(QString());
        t.schedule = string(o, QStringLiteral("schedule"), at, false).value_or(QString());
        t.source = string(o, QStringLiteral("source"), at, false).value_or(QString());
        if (const auto events = array(o, QStringLiteral("events"), at)) {
            for (qsizetype i = 0; i < events->size(); ++i) {
                if (events->at(i).isString())
                    t.events << events->at(i).toString();
                else
                    error(JsonLocator::child(JsonLocator::child(at, QStringLiteral("events")), i),
                          QStringLiteral("expected a string, found %1.")
                              .arg(typeName(events->at(i))));
            }
        }
        t.batchSize = integer(o, QStringLiteral("batchSize"), at).value_or(0);
        t.startingPosition =
            string(o, QStringLiteral("startingPosition"), at, false).value_or(QString());
        t.streamKind = string(o, QStringLiteral("streamKind"), at, false).value_or(QString());
        t.authorizer = string(o, QStringLiteral("authorizer"), at, false).value_or(QString());
        t.scopes = strings(o, QStringLiteral("scopes"), at, false);
        t.batchWindowSeconds = integer(o, QStringLiteral("batchWindow"), at).value_or(0);
        t.visibilityTimeoutSeconds = integer(o, QStringLiteral("visibilityTimeout"), at);
        t.reportBatchItemFailures =
            boolean(o, QStringLiteral("reportBatchItemFailures"), at).value_or(false);
        t.deadLetterQueue =
            string(o, QStringLiteral("deadLetterQueue"), at, false).value_or(QString());
        t.maxReceiveCount = integer(o, QStringLiteral("maxReceiveCount"), at).value_or(0);
        t.enabled = boolean(o, QStringLiteral("enabled"), at).value_or(true);
        t.extensions = unknownKeys(o, kTriggerKeys, at);
        return t;
    }

    FunctionSpec function(const QJsonObject& o, const QString& at)
    {
        FunctionSpec f;
        f.name = string(o, QStringLiteral("name"), at, true).value_or(QString());
        f.description = string(o, QStringLiteral("description"), at, false).value_or(QString());
        f.runtime = string(o, QStringLiteral("runtime"), at, true).value_or(QString());
        f.handler = string(o, QStringLiteral("handler"), at, true).value_or(QString());
        f.codeUri = string(o, QStringLiteral("codeUri"), at, false).value_or(QStringLiteral("."));
        f.memoryMb = integer(o, QStringLiteral("memoryMb"), at).value_or(f.memoryMb);
        f.timeoutSeconds =
            integer(o, QStringLiteral("timeoutSeconds"), at).value_or(f.timeoutSeconds);
        f.architecture =
            string(o, QStringLiteral("architecture"), at, false).value_or(f.architecture);
        if (o.contains(QStringLiteral("environment"))) {
            const QString envAt = JsonLocator::child(at, QStringLiteral("environment"));
            if (const auto env = object(o.value(QStringLiteral("environment")), envAt)) {
                for (auto it = env->begin(); it != env->end(); ++it) {
                    if (it.value().isString()) {
                        f.environment.insert(it.key(), it.value().toString());
                    } else {
                        error(JsonLocator::child(envAt, it.key()),
                              QStringLiteral("expected a string, found %1; Lambda passes "
                                             "variables as text, so write it in quotes.")
                                  .arg(typeName(it.value())));
                    }
                }
            }
        }
        f.reservedConcurrency = integer(o, QStringLiteral("reservedConcurrency"), at);
        f.provisionedConcurrency =
            integer(o, QStringLiteral("provisionedConcurrency"), at).value_or(0);
        if (const auto triggers = array(o, QStringLiteral("triggers"), at)) {
            const QString tAt = JsonLocator::child(at, QStringLiteral("triggers"));
            for (qsizetype i = 0; i < triggers->size(); ++i) {
                const QString p = JsonLocator::child(tAt, i);
                if (const auto t = object(triggers->at(i), p))
                    f.triggers.append(trigger(*t, p));
            }
        }
        if (o.contains(QStringLiteral("destinations"))) {
            const QString dAt = JsonLocator::child(at, QStringLiteral("destinations"));
            if (const auto d = object(o.value(QStringLiteral("destinations")), dAt)) {
                f.destinations.onSuccess =
                    string(*d, QStringLiteral("onSuccess"), dAt, false).value_or(QString());
                f.destinations.onFailure =
                    string(*d, QStringLiteral("onFailure"), dAt, false).value_or(QString());
                unknownKeys(*d, kDestinationKeys, dAt);
            }
        }
        f.maximumRetryAttempts = integer(o, QStringLiteral("maximumRetryAttempts"), at);
        f.resources = resources(o, at);
        f.extensions = unknownKeys(o, kFunctionKeys, at);
        return f;
    }

    ScenarioSpec scenario(const QJsonObject& o, const QString& at)
    {
        ScenarioSpec s;
        s.name = string(o, QStringLiteral("name"), at, true).value_or(QString());
        s.provider = string(o, QStringLiteral("provider"), at, true).value_or(QString());
        s.region = string(o, QStringLiteral("region"), at, false).value_or(QString());
        s.architecture =
            string(o, QStringLiteral("architecture"), at, false).value_or(s.architecture);
        s.function = string(o, QStringLiteral("function"), at, false).value_or(QString());
        s.memoryMb = integer(o, QStringLiteral("memoryMb"), at).value_or(s.memoryMb);
        s.invocationsPerMonth = number(o, QStringLiteral("invocationsPerMonth"), at).value_or(0);
        s.durationMs = number(o, QStringLiteral("durationMs"), at);
        s.coldStartShare = number(o, QStringLiteral("coldStartShare"), at);
        s.initDurationMs = number(o, QStringLiteral("initDurationMs"), at);
        s.includeFreeTier = boolean(o, QStringLiteral("includeFreeTier"), at).value_or(true);
        s.extensions = unknownKeys(o, kScenarioKeys, at, kScenarioCostOptions);
        return s;
    }

    DeployTarget deployTarget(const QJsonObject& o, const QString& at)
    {
        DeployTarget d;
        d.name = string(o, QStringLiteral("name"), at, true).value_or(QString());
        d.provider = string(o, QStringLiteral("provider"), at, true).value_or(QString());
        d.region = string(o, QStringLiteral("region"), at, false).value_or(QString());
        d.endpoint = string(o, QStringLiteral("endpoint"), at, false).value_or(QString());
        d.extensions = unknownKeys(o, kDeployTargetKeys, at);
        return d;
    }

    RunnerSettings runnerSettings(const QJsonObject& o, const QString& at)
    {
        RunnerSettings r;
        r.keepAliveSeconds =
            integer(o, QStringLiteral("keepAliveSeconds"), at).value_or(r.keepAliveSeconds);
        r.concurrencyLimit =
            integer(o, QStringLiteral("concurrencyLimit"), at).value_or(r.concurrencyLimit);
        r.freezeIdleInstances =
            boolean(o, QStringLiteral("freezeIdleInstances"), at).value_or(r.freezeIdleInstances);
        r.region = string(o, QStringLiteral("region"), at, false).value_or(r.region);
        r.extensions = unknownKeys(o, kRunnerKeys, at);
        return r;
    }

    TokenServiceSpec tokenService(const QJsonObject& o, const QString& at)
    {
        TokenServiceSpec t;
        t.issuer = string(o, QStringLiteral("issuer"), at, false).value_or(QString());
        const QJsonValue audience = o.value(QStringLiteral("audience"));
        const QString audienceAt = JsonLocator::child(at, QStringLiteral("audience"));
        if (audience.isString()) {
            t.audiences.append(audience.toString());
        } else if (audience.isArray()) {
            const QJsonArray items = audience.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                if (items.at(i).isString())
                    t.audiences.append(items.at(i).toString());
                else
                    error(
                        JsonLocator::child(audienceAt, i),
                        QStringLiteral("expected a string, found %1.").arg(typeName(items.at(i))));
            }
        } else if (!audience.isUndefined()) {
            error(audienceAt, QStringLiteral("expected a string or an array of strings, found %1.")
                                  .arg(typeName(audience)));
        }
        t.defaultTtl = string(o, QStringLiteral("defaultTtl"), at, false).value_or(QString());
        t.extensions = unknownKeys(o, kTokenServiceKeys, at);
        return t;
    }

    template <typename T, typename ReadOne>
    QList<T> list(const QJsonObject& root, const QString& key, ReadOne readOne)
    {
        QList<T> items;
        const auto a = array(root, key, QString());
        if (!a)
            return items;
        for (qsizetype i = 0; i < a->size(); ++i) {
            const QString p = JsonLocator::child(JsonLocator::child(QString(), key), i);
            if (const auto o = object(a->at(i), p))
                items.append(readOne(*o, p));
        }
        return items;
    }

private:
    QList<Diagnostic>& m_diagnostics;
};

QJsonObject withExtensions(QJsonObject o, const QJsonObject& extensions)
{
    for (auto it = extensions.begin(); it != extensions.end(); ++it) {
        if (!o.contains(it.key()))
            o.insert(it.key(), it.value());
    }
    return o;
}

QJsonObject toJson(const TriggerSpec& t)
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), triggerTypeName(t.type));
    auto put = [&o](const char* key, const QString& value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("method", t.method);
    put("path", t.path);
    put("api", t.api);
    put("schedule", t.schedule);
    put("source", t.source);
    if (!t.events.isEmpty())
        o.insert(QStringLiteral("events"), QJsonArray::fromStringList(t.events));
    if (t.batchSize > 0)
        o.insert(QStringLiteral("batchSize"), t.batchSize);
    put("startingPosition", t.startingPosition);
    put("streamKind", t.streamKind);
    put("authorizer", t.authorizer);
    if (!t.scopes.isEmpty())
        o.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(t.scopes));
    if (t.batchWindowSeconds > 0)
        o.insert(QStringLiteral("batchWindow"), t.batchWindowSeconds);
    if (t.visibilityTimeoutSeconds)
        o.insert(QStringLiteral("visibilityTimeout"), *t.visibilityTimeoutSeconds);
    if (t.reportBatchItemFailures)
        o.insert(QStringLiteral("reportBatchItemFailures"), true);
    put("deadLetterQueue", t.deadLetterQueue);
    if (t.maxReceiveCount > 0)
        o.insert(QStringLiteral("maxReceiveCount"), t.maxReceiveCount);
    if (!t.enabled)
        o.insert(QStringLiteral("enabled"), false);
    return withExtensions(o, t.extensions);
}

QJsonObject toJson(const ResourceMap& resources)
{
    QJsonObject o;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        QJsonObject r{{QStringLiteral("type"), it->type}};
        if (!it->seeds.isEmpty())
            r.insert(QStringLiteral("seed"), QJsonArray::fromStringList(it->seeds));
        o.insert(it.key(), withExtensions(r, it->extensions));
    }
    return o;
}

QJsonObject toJson(const FunctionSpec& f)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), f.name);
    if (!f.description.isEmpty())
        o.insert(QStringLiteral("description"), f.description);
    o.insert(QStringLiteral("runtime"), f.runtime);
    o.insert(QStringLiteral("handler"), f.handler);
    o.insert(QStringLiteral("codeUri"), f.codeUri.isEmpty() ? QStringLiteral(".") : f.codeUri);
    o.insert(QStringLiteral("memoryMb"), f.memoryMb);
    o.insert(QStringLiteral("timeoutSeconds"), f.timeoutSeconds);
    o.insert(QStringLiteral("architecture"), f.architecture);
    if (!f.environment.isEmpty()) {
        QJsonObject env;
        for (auto it = f.environment.begin(); it != f.environment.end(); ++it)
            env.insert(it.key(), it.value());
        o.insert(QStringLiteral("environment"), env);
    }
    if (f.reservedConcurrency)
        o.insert(QStringLiteral("reservedConcurrency"), *f.reservedConcurrency);
    if (f.provisionedConcurrency > 0)
        o.insert(QStringLiteral("provisionedConcurrency"), f.provisionedConcurrency);
    if (!f.triggers.isEmpty()) {
        QJsonArray triggers;
        for (const TriggerSpec& t : f.triggers)
            triggers.append(toJson(t));
        o.insert(QStringLiteral("triggers"), triggers);
    }
    if (!f.destinations.isEmpty()) {
        QJsonObject d;
        if (!f.destinations.onSuccess.isEmpty())
            d.insert(QStringLiteral("onSuccess"), f.destinations.onSuccess);
        if (!f.destinations.onFailure.isEmpty())
            d.insert(QStringLiteral("onFailure"), f.destinations.onFailure);
        o.insert(QStringLiteral("destinations"), d);
    }
    if (f.maximumRetryAttempts)
        o.insert(QStringLiteral("maximumRetryAttempts"), *f.maximumRetryAttempts);
    if (!f.resources.isEmpty())
        o.insert(QStringLiteral("resources"), toJson(f.resources));
    return withExtensions(o, f.extensions);
}

QJsonObject toJson(const ScenarioSpec& s)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), s.name);
    o.insert(QStringLiteral("provider"), s.provider);
    if (!s.region.isEmpty())
        o.insert(QStringLiteral("region"), s.region);
    o.insert(QStringLiteral("architecture"), s.architecture);
    if (!s.function.isEmpty())
        o.insert(QStringLiteral("function"), s.function);
    o.insert(QStringLiteral("memoryMb"), s.memoryMb);
    o.insert(QStringLiteral("invocationsPerMonth"), s.invocationsPerMonth);
    if (s.durationMs)
        o.insert(QStringLiteral("durationMs"), *s.durationMs);
    if (s.coldStartShare)
        o.insert(QStringLiteral("coldStartShare"), *s.coldStartShare);
    if (s.initDurationMs)
        o.insert(QStringLiteral("initDurationMs"), *s.initDurationMs);
    if (!s.includeFreeTier)
        o.insert(QStringLiteral("includeFreeTier"), false);
    return withExtensions(o, s.extensions);
}

QJsonObject toJson(const AuthorizerSpec& a)
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), a.type);
    if (!a.issuer.isEmpty())
        o.insert(QStringLiteral("issuer"), a.issuer);
    if (!a.audience.isEmpty())
        o.insert(QStringLiteral("audience"), QJsonArray::fromStringList(a.audience));
    if (a.type == QLatin1String("jwt") && a.identitySource.size() == 1)
        o.insert(QStringLiteral("identitySource"), a.identitySource.first());
    else if (!a.identitySource.isEmpty())
        o.insert(QStringLiteral("identitySource"), QJsonArray::fromStringList(a.identitySource));
    if (!a.function.isEmpty())
        o.insert(QStringLiteral("function"), a.function);
    if (a.type == QLatin1String("request")) {
        o.insert(QStringLiteral("resultTtlSeconds"), a.resultTtlSeconds);
        o.insert(QStringLiteral("payloadFormat"), a.payloadFormat);
        o.insert(QStringLiteral("simpleResponses"), a.simpleResponses);
    }
    return withExtensions(o, a.extensions);
}

QJsonObject toJson(const DeployTarget& d)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), d.name);
    o.insert(QStringLiteral("provider"), d.provider);
    if (!d.region.isEmpty())
        o.insert(QStringLiteral("region"), d.region);
    if (!d.endpoint.isEmpty())
        o.insert(QStringLiteral("endpoint"), d.endpoint);
    return withExtensions(o, d.extensions);
}

} // namespace

const QStringList& WorkspaceFile::keyOrder()
{
    static const QStringList order = [] {
        QStringList keys;
        for (const QStringList* list :
             {&kWorkspaceKeys, &kFunctionKeys, &kTriggerKeys, &kScenarioKeys, &kScenarioCostOptions,
              &kDeployTargetKeys, &kRunnerKeys, &kAuthorizerKeys, &kDestinationKeys, &kResourceKeys,
              &kTokenServiceKeys}) {
            for (const QString& k : *list) {
                if (!keys.contains(k))
                    keys << k;
            }
        }
        // Lists last so that a function's scalars read before its triggers.
        for (const char* k : {"environment", "triggers", "resources", "runner", "tokenService",
                              "functions", "scenarios", "deployTargets", "authorizers"})
            keys.move(keys.indexOf(QLatin1String(k)), keys.size() - 1);
        return keys;
    }();
    return order;
}

Result<LoadedWorkspace> WorkspaceFile::load(const QString& path)
{
    const QFileInfo given(path);
    QString folder;
    QString file;
    if (given.isDir()) {
        folder = given.absoluteFilePath();
        file = QDir(folder).filePath(QString::fromLatin1(Workspace::kFileName));
        if (!given.isReadable() || !given.isExecutable())
            return fail(ErrorCode::PermissionDenied,
                        QStringLiteral("The workspace folder %1 cannot be opened: permission "
                                       "denied; check the folder's permissions.")
                            .arg(folder));
        if (!QFileInfo::exists(file))
            return fail(ErrorCode::NotFound,
                        QStringLiteral("%1 is not a workspace: it has no %2; create one with "
                                       "\"swb import\" or from the examples.")
                            .arg(folder, QString::fromLatin1(Workspace::kFileName)));
    } else {
        file = given.absoluteFilePath();
        folder = given.absolutePath();
        const QFileInfo parent(folder);
        if (parent.exists() && (!parent.isReadable() || !parent.isExecutable()))
            return fail(ErrorCode::PermissionDenied,
                        QStringLiteral("The workspace folder %1 cannot be opened: permission "
                                       "denied; check the folder's permissions.")
                            .arg(folder));
        if (!given.exists())
            return fail(ErrorCode::NotFound,
                        QStringLiteral("%1 does not exist; give a workspace folder or its "
                                       "workbench.json.")
                            .arg(path));
    }
    auto text = readTextFile(file, kMaxFileBytes);
    if (!text)
        return std::unexpected(text.error());
    return parse(text->toUtf8(), folder, file);
}

Result<LoadedWorkspace> WorkspaceFile::parse(const QByteArray& utf8, const QString& folder,
                                             const QString& fileName)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition pos = positionAtUtf8(utf8, parseError.offset);
        Error e{ErrorCode::Parse,
                QStringLiteral("%1 is not valid JSON: %2 at line %3, column %4.")
                    .arg(fileName, parseError.errorString())
                    .arg(pos.line)
                    .arg(pos.column),
                {},
                {}};
        e.diagnostics.append(Diagnostic{
            Severity::Error, fileName, {}, pos.line, pos.column, parseError.errorString()});
        return std::unexpected(e);
    }

    QList<Diagnostic> diagnostics;
    Reader reader(diagnostics);
    LoadedWorkspace loaded;
    Workspace& ws = loaded.workspace;
    ws.folder = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    ws.name = QFileInfo(ws.folder).fileName();

    const JsonLocator locator(utf8);
    // Two equal keys in one object: JSON parsers keep one silently, so say which.
    {
        QSet<QString> seen;
        for (const JsonLocator::Key& k : locator.keys()) {
            const QString pointer = JsonLocator::child(k.objectPointer, k.key);
            if (seen.contains(pointer)) {
                reader.error(pointer, QStringLiteral("duplicate key \"%1\"; only the last one "
                                                     "would count, so remove one.")
                                          .arg(k.key));
                const TextPosition pos = locator.position(k.offset);
                diagnostics.last().line = pos.line;
                diagnostics.last().column = pos.column;
            }
            seen.insert(pointer);
        }
    }

    if (!doc.isObject()) {
        reader.error(QString(), QStringLiteral("expected an object at the top level, found %1.")
                                    .arg(doc.isArray() ? QStringLiteral("an array")
                                                       : QStringLiteral("a single value")));
    } else {
        const QJsonObject root = doc.object();
        if (const auto v = reader.integer(root, QStringLiteral("formatVersion"), QString())) {
            ws.formatVersion = *v;
            if (*v > Workspace::kFormatVersion || *v < 1)
                reader.error(QStringLiteral("/formatVersion"),
                             QStringLiteral("format version %1 is not supported (this version "
                                            "reads 1 to %2); update Serverless Workbench.")
                                 .arg(*v)
                                 .arg(Workspace::kFormatVersion));
        }
        reader.string(root, QStringLiteral("$schema"), QString(), false);
        if (const auto name = reader.string(root, QStringLiteral("name"), QString(), false))
            ws.name = *name;
        ws.functions = reader.list<FunctionSpec>(
            root, QStringLiteral("functions"),
            [&reader](const QJsonObject& o, const QString& p) { return reader.function(o, p); });
        ws.scenarios = reader.list<ScenarioSpec>(
            root, QStringLiteral("scenarios"),
            [&reader](const QJsonObject& o, const QString& p) { return reader.scenario(o, p); });
        ws.deployTargets =
            reader.list<DeployTarget>(root, QStringLiteral("deployTargets"),
                                      [&reader](const QJsonObject& o, const QString& p) {
                                          return reader.deployTarget(o, p);
                                      });
        if (root.contains(QStringLiteral("runner"))) {
            if (const auto o =
                    reader.object(root.value(QStringLiteral("runner")), QStringLiteral("/runner")))
                ws.runner = reader.runnerSettings(*o, QStringLiteral("/runner"));
        }
        if (root.contains(QStringLiteral("tokenService"))) {
            const QString at = QStringLiteral("/tokenService");
            if (const auto o = reader.object(root.value(QStringLiteral("tokenService")), at))
                ws.tokenService = reader.tokenService(*o, at);
        }
        if (root.contains(QStringLiteral("authorizers"))) {
            const QString at = QStringLiteral("/authorizers");
            if (const auto o = reader.object(root.value(QStringLiteral("authorizers")), at)) {
                for (auto it = o->begin(); it != o->end(); ++it) {
                    const QString p = JsonLocator::child(at, it.key());
                    if (const auto a = reader.object(it.value(), p))
                        ws.authorizers.append(reader.authorizer(it.key(), *a, p));
                }
            }
        }
        ws.resources = reader.resources(root, QString());
        ws.extensions = reader.unknownKeys(root, kWorkspaceKeys, QString());
        if (!root.contains(QStringLiteral("functions")))
            reader.error(QString(), QStringLiteral("missing required key \"functions\" (an "
                                                   "array, possibly empty)."));
    }

    // Semantic rules only make sense on a well-typed document.
    const bool wellTyped =
        std::none_of(diagnostics.cbegin(), diagnostics.cend(),
                     [](const auto& d) { return d.severity == Severity::Error; });
    if (wellTyped)
        diagnostics += WorkspaceValidator::validate(ws);

    for (Diagnostic& d : diagnostics) {
        d.file = fileName;
        if (d.line > 0)
            continue; // placed already
        if (const auto pos = locator.find(d.pointer)) {
            d.line = pos->line;
            d.column = pos->column;
        }
    }
    QList<Diagnostic> errors;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::Error)
            errors.append(d);
        else
            loaded.warnings.append(d);
    }
    if (!errors.isEmpty()) {
        Error e{ErrorCode::Validation,
                errors.size() == 1
                    ? QStringLiteral("%1 has 1 problem; fix it and validate again.").arg(fileName)
                    : QStringLiteral("%1 has %2 problems; fix them and validate again.")
                          .arg(fileName)
                          .arg(errors.size()),
                {},
                errors + loaded.warnings};
        return std::unexpected(e);
    }
    return loaded;
}

QByteArray WorkspaceFile::serialize(const Workspace& ws)
{
    QJsonObject root;
    root.insert(QStringLiteral("$schema"), kSchemaUrl);
    root.insert(QStringLiteral("formatVersion"), Workspace::kFormatVersion);
    root.insert(QStringLiteral("name"), ws.name);
    QJsonArray functions;
    for (const FunctionSpec& f : ws.functions)
        functions.append(toJson(f));
    root.insert(QStringLiteral("functions"), functions);
    if (!ws.scenarios.isEmpty()) {
        QJsonArray scenarios;
        for (const ScenarioSpec& s : ws.scenarios)
            scenarios.append(toJson(s));
        root.insert(QStringLiteral("scenarios"), scenarios);
    }
    if (!ws.deployTargets.isEmpty()) {
        QJsonArray targets;
        for (const DeployTarget& d : ws.deployTargets)
            targets.append(toJson(d));
        root.insert(QStringLiteral("deployTargets"), targets);
    }
    if (!ws.runner.isDefault()) {
        const QJsonObject runner{
            {QStringLiteral("keepAliveSeconds"), ws.runner.keepAliveSeconds},
            {QStringLiteral("concurrencyLimit"), ws.runner.concurrencyLimit},
            {QStringLiteral("freezeIdleInstances"), ws.runner.freezeIdleInstances},
            {QStringLiteral("region"), ws.runner.region}};
        root.insert(QStringLiteral("runner"), withExtensions(runner, ws.runner.extensions));
    }
    if (!ws.tokenService.isDefault()) {
        QJsonObject tokenService;
        if (!ws.tokenService.issuer.isEmpty())
            tokenService.insert(QStringLiteral("issuer"), ws.tokenService.issuer);
        if (!ws.tokenService.audiences.isEmpty())
            tokenService.insert(QStringLiteral("audience"),
                                QJsonArray::fromStringList(ws.tokenService.audiences));
        if (!ws.tokenService.defaultTtl.isEmpty())
            tokenService.insert(QStringLiteral("defaultTtl"), ws.tokenService.defaultTtl);
        root.insert(QStringLiteral("tokenService"),
                    withExtensions(tokenService, ws.tokenService.extensions));
    }
    if (!ws.authorizers.isEmpty()) {
        QJsonObject authorizers;
        for (const AuthorizerSpec& a : ws.authorizers)
            authorizers.insert(a.name, toJson(a));
        root.insert(QStringLiteral("authorizers"), authorizers);
    }
    if (!ws.resources.isEmpty())
        root.insert(QStringLiteral("resources"), toJson(ws.resources));
    return writeJson(withExtensions(root, ws.extensions), keyOrder());
}

Result<void> WorkspaceFile::save(const Workspace& ws)
{
    if (ws.folder.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The workspace has no folder to be saved in."));
    if (!QDir().mkpath(ws.folder))
        return fail(ErrorCode::Io, QStringLiteral("The workspace folder %1 cannot be created; "
                                                  "check the parent folder's permissions.")
                                       .arg(ws.folder));
    QSaveFile file(ws.filePath());
    if (!file.open(QIODevice::WriteOnly))
        return fail(
            ErrorCode::Io,
            QStringLiteral("%1 cannot be written: %2.").arg(ws.filePath(), file.errorString()));
    const QByteArray bytes = serialize(ws);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorCode::Io,
                    QStringLiteral("%1 cannot be written: %2; the previous file is unchanged.")
                        .arg(ws.filePath(), file.errorString()));
    return {};
}

Result<void> WorkspaceFile::copyFolder(const QString& from, const QString& to)
{
    const QDir source(from);
    if (!QFileInfo::exists(source.filePath(QString::fromLatin1(Workspace::kFileName))))
        return fail(ErrorCode::NotFound, QStringLiteral("%1 is not a workspace (no %2).")
                                             .arg(QDir::toNativeSeparators(from),
                                                  QString::fromLatin1(Workspace::kFileName)));
    if (QFileInfo::exists(to))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 already exists; copy into a new folder.")
                        .arg(QDir::toNativeSeparators(to)));
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    if (!QDir().mkpath(to))
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot create %1.").arg(QDir::toNativeSeparators(to)));
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = source.relativeFilePath(path);
        if (relative == QLatin1String(".swb") || relative.startsWith(QLatin1String(".swb/")) ||
            relative.contains(QLatin1String("__pycache__")))
            continue;
        const QString target = QDir(to).filePath(relative);
        const QFileInfo info(path);
        if (info.isSymLink())
            continue; // an example has none; a link could point anywhere
        if (info.isDir()) {
            QDir().mkpath(target);
            continue;
        }
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(path, target))
            return fail(ErrorCode::Io,
                        QStringLiteral("Cannot copy %1 to %2.")
                            .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(target)));
        // Copies of read-only installed files must stay editable.
        QFile::setPermissions(target, QFile::permissions(target) | QFileDevice::WriteOwner);
    }
    return {};
}

} // namespace swb
