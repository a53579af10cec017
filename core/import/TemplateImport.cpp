#include "TemplateImport.h"

#include "IntrinsicResolver.h"
#include "SamImporter.h"
#include "ServerlessImporter.h"
#include "YamlNode.h"
#include "format/TextFile.h"

namespace swb {

namespace {

enum class Format { Sam, Serverless, Unknown };

Format detect(const YamlNode& root)
{
    if (!root.isMap())
        return Format::Unknown;
    if (root.value(QStringLiteral("AWSTemplateFormatVersion")) ||
        root.value(QStringLiteral("Resources")))
        return Format::Sam;
    if (const YamlNode* transform = root.value(QStringLiteral("Transform"))) {
        const auto serverless = [](const YamlNode& node) {
            return node.isScalar() && node.text.startsWith(QLatin1String("AWS::Serverless"));
        };
        if (serverless(*transform) ||
            std::any_of(transform->items.begin(), transform->items.end(), serverless))
            return Format::Sam;
    }
    if (root.value(QStringLiteral("service")) &&
        (root.value(QStringLiteral("functions")) || root.value(QStringLiteral("provider"))))
        return Format::Serverless;
    return Format::Unknown;
}

// yaml-cpp accepts any tag; CloudFormation's are evaluated, others would silently change
// meaning, so each one is reported where it is written.
void collectUnknownTags(const YamlNode& node, const QString& pointer, const QString& file,
                        QList<Diagnostic>& warnings)
{
    if (!node.tag.isEmpty() && !IntrinsicResolver::isKnownTag(node.tag))
        warnings.append(Diagnostic{Severity::Warning, file, pointer, node.line, node.column,
                                   QStringLiteral("%1 is not a CloudFormation tag, so it is "
                                                  "ignored and the value is read as written.")
                                       .arg(node.tag)});
    for (size_t i = 0; i < node.items.size(); ++i)
        collectUnknownTags(node.items[i],
                           node.isMap() ? jsonPointerAppend(pointer, node.keys.at(qsizetype(i)))
                                        : jsonPointerAppend(pointer, qsizetype(i)),
                           file, warnings);
}

Result<YamlNode> readYaml(const QString& path)
{
    const Result<QString> text = readTextFile(path);
    if (!text)
        return std::unexpected(text.error());
    return parseYaml(*text, path);
}

Result<ImportResult> withTagWarnings(Result<ImportResult> result, const YamlNode& root,
                                     const QString& path)
{
    if (!result)
        return result;
    QList<Diagnostic> warnings;
    collectUnknownTags(root, QString(), path, warnings);
    result->warnings = warnings + result->warnings;
    return result;
}

Result<ImportResult> importSam(const YamlNode& root, const QString& path,
                               const QString& workspaceFolder)
{
    SamImporter importer(path, workspaceFolder);
    return withTagWarnings(importer.import(root), root, path);
}

Result<ImportResult> importServerless(const YamlNode& root, const QString& path,
                                      const QString& workspaceFolder,
                                      const QProcessEnvironment& environment)
{
    ServerlessImporter importer(path, workspaceFolder, environment);
    return withTagWarnings(importer.import(root), root, path);
}

} // namespace

Result<ImportResult> importSamTemplate(const QString& templatePath, const QString& workspaceFolder)
{
    const Result<YamlNode> root = readYaml(templatePath);
    if (!root)
        return std::unexpected(root.error());
    return importSam(*root, templatePath, workspaceFolder);
}

Result<ImportResult> importServerlessConfig(const QString& configPath,
                                            const QString& workspaceFolder,
                                            const QProcessEnvironment& environment)
{
    const Result<YamlNode> root = readYaml(configPath);
    if (!root)
        return std::unexpected(root.error());
    return importServerless(*root, configPath, workspaceFolder, environment);
}

Result<ImportResult> importTemplate(const QString& path, const QString& workspaceFolder,
                                    const QProcessEnvironment& environment)
{
    const Result<YamlNode> root = readYaml(path);
    if (!root)
        return std::unexpected(root.error());
    switch (detect(*root)) {
    case Format::Sam:
        return importSam(*root, path, workspaceFolder);
    case Format::Serverless:
        return importServerless(*root, path, workspaceFolder, environment);
    case Format::Unknown:
        break;
    }
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("%1 is neither an AWS SAM template nor a serverless.yml (it has "
                               "no Resources and no service with functions); choose the "
                               "project's template.yaml or serverless.yml.")
                    .arg(path),
                path);
}

} // namespace swb
