#include "JsonLocator.h"

#include <algorithm>

namespace swb {

namespace {
constexpr int kMaxDepth = 512; // beyond this the document is hostile; stop indexing
}

JsonLocator::JsonLocator(const QByteArray& utf8) : m_text(utf8)
{
    m_lineStarts.append(0);
    for (qsizetype i = 0; i < m_text.size(); ++i) {
        if (m_text.at(i) == '\n')
            m_lineStarts.append(i + 1);
    }
    skipWhitespace();
    scanValue(QString());
}

QString JsonLocator::escape(const QString& token)
{
    QString t = token;
    t.replace(QLatin1Char('~'), QStringLiteral("~0"));
    t.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return t;
}

QString JsonLocator::child(const QString& pointer, const QString& token)
{
    return pointer + QLatin1Char('/') + escape(token);
}

QString JsonLocator::child(const QString& pointer, qsizetype index)
{
    return pointer + QLatin1Char('/') + QString::number(index);
}

std::optional<TextPosition> JsonLocator::find(const QString& pointer) const
{
    QString p = pointer;
    while (true) {
        const auto it = m_offsets.constFind(p);
        if (it != m_offsets.constEnd())
            return position(*it);
        if (p.isEmpty())
            return std::nullopt;
        p.truncate(std::max<qsizetype>(0, p.lastIndexOf(QLatin1Char('/'))));
    }
}

TextPosition JsonLocator::position(qsizetype byteOffset) const
{
    const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), byteOffset);
    const qsizetype lineIndex = std::distance(m_lineStarts.cbegin(), it) - 1;
    const qsizetype start = m_lineStarts.at(lineIndex);
    int column = 1;
    for (qsizetype i = start; i < byteOffset && i < m_text.size(); ++i) {
        if ((static_cast<unsigned char>(m_text.at(i)) & 0xC0) != 0x80)
            ++column;
    }
    return TextPosition{int(lineIndex + 1), column};
}

void JsonLocator::skipWhitespace()
{
    while (m_pos < m_text.size()) {
        const char c = m_text.at(m_pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        ++m_pos;
    }
}

QString JsonLocator::scanString()
{
    // m_pos is at the opening quote; decode enough to name keys (escapes included).
    QByteArray raw;
    ++m_pos;
    while (m_pos < m_text.size() && m_text.at(m_pos) != '"') {
        if (m_text.at(m_pos) == '\\' && m_pos + 1 < m_text.size()) {
            raw.append(m_text.at(m_pos));
            ++m_pos;
        }
        raw.append(m_text.at(m_pos));
        ++m_pos;
    }
    ++m_pos; // closing quote
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    // Undo JSON escapes so that keys compare with what QJsonDocument decoded.
    QString out;
    const QString s = QString::fromUtf8(raw);
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) != QLatin1Char('\\') || i + 1 >= s.size()) {
            out += s.at(i);
            continue;
        }
        const QChar e = s.at(++i);
        switch (e.unicode()) {
        case 'n':
            out += QLatin1Char('\n');
            break;
        case 't':
            out += QLatin1Char('\t');
            break;
        case 'r':
            out += QLatin1Char('\r');
            break;
        case 'b':
            out += QLatin1Char('\b');
            break;
        case 'f':
            out += QLatin1Char('\f');
            break;
        case 'u':
            if (i + 4 < s.size()) {
                out += QChar(s.mid(i + 1, 4).toUShort(nullptr, 16));
                i += 4;
            }
            break;
        default:
            out += e;
            break;
        }
    }
    return out;
}

void JsonLocator::scanValue(const QString& pointer)
{
    if (m_pos >= m_text.size())
        return;
    m_offsets.insert(pointer, m_pos);
    const char c = m_text.at(m_pos);
    if (c == '{') {
        scanObject(pointer);
    } else if (c == '[') {
        scanArray(pointer);
    } else if (c == '"') {
        scanString();
    } else {
        while (m_pos < m_text.size()) {
            const char d = m_text.at(m_pos);
            if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t')
                break;
            ++m_pos;
        }
    }
}

void JsonLocator::scanObject(const QString& pointer)
{
    if (++m_depth > kMaxDepth) {
        m_pos = m_text.size();
        return;
    }
    ++m_pos; // '{'
    skipWhitespace();
    while (m_pos < m_text.size() && m_text.at(m_pos) != '}') {
        if (m_text.at(m_pos) != '"') {
            m_pos = m_text.size(); // not JSON; stop
            break;
        }
        const qsizetype keyOffset = m_pos;
        const QString key = scanString();
        m_keys.append(Key{pointer, key, keyOffset});
        skipWhitespace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == ':')
            ++m_pos;
        skipWhitespace();
        scanValue(child(pointer, key));
        skipWhitespace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == ',') {
            ++m_pos;
            skipWhitespace();
        }
    }
    ++m_pos; // '}'
    --m_depth;
}

void JsonLocator::scanArray(const QString& pointer)
{
    if (++m_depth > kMaxDepth) {
        m_pos = m_text.size();
        return;
    }
    ++m_pos; // '['
    skipWhitespace();
    qsizetype index = 0;
    while (m_pos < m_text.size() && m_text.at(m_pos) != ']') {
        const qsizetype before = m_pos;
        scanValue(child(pointer, index++));
        skipWhitespace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == ',') {
            ++m_pos;
            skipWhitespace();
        }
        if (m_pos == before) { // no progress: malformed
            m_pos = m_text.size();
            break;
        }
    }
    ++m_pos; // ']'
    --m_depth;
}

} // namespace swb
