#pragma once
// Writes JSON for people to read and diff: two-space indent, the keys a format knows in its
// own order (QJsonDocument would sort them), unknown keys after them in alphabetical order.

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>

namespace swb {

// `keyOrder` ranks keys wherever they appear; keys not in it follow, sorted.
QByteArray writeJson(const QJsonValue& value, const QStringList& keyOrder = {});

} // namespace swb
