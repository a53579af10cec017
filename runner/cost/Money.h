#pragma once
// An exact amount of money: a signed count of picodollars (10^-12 of the currency unit).

#include "Error.h"

#include <QString>
#include <QStringView>

#include <compare>

namespace swb {

// 128 bits so that price × quantity never overflows: 10^10 invocations × 10,240 MB × 900,000 ms
// is 9.2×10^19 MB-ms, times a price of 1.7×10^7 picodollars per GB-second is ~1.6×10^27, far
// below 1.7×10^38. `__extension__` keeps -Wpedantic quiet about the GNU type.
__extension__ typedef __int128 MoneyInt;

class Money {
public:
    static constexpr long long kPicosPerUnit = 1'000'000'000'000LL; // per dollar
    static constexpr long long kPicosPerCent = 10'000'000'000LL;
    static constexpr int kDecimals = 12;

    constexpr Money() = default;
    static constexpr Money fromPicos(MoneyInt picos)
    {
        Money m;
        m.m_picos = picos;
        return m;
    }
    static constexpr Money fromCents(long long cents)
    {
        return fromPicos(MoneyInt(cents) * kPicosPerCent);
    }
    // "0.0000166667", "-1.5", "3": at most 12 decimals; no exponent, no thousands separators.
    static Result<Money> parse(QStringView decimal);

    constexpr MoneyInt picos() const { return m_picos; }
    // Rounded half away from zero, as the providers' worked examples round.
    long long cents() const;
    Money roundedToCents() const { return fromCents(cents()); }
    // "18.74" (decimals = 2) or the exact value with trailing zeros trimmed (decimals = -1).
    QString toString(int decimals = 2) const;
    double toDouble() const; // for charts and ratios only; never for sums

    // this × numerator / denominator, rounded half away from zero to the picodollar.
    Money scaled(MoneyInt numerator, MoneyInt denominator = 1) const;

    constexpr bool isZero() const { return m_picos == 0; }
    constexpr Money operator-() const { return fromPicos(-m_picos); }
    constexpr Money operator+(Money o) const { return fromPicos(m_picos + o.m_picos); }
    constexpr Money operator-(Money o) const { return fromPicos(m_picos - o.m_picos); }
    constexpr Money& operator+=(Money o)
    {
        m_picos += o.m_picos;
        return *this;
    }
    constexpr Money& operator-=(Money o)
    {
        m_picos -= o.m_picos;
        return *this;
    }
    constexpr auto operator<=>(const Money&) const = default;

private:
    MoneyInt m_picos = 0;
};

} // namespace swb
