#pragma once
// EventBridge schedule expressions: rate(5 minutes) and cron(Minutes Hours Day-of-month Month
// Day-of-week Year), in UTC, with the next time each one fires.

#include "Error.h"

#include <QDateTime>
#include <QList>

namespace swb {

class ScheduleExpression {
public:
    ScheduleExpression() = default;
    static Result<ScheduleExpression> parse(const QString& text);

    // The first firing strictly after `after` (UTC); invalid QDateTime when it never fires
    // again (a cron whose years are over).
    QDateTime nextAfter(const QDateTime& after) const;
    const QString& text() const { return m_text; }
    bool isRate() const { return m_rateSeconds > 0; }

private:
    QString m_text;
    qint64 m_rateSeconds = 0;
    // cron: allowed values per field
    QList<bool> m_minutes, m_hours, m_daysOfMonth, m_months,
        m_daysOfWeek; // dow index 1..7 = SUN..SAT
    bool m_anyDayOfMonth = true, m_anyDayOfWeek = true;
    QList<bool> m_years; // 1970..2199

    // Day rules beyond plain values (Quartz's, which EventBridge follows): L, L-n, nW, LW in
    // day-of-month; L, nL, n#k in day-of-week.
    struct DayRule {
        enum Kind { LastDay, NearestWeekday, LastWeekday, LastWeekdayOfMonth, NthWeekday } kind;
        int value = 0; // LastDay: days before the last; NearestWeekday: the day; else the dow
        int nth = 0;   // NthWeekday: 1..5
    };
    QList<DayRule> m_dayOfMonthRules, m_dayOfWeekRules;
    static bool matches(const DayRule& rule, const QDate& day);
};

} // namespace swb
