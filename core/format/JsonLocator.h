#pragma once
// Maps JSON pointers to line and column in the text they came from, so that a problem found
// after parsing (a wrong type, a value out of range) can be shown where the user wrote it.

#include "TextFile.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace swb {

class JsonLocator {
public:
    // `utf8` must be valid JSON (parse it first); on malformed input the index is partial.
    explicit JsonLocator(const QByteArray& utf8);

    // Where the value at `pointer` starts; for a pointer that does not exist, the nearest
    // existing ancestor (a missing key is reported at the object that lacks it).
    std::optional<TextPosition> find(const QString& pointer) const;

    // Every key of every object in order of appearance with its pointer, duplicates included
    // (QJsonDocument keeps only the last of two equal keys; this lets us say so).
    struct Key {
        QString objectPointer;
        QString key;
        qsizetype offset;
    };
    const QList<Key>& keys() const { return m_keys; }
    TextPosition position(qsizetype byteOffset) const;

    static QString escape(const QString& token); // "a/b" -> "a~1b"
    static QString child(const QString& pointer, const QString& token);
    static QString child(const QString& pointer, qsizetype index);

private:
    void scanValue(const QString& pointer);
    void scanObject(const QString& pointer);
    void scanArray(const QString& pointer);
    QString scanString();
    void skipWhitespace();

    QByteArray m_text;
    qsizetype m_pos = 0;
    int m_depth = 0;
    QHash<QString, qsizetype> m_offsets;
    QList<Key> m_keys;
    QList<qsizetype> m_lineStarts;
};

} // namespace swb
