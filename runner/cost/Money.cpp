#include "Money.h"

#include <cmath>

namespace swb {

namespace {

MoneyInt divideRounded(MoneyInt numerator, MoneyInt denominator)
{
    // Half away from zero, for either sign.
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const MoneyInt half = denominator / 2;
    return numerator >= 0 ? (numerator + half) / denominator : -((-numerator + half) / denominator);
}

QString digits(MoneyInt value) // value >= 0
{
    if (value == 0)
        return QStringLiteral("0");
    QString out;
    while (value > 0) {
        out.prepend(QChar(u'0' + int(value % 10)));
        value /= 10;
    }
    return out;
}

} // namespace

Result<Money> Money::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    auto bad = [&] {
        return fail(ErrorCode::Validation,
                    QStringLiteral("\"%1\" is not an amount of money; write a decimal number with "
                                   "at most %2 decimals, such as \"0.0000166667\".")
                        .arg(text.toString())
                        .arg(kDecimals));
    };
    if (t.isEmpty())
        return bad();
    qsizetype i = 0;
    bool negative = false;
    if (t[0] == u'-' || t[0] == u'+') {
        negative = t[0] == u'-';
        ++i;
    }
    MoneyInt whole = 0;
    MoneyInt fraction = 0;
    int fractionDigits = 0;
    bool seenDigit = false;
    bool seenPoint = false;
    for (; i < t.size(); ++i) {
        const QChar c = t[i];
        if (c == u'.' && !seenPoint) {
            seenPoint = true;
            continue;
        }
        if (!c.isDigit() || c.unicode() > u'9')
            return bad();
        seenDigit = true;
        const int d = c.unicode() - u'0';
        if (seenPoint) {
            if (++fractionDigits > kDecimals)
                return bad();
            fraction = fraction * 10 + d;
        } else {
            whole = whole * 10 + d;
            if (whole > MoneyInt(1'000'000'000'000'000LL))
                return bad(); // a quadrillion dollars is a typo
        }
    }
    if (!seenDigit)
        return bad();
    for (int k = fractionDigits; k < kDecimals; ++k)
        fraction *= 10;
    const MoneyInt picos = whole * kPicosPerUnit + fraction;
    return fromPicos(negative ? -picos : picos);
}

long long Money::cents() const
{
    return static_cast<long long>(divideRounded(m_picos, kPicosPerCent));
}

QString Money::toString(int decimals) const
{
    MoneyInt value = m_picos;
    int shown = decimals < 0 ? kDecimals : std::min(decimals, kDecimals);
    MoneyInt scale = 1;
    for (int k = shown; k < kDecimals; ++k)
        scale *= 10;
    value = divideRounded(value, scale);
    const bool negative = value < 0;
    if (negative)
        value = -value;
    MoneyInt unit = 1;
    for (int k = 0; k < shown; ++k)
        unit *= 10;
    QString out = digits(value / unit);
    if (shown > 0) {
        QString frac = digits(value % unit).rightJustified(shown, u'0');
        if (decimals < 0) {
            while (frac.size() > 2 && frac.endsWith(u'0'))
                frac.chop(1);
        }
        out += u'.' + frac;
    }
    return negative ? u'-' + out : out;
}

double Money::toDouble() const
{
    return static_cast<double>(m_picos) / static_cast<double>(kPicosPerUnit);
}

Money Money::scaled(MoneyInt numerator, MoneyInt denominator) const
{
    return fromPicos(divideRounded(m_picos * numerator, denominator));
}

} // namespace swb
