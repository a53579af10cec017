#include "Workspace.h"

#include <QDir>

namespace swb {

const FunctionSpec* Workspace::function(const QString& functionName) const
{
    for (const FunctionSpec& f : functions) {
        if (f.name == functionName)
            return &f;
    }
    return nullptr;
}

FunctionSpec* Workspace::function(const QString& functionName)
{
    for (FunctionSpec& f : functions) {
        if (f.name == functionName)
            return &f;
    }
    return nullptr;
}

const AuthorizerSpec* Workspace::authorizer(const QString& authorizerName) const
{
    for (const AuthorizerSpec& a : authorizers) {
        if (a.name == authorizerName)
            return &a;
    }
    return nullptr;
}

QString Workspace::filePath() const
{
    return QDir(folder).filePath(QString::fromLatin1(kFileName));
}

QString Workspace::codeFolder(const FunctionSpec& f) const
{
    return QDir::cleanPath(
        QDir(folder).filePath(f.codeUri.isEmpty() ? QStringLiteral(".") : f.codeUri));
}

QString Workspace::eventsFolder(const QString& functionName) const
{
    return QDir(folder).filePath(QStringLiteral("events/") + functionName);
}

QStringList Workspace::savedEvents(const QString& functionName) const
{
    QStringList names;
    const QDir dir(eventsFolder(functionName));
    for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        names << file.chopped(5);
    return names;
}

} // namespace swb
