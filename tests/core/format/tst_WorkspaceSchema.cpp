// The JSON Schema in resources/schema is what editors check workbench.json with; the code is
// what the workbench checks it with. This test keeps the two saying the same thing.
#include "format/WorkspaceFile.h"
#include "format/WorkspaceValidator.h"
#include "model/FunctionSpec.h"
#include "model/ResourceSpec.h"
#include "model/Runtime.h"
#include "model/TriggerSpec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace swb;

namespace {

QJsonObject schema()
{
    QFile file(QStringLiteral(":/swb/schema/workbench.schema.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject definition(const char* name)
{
    return schema().value(QStringLiteral("$defs")).toObject().value(QLatin1String(name)).toObject();
}

QStringList enumOf(const QJsonObject& def, const char* property)
{
    QStringList values;
    const QJsonArray a = def.value(QStringLiteral("properties"))
                             .toObject()
                             .value(QLatin1String(property))
                             .toObject()
                             .value(QStringLiteral("enum"))
                             .toArray();
    for (const QJsonValue& v : a)
        values << v.toString();
    return values;
}

} // namespace

class tst_WorkspaceSchema : public QObject {
    Q_OBJECT
private slots:
    void schemaIsBuiltIn();
    void schemaNamesExactlyTheKeysTheCodeReads();
    void schemaEnumsMatchTheCode();
    void schemaLimitsMatchTheCode();
};

void tst_WorkspaceSchema::schemaIsBuiltIn()
{
    QVERIFY(!schema().isEmpty());
    QCOMPARE(schema().value(QStringLiteral("$id")).toString(),
             QStringLiteral("https://serverless-workbench.dev/schema/workbench-1.json"));
}

void tst_WorkspaceSchema::schemaNamesExactlyTheKeysTheCodeReads()
{
    QSet<QString> inSchema;
    auto collect = [&inSchema](const QJsonObject& def) {
        const QJsonObject properties = def.value(QStringLiteral("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            inSchema.insert(it.key());
    };
    collect(schema());
    const QJsonObject defs = schema().value(QStringLiteral("$defs")).toObject();
    for (auto it = defs.begin(); it != defs.end(); ++it)
        collect(it.value().toObject());
    const QStringList& order = WorkspaceFile::keyOrder();
    const QSet<QString> inCode(order.cbegin(), order.cend());
    QCOMPARE(inSchema, inCode);
}

void tst_WorkspaceSchema::schemaEnumsMatchTheCode()
{
    QCOMPARE(enumOf(definition("function"), "runtime"), supportedRuntimeIds());
    QCOMPARE(enumOf(definition("trigger"), "type"), triggerTypeNames());
    QCOMPARE(enumOf(definition("scenario"), "provider"), WorkspaceValidator::providers());
    QCOMPARE(enumOf(definition("deployTarget"), "provider"), WorkspaceValidator::deployProviders());
    QCOMPARE(enumOf(definition("resource"), "type"), ResourceSpec::typeNames());
}

void tst_WorkspaceSchema::schemaLimitsMatchTheCode()
{
    const QJsonObject memory = definition("function")
                                   .value(QStringLiteral("properties"))
                                   .toObject()
                                   .value(QStringLiteral("memoryMb"))
                                   .toObject();
    QCOMPARE(memory.value(QStringLiteral("minimum")).toInt(), FunctionLimits::kMinMemoryMb);
    QCOMPARE(memory.value(QStringLiteral("maximum")).toInt(), FunctionLimits::kMaxMemoryMb);
    QCOMPARE(memory.value(QStringLiteral("default")).toInt(), FunctionLimits::kDefaultMemoryMb);
    const QJsonObject timeout = definition("function")
                                    .value(QStringLiteral("properties"))
                                    .toObject()
                                    .value(QStringLiteral("timeoutSeconds"))
                                    .toObject();
    QCOMPARE(timeout.value(QStringLiteral("minimum")).toInt(), FunctionLimits::kMinTimeoutSeconds);
    QCOMPARE(timeout.value(QStringLiteral("maximum")).toInt(), FunctionLimits::kMaxTimeoutSeconds);
    QCOMPARE(timeout.value(QStringLiteral("default")).toInt(),
             FunctionLimits::kDefaultTimeoutSeconds);
}

QTEST_GUILESS_MAIN(tst_WorkspaceSchema)
#include "tst_WorkspaceSchema.moc"
