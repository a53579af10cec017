#include "ScheduleExpression.h"

#include <QRegularExpression>

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
                if (range.contains(QLatin1Char('L')) || range.contains(QLatin1Char('W')) ||
                    range.contains(QLatin1Char('#')))
                    return std::unexpected(
                        scheduleError(text, QStringLiteral("%1 \"%2\" uses L, W or #, which the "
                                                           "local scheduler does not support yet")
                                                .arg(label, range)));
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
    auto days = parseField(dom, 1, 31, {}, QStringLiteral("day of month"), text);
    auto months = parseField(fields.at(3), 1, 12, kMonthNames, QStringLiteral("month"), text);
    auto weekdays = parseField(dow, 1, 7, kDayNames, QStringLiteral("day of week"), text);
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
    return e;
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
        const bool domOk = m_anyDayOfMonth || m_daysOfMonth.value(day.day());
        const int dowIndex = day.dayOfWeek() % 7 + 1; // Qt: Mon=1..Sun=7; EventBridge: SUN=1..SAT=7
        const bool dowOk = m_anyDayOfWeek || m_daysOfWeek.value(dowIndex);
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
