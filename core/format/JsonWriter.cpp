#include "JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace swb {

namespace {

void writeString(QByteArray& out, const QString& s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += QByteArray::number(c >> 4, 16);
                out += QByteArray::number(c & 0xF, 16);
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

void writeNumber(QByteArray& out, double d)
{
    // Qt prints the shortest text that reads back as the same double (0.1, not 0.1000…01).
    const QByteArray wrapped = QJsonDocument(QJsonArray{d}).toJson(QJsonDocument::Compact);
    out += wrapped.mid(1, wrapped.size() - 2);
}

void writeValue(QByteArray& out, const QJsonValue& v, const QStringList& order, int depth)
{
    const QByteArray indent(2 * (depth + 1), ' ');
    const QByteArray closing(2 * depth, ' ');
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        writeNumber(out, v.toDouble());
        break;
    case QJsonValue::String:
        writeString(out, v.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += "[]";
            break;
        }
        out += "[\n";
        for (qsizetype i = 0; i < a.size(); ++i) {
            out += indent;
            writeValue(out, a.at(i), order, depth + 1);
            out += i + 1 < a.size() ? ",\n" : "\n";
        }
        out += closing + ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        if (o.isEmpty()) {
            out += "{}";
            break;
        }
        QStringList keys = o.keys();
        std::stable_sort(keys.begin(), keys.end(), [&order](const QString& a, const QString& b) {
            const qsizetype ia = order.indexOf(a);
            const qsizetype ib = order.indexOf(b);
            if (ia >= 0 && ib >= 0)
                return ia < ib;
            if (ia >= 0 || ib >= 0)
                return ia >= 0;
            return a < b;
        });
        out += "{\n";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out += indent;
            writeString(out, keys.at(i));
            out += ": ";
            writeValue(out, o.value(keys.at(i)), order, depth + 1);
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        out += closing + '}';
        break;
    }
    }
}

} // namespace

QByteArray writeJson(const QJsonValue& value, const QStringList& keyOrder)
{
    QByteArray out;
    writeValue(out, value, keyOrder, 0);
    out += '\n';
    return out;
}

} // namespace swb
