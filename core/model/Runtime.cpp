#include "Runtime.h"

#include <QRegularExpression>

namespace swb {

const QList<RuntimeInfo>& supportedRuntimes()
{
    static const QList<RuntimeInfo> runtimes = {
        {QStringLiteral("python3.9"), RuntimeFamily::Python, QStringLiteral("3.9")},
        {QStringLiteral("python3.10"), RuntimeFamily::Python, QStringLiteral("3.10")},
        {QStringLiteral("python3.11"), RuntimeFamily::Python, QStringLiteral("3.11")},
        {QStringLiteral("python3.12"), RuntimeFamily::Python, QStringLiteral("3.12")},
        {QStringLiteral("python3.13"), RuntimeFamily::Python, QStringLiteral("3.13")},
        {QStringLiteral("nodejs18.x"), RuntimeFamily::Node, QStringLiteral("18")},
        {QStringLiteral("nodejs20.x"), RuntimeFamily::Node, QStringLiteral("20")},
        {QStringLiteral("nodejs22.x"), RuntimeFamily::Node, QStringLiteral("22")},
        {QStringLiteral("provided.al2023"), RuntimeFamily::Provided, QString()},
        {QStringLiteral("provided.al2"), RuntimeFamily::Provided, QString()},
    };
    return runtimes;
}

QStringList supportedRuntimeIds()
{
    QStringList ids;
    for (const RuntimeInfo& r : supportedRuntimes())
        ids << r.id;
    return ids;
}

std::optional<RuntimeInfo> findRuntime(const QString& id)
{
    for (const RuntimeInfo& r : supportedRuntimes()) {
        if (r.id == id)
            return r;
    }
    return std::nullopt;
}

QString handlerFormatProblem(RuntimeFamily family, const QString& handler)
{
    if (handler.trimmed().isEmpty())
        return QStringLiteral("the handler is empty");
    if (family == RuntimeFamily::Provided)
        return {}; // a custom runtime interprets _HANDLER itself
    const qsizetype dot = handler.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == handler.size() - 1)
        return QStringLiteral("expected FILE.FUNCTION (for example \"app.handler\")");
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*$"));
    if (!identifier.match(handler.mid(dot + 1)).hasMatch())
        return QStringLiteral("\"%1\" is not a valid function name").arg(handler.mid(dot + 1));
    const QString module = handler.left(dot);
    if (module.startsWith(QLatin1Char('/')) || module.split(QLatin1Char('/')).contains(u".."))
        return QStringLiteral("the handler's file must stay inside the code folder");
    return {};
}

QStringList handlerSourceCandidates(RuntimeFamily family, const QString& handler)
{
    if (!handlerFormatProblem(family, handler).isEmpty())
        return {};
    if (family == RuntimeFamily::Provided)
        return {QStringLiteral("bootstrap")};
    const QString module = handler.left(handler.lastIndexOf(QLatin1Char('.')));
    if (family == RuntimeFamily::Python) {
        // Python's importer resolves "pkg.mod" to pkg/mod.py (or a package's __init__.py).
        const QString path = QString(module).replace(QLatin1Char('.'), QLatin1Char('/'));
        return {path + QStringLiteral(".py"), path + QStringLiteral("/__init__.py")};
    }
    return {module + QStringLiteral(".js"), module + QStringLiteral(".mjs"),
            module + QStringLiteral(".cjs")};
}

} // namespace swb
