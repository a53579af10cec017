#include "TokenServiceSpec.h"

#include <limits>

namespace swb {

std::optional<int> TokenServiceSpec::parseTtlSeconds(const QString& text)
{
    if (text.size() < 2 || text.size() > 12)
        return std::nullopt;
    const QChar unit = text.back();
    qint64 scale = 0;
    if (unit == QLatin1Char('s'))
        scale = 1;
    else if (unit == QLatin1Char('m'))
        scale = 60;
    else if (unit == QLatin1Char('h'))
        scale = 3600;
    else if (unit == QLatin1Char('d'))
        scale = 86400;
    else
        return std::nullopt;
    const QStringView digits = QStringView(text).chopped(1);
    for (const QChar c : digits)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok || value <= 0 || value * scale > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(value * scale);
}

} // namespace swb
