#include "ScheduleExpression.h"

#include <QRegularExpression>

#include <algorithm>
#include <tuple>

namespace swb {

namespace {

constexpr int kFirstYear = 1970;
constexpr int kLastYear = 2199;

const QStringList kMonthNames = {
    QStringLiteral("JAN"), QStringLiteral("FEB"), QStringLiteral("MAR"), QStringLiteral("APR"),
    QStringLiteral("MAY"), QStringLiteral("JUN"), QStringLiteral("JUL"), QStringLiteral("AUG"),
    QStringLiteral("SEP"), QStringLiteral("OCT"), QStringLiteral("NOV"), QStringLiteral("DEC")};
const QStringList kDayNames = {QStringLiteral("SUN"), QStringLiteral("MON"), QStringLiteral("TUE"),
                               QStringLiteral("WED"), QStringLiteral("THU"), QStringLiteral("FRI"),
                               QStringLiteral("SAT")};

Error scheduleError(const QString& text, const QString& problem)
{
    return Error{ErrorCode::InvalidArgument,
                 QStringLiteral("\"%1\" is not a schedule expression: %2.").arg(text, problem),
                 {},
                 {}};
}

// One cron field into a membership table over [min, max]; `names` map to min, min+1, ...
Result<QList<bool>> parseField(const QString& field, int min, int max, const QStringList& names,
                               const QString& label, const QString& text)
{
    QList<bool> allowed(max + 1, false);
    auto value = [&](const QString& token) -> std::optional<int> {
        bool ok = false;
        const int n = token.toInt(&ok);
        if (ok)
            return n;
        const qsizetype i = names.indexOf(token.toUpper());
        if (i >= 0)
            return min + int(i);
        return std::nullopt;
    };
    for (const QString& part : field.split(QLatin1Char(','))) {
        QString range = part;
        int step = 1;
        if (const qsizetype slash = part.indexOf(QLatin1Char('/')); slash >= 0) {
            bool ok = false;
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step <= 0)
                return std::unexpected(scheduleError(
                    text, QStringLiteral("the %1 step \"%2\" is not a positive number")
                              .arg(label, part.mid(slash + 1))));
            range = part.left(slash);
        }
        int from = min, to = max;
        if (range == QLatin1String("*") || range == QLatin1String("?")) {
            // every value
        } else if (const qsizetype dash = range.indexOf(QLatin1Char('-')); dash > 0) {
            const auto a = value(range.left(dash)), b = value(range.mid(dash + 1));
            if (!a || !b)
                return std::unexpected(scheduleError(
                    text, QStringLiteral("\"%1\" is not a %2 range").arg(range, label)));
            from = *a;
            to = *b;
        } else {
            const auto a = value(range);
            if (!a) {
                return std::unexpected(scheduleError(
                    text, QStringLiteral("\"%1\" is not a valid %2").arg(range, label)));
            }
            from = *a;
            to = part.contains(QLatin1Char('/')) ? max : *a;
        }
        if (from < min || to > max || from > to)
            return std::unexpected(scheduleError(
                text,
                QStringLiteral("%1 %2 is outside %3-%4").arg(label, range).arg(min).arg(max)));
        for (int v = from; v <= to; v += step)
            allowed[v] = true;
    }
    return allowed;
}

// The special day tokens of one day field, taken out of it; what is left goes to parseField.
struct SpecialDays {
    QString plain; // the field without its special tokens ("" when it had only those)
    QList<std::tuple<int, int, int>> rules; // (kind, value, nth) as ScheduleExpression::DayRule
};

int dayOfWeekValue(const QString& token)
{
    bool ok = false;
    const int n = token.toInt(&ok);
    if (ok)
        return n >= 1 && n <= 7 ? n : -1;
    const qsizetype i = kDayNames.indexOf(token.toUpper());
    return i >= 0 ? int(i) + 1 : -1;
}

Result<SpecialDays> takeSpecialDays(const QString& field, bool dayOfMonth, const QString& text)
{
    enum { LastDay, NearestWeekday, LastWeekday, LastWeekdayOfMonth, NthWeekday };
    SpecialDays out;
    QStringList plain;
    const QStringList parts = field.split(QLatin1Char(','));
    const QString label =
        dayOfMonth ? QStringLiteral("day of month") : QStringLiteral("day of week");
    for (const QString& raw : parts) {
        const QString part = raw.toUpper();
        if (dayOfMonth) {
            static const QRegularExpression last(QStringLiteral("^L(?:-(\\d{1,2}))?$"));
            static const QRegularExpression nearest(QStringLiteral("^(\\d{1,2})W$"));
            if (const auto m = last.match(part); m.hasMatch()) {
                const int before = m.captured(1).isEmpty() ? 0 : m.captured(1).toInt();
                if (before > 30)
                    return std::unexpected(scheduleError(
                        text, QStringLiteral("\"%1\" reaches before the first day of the month")
                                  .arg(raw)));
                out.rules.append({LastDay, before, 0});
            } else if (part == QLatin1String("LW")) {
                out.rules.append({LastWeekday, 0, 0});
            } else if (const auto w = nearest.match(part); w.hasMatch()) {
                const int day = w.captured(1).toInt();
                if (day < 1 || day > 31)
                    return std::unexpected(scheduleError(
                        text, QStringLiteral("day of month %1 is outside 1-31").arg(raw)));
                out.rules.append({NearestWeekday, day, 0});
            } else if (part.contains(QLatin1Char('L')) || part.contains(QLatin1Char('W')) ||
                       part.contains(QLatin1Char('#'))) {
                return std::unexpected(scheduleError(
                    text, QStringLiteral("%1 \"%2\" is not valid; day of month takes L, L-3, LW "
                                         "or 15W")
                              .arg(label, raw)));
            } else {
                plain << raw;
            }
            continue;
        }
        if (part == QLatin1String("L")) {
            plain << QStringLiteral("7"); // the last day of the week: Saturday
        } else if (part.contains(QLatin1Char('#'))) {
            if (parts.size() > 1)
                return std::unexpected(scheduleError(
                    text, QStringLiteral("with # the day of week holds one expression only, "
                                         "not \"%1\"")
                              .arg(field)));
            const int dow = dayOfWeekValue(part.section(QLatin1Char('#'), 0, 0));
            bool ok = false;
            const int nth = part.section(QLatin1Char('#'), 1).toInt(&ok);
            if (dow < 0 || !ok || nth < 1 || nth > 5)
                return std::unexpected(scheduleError(
                    text, QStringLiteral("\"%1\" is not a day of week #n (1-7 or SUN-SAT, then "
                                         "1-5), such as 3#2 for the second Tuesday")
                              .arg(raw)));
            out.rules.append({NthWeekday, dow, nth});
        } else if (part.size() > 1 && part.endsWith(QLatin1Char('L'))) {
            const int dow = dayOfWeekValue(part.chopped(1));
            if (dow < 0)
                return std::unexpected(scheduleError(
                    text, QStringLiteral("\"%1\" is not a last day of week (such as 6L, the last "
                                         "Friday)")
                              .arg(raw)));
            out.rules.append({LastWeekdayOfMonth, dow, 0});
        } else {
            plain << raw;
        }
    }
    out.plain = plain.join(QLatin1Char(','));
    return out;
}
} // namespace

Result<ScheduleExpression> ScheduleExpression::parse(const QString& text)
{
    ScheduleExpression e;
    e.m_text = text.trimmed();
    static const QRegularExpression rate(
        QStringLiteral("^rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)$"));
    if (const auto m = rate.match(e.m_text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        if (n <= 0)
            return std::unexpected(
                scheduleError(text, QStringLiteral("the rate must be positive")));
        if ((n == 1) != !unit.endsWith(QLatin1Char('s')))
            return std::unexpected(scheduleError(
                text, QStringLiteral("write \"1 %1\" but \"%2 %1s\" (EventBridge's rule)")
                          .arg(unit.startsWith(QLatin1String("minute")) ? QStringLiteral("minute")
                               : unit.startsWith(QLatin1String("hour")) ? QStringLiteral("hour")
                                                                        : QStringLiteral("day"))
                          .arg(n == 1 ? 2 : n)));
        const qint64 unitSeconds = unit.startsWith(QLatin1String("minute")) ? 60
                                   : unit.startsWith(QLatin1String("hour")) ? 3600
                                                                            : 86400;
        e.m_rateSeconds = n * unitSeconds;
        return e;
    }
    static const QRegularExpression cron(QStringLiteral("^cron\\((.*)\\)$"));
    const auto m = cron.match(e.m_text);
    if (!m.hasMatch())
        return std::unexpected(
            scheduleError(text, QStringLiteral("write rate(5 minutes) or cron(0 12 * * ? *)")));
    const QStringList fields = m.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() != 6)
        return std::unexpected(scheduleError(
            text,
            QStringLiteral(
                "cron needs 6 fields (minutes hours day-of-month month day-of-week year), found %1")
                .arg(fields.size())));
    const QString& dom = fields.at(2);
    const QString& dow = fields.at(4);
    if ((dom == QLatin1String("?")) == (dow == QLatin1String("?")))
        return std::unexpected(scheduleError(
            text, QStringLiteral("exactly one of day-of-month and day-of-week must be \"?\"")));
    auto minutes = parseField(fields.at(0), 0, 59, {}, QStringLiteral("minute"), text);
    auto hours = parseField(fields.at(1), 0, 23, {}, QStringLiteral("hour"), text);
    const auto domSpecial = takeSpecialDays(dom, true, text);
    if (!domSpecial)
        return std::unexpected(domSpecial.error());
    const auto dowSpecial = takeSpecialDays(dow, false, text);
    if (!dowSpecial)
        return std::unexpected(dowSpecial.error());
    auto days = domSpecial->plain.isEmpty() ? Result<QList<bool>>(QList<bool>(32, false))
                                            : parseField(domSpecial->plain, 1, 31, {},
                                                         QStringLiteral("day of month"), text);
    auto months = parseField(fields.at(3), 1, 12, kMonthNames, QStringLiteral("month"), text);
    auto weekdays = dowSpecial->plain.isEmpty() ? Result<QList<bool>>(QList<bool>(8, false))
                                                : parseField(dowSpecial->plain, 1, 7, kDayNames,
                                                             QStringLiteral("day of week"), text);
    auto years = parseField(fields.at(5), kFirstYear, kLastYear, {}, QStringLiteral("year"), text);
    for (const auto* r : {&minutes, &hours, &days, &months, &weekdays, &years}) {
        if (!*r)
            return std::unexpected(r->error());
    }
    e.m_minutes = *minutes;
    e.m_hours = *hours;
    e.m_daysOfMonth = *days;
    e.m_months = *months;
    e.m_daysOfWeek = *weekdays;
    e.m_years = *years;
    e.m_anyDayOfMonth = dom == QLatin1String("?");
    e.m_anyDayOfWeek = dow == QLatin1String("?");
    for (const auto& [kind, value, nth] : domSpecial->rules)
        e.m_dayOfMonthRules.append({DayRule::Kind(kind), value, nth});
    for (const auto& [kind, value, nth] : dowSpecial->rules)
        e.m_dayOfWeekRules.append({DayRule::Kind(kind), value, nth});
    return e;
}

bool ScheduleExpression::matches(const DayRule& rule, const QDate& day)
{
    const int last = day.daysInMonth();
    const auto dowOf = [](const QDate& d) { return d.dayOfWeek() % 7 + 1; }; // SUN=1..SAT=7
    switch (rule.kind) {
    case DayRule::LastDay:
        return day.day() == last - rule.value;
    case DayRule::NearestWeekday: {
        // The weekday nearest the given day, without leaving the month (Quartz's rule); a day
        // beyond the month's end never fires, as in Quartz.
        if (rule.value > last)
            return false;
        QDate target(day.year(), day.month(), rule.value);
        if (target.dayOfWeek() == 6) // Saturday: Friday before, or Monday after on the 1st
            target = rule.value == 1 ? target.addDays(2) : target.addDays(-1);
        else if (target.dayOfWeek() == 7) // Sunday: Monday after, or Friday before at the end
            target = rule.value == last ? target.addDays(-2) : target.addDays(1);
        return day == target;
    }
    case DayRule::LastWeekday: {
        QDate target(day.year(), day.month(), last);
        while (target.dayOfWeek() > 5)
            target = target.addDays(-1);
        return day == target;
    }
    case DayRule::LastWeekdayOfMonth:
        return dowOf(day) == rule.value && day.day() + 7 > last;
    case DayRule::NthWeekday:
        return dowOf(day) == rule.value && (day.day() - 1) / 7 + 1 == rule.nth;
    }
    return false;
}

QDateTime ScheduleExpression::nextAfter(const QDateTime& after) const
{
    const QDateTime from = after.toUTC();
    if (m_rateSeconds > 0) {
        // Rates fire on whole multiples of their period after the epoch, so a restart does not
        // shift them.
        const qint64 s = from.toSecsSinceEpoch();
        return QDateTime::fromSecsSinceEpoch((s / m_rateSeconds + 1) * m_rateSeconds, Qt::UTC);
    }
    // Walk day by day (at most a few hundred years), then hours and minutes within the day.
    QDate day = from.date();
    const QTime start = from.time();
    for (int i = 0; i < 366 * 230; ++i, day = day.addDays(1)) {
        if (day.year() > kLastYear)
            return {};
        if (!m_years.value(day.year()) || !m_months.value(day.month()))
            continue;
        const int dowIndex = day.dayOfWeek() % 7 + 1; // Qt: Mon=1..Sun=7; EventBridge: SUN=1..SAT=7
        const auto anyRule = [&day](const QList<DayRule>& rules) {
            return std::any_of(rules.begin(), rules.end(),
                               [&day](const DayRule& r) { return matches(r, day); });
        };
        const bool domOk =
            m_anyDayOfMonth || m_daysOfMonth.value(day.day()) || anyRule(m_dayOfMonthRules);
        const bool dowOk =
            m_anyDayOfWeek || m_daysOfWeek.value(dowIndex) || anyRule(m_dayOfWeekRules);
        if (!domOk || !dowOk)
            continue;
        for (int h = 0; h < 24; ++h) {
            if (!m_hours.value(h))
                continue;
            for (int mi = 0; mi < 60; ++mi) {
                if (!m_minutes.value(mi))
                    continue;
                const QDateTime candidate(day, QTime(h, mi), Qt::UTC);
                if (i == 0 && candidate <= QDateTime(from.date(),
                                                     QTime(start.hour(), start.minute()), Qt::UTC))
                    continue;
                if (candidate > from)
                    return candidate;
            }
        }
    }
    return {};
}

} // namespace swb
