#pragma once
// Small helpers for tests: write fixture files into a temporary folder, read them back.

#include <QByteArray>
#include <QString>

namespace swb::test {

// Writes `content` to folder/relativePath, creating parent folders. Fails the test on error
// (returns false so the caller can bail out with QVERIFY).
bool writeFile(const QString& folder, const QString& relativePath, const QByteArray& content);
QByteArray readFile(const QString& path);

// The source-tree path of a fixture: tests/fixtures/<relative>.
QString fixturePath(const QString& relative);

} // namespace swb::test
