#pragma once
// Qt Charts draw in their own theme's colours; the runner's charts take the widget's palette
// instead, so they follow the light or dark theme like everything else in the window.

class QChart;
class QWidget;

namespace swb {

// Background, title, legend, axis labels and grid of `chart` from `source`'s palette and font.
void styleChart(QChart* chart, const QWidget& source);

} // namespace swb
