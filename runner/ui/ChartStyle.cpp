#include "ChartStyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPen>
#include <QWidget>
#include <QXYSeries>

namespace swb {

void styleChart(QChart* chart, const QWidget& source)
{
    const QPalette p = source.palette();
    const QColor text = p.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(40);
    chart->setBackgroundBrush(p.brush(QPalette::Base));
    chart->setBackgroundPen(QPen(p.color(QPalette::Mid)));
    chart->setTitleBrush(text);
    QFont titleFont = source.font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setLabelColor(text);
    chart->legend()->setFont(source.font());
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsBrush(text);
        axis->setLabelsFont(source.font());
        axis->setTitleBrush(text);
        axis->setTitleFont(source.font());
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(p.color(QPalette::Mid));
    }
    for (QAbstractSeries* series : chart->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(series); xy && xy->pointLabelsVisible())
            xy->setPointLabelsColor(text);
    }
}

} // namespace swb
