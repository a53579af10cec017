#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace swb::test {

bool writeFile(const QString& folder, const QString& relativePath, const QByteArray& content)
{
    const QString path = QDir(folder).filePath(relativePath);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString fixturePath(const QString& relative)
{
    return QStringLiteral(SWB_SOURCE_DIR "/tests/fixtures/") + relative;
}

} // namespace swb::test
