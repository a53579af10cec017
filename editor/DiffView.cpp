#include "DiffView.h"

#include "vcs/LineDiff.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace swb {

namespace {

enum class RowKind { Same, Removed, Added, Filler };

struct PaneLine {
    RowKind kind;
    QString text;
};

QPlainTextEdit* makePane(QWidget* parent, const QString& accessibleName)
{
    auto* pane = new QPlainTextEdit(parent);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->setAccessibleName(accessibleName);
    pane->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return pane;
}

// The change colours are the theme's base tinted, so they read on light and dark palettes.
QColor tint(const QColor& base, const QColor& colour)
{
    const double a = base.lightness() > 128 ? 0.22 : 0.35;
    return QColor::fromRgbF(float(base.redF() * (1 - a) + colour.redF() * a),
                            float(base.greenF() * (1 - a) + colour.greenF() * a),
                            float(base.blueF() * (1 - a) + colour.blueF() * a));
}

void fill(QPlainTextEdit* pane, const QList<PaneLine>& lines)
{
    QStringList texts;
    texts.reserve(lines.size());
    for (const PaneLine& line : lines)
        texts << line.text;
    pane->setPlainText(texts.join(QLatin1Char('\n')));
    const QColor base = pane->palette().color(QPalette::Base);
    const QColor removed = tint(base, QColor(220, 40, 40));
    const QColor added = tint(base, QColor(30, 170, 60));
    const QColor filler = tint(base, pane->palette().color(QPalette::Mid));
    QList<QTextEdit::ExtraSelection> marks;
    QTextBlock block = pane->document()->begin();
    for (const PaneLine& line : lines) {
        if (!block.isValid())
            break;
        if (line.kind != RowKind::Same) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(block);
            mark.format.setProperty(QTextFormat::FullWidthSelection, true);
            mark.format.setBackground(line.kind == RowKind::Removed ? removed
                                      : line.kind == RowKind::Added ? added
                                                                    : filler);
            marks << mark;
        }
        block = block.next();
    }
    pane->setExtraSelections(marks);
}

int digits(qsizetype n)
{
    return int(QString::number(std::max<qsizetype>(n, 1)).size());
}

bool looksBinary(const QString& text)
{
    return text.contains(QChar(0));
}

} // namespace

DiffView::DiffView(QWidget* parent)
    : QWidget(parent), m_titles(new QLabel(this)), m_summary(new QLabel(this)),
      m_unifiedButton(new QToolButton(this)), m_sideButton(new QToolButton(this)),
      m_previous(new QToolButton(this)), m_next(new QToolButton(this)),
      m_stack(new QStackedWidget(this)), m_unified(makePane(this, tr("Unified diff"))),
      m_left(makePane(this, tr("Old version"))), m_right(makePane(this, tr("New version")))
{
    m_unifiedButton->setText(tr("&Unified"));
    m_sideButton->setText(tr("&Side by Side"));
    for (QToolButton* b : {m_unifiedButton, m_sideButton}) {
        b->setCheckable(true);
        b->setAutoExclusive(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_previous->setText(tr("Previous Change"));
    m_previous->setToolTip(tr("Previous change (Shift+F7)"));
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    m_next->setText(tr("Next Change"));
    m_next->setToolTip(tr("Next change (F7)"));
    m_next->setShortcut(QKeySequence(Qt::Key_F7));
    m_titles->setTextFormat(Qt::PlainText);
    m_summary->setTextFormat(Qt::PlainText);

    auto* sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(m_left);
    sides->addWidget(m_right);
    m_stack->addWidget(m_unified);
    m_stack->addWidget(sides);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_titles, 1);
    bar->addWidget(m_summary);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_unifiedButton);
    bar->addWidget(m_sideButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    // The two sides have the same rows, so one scroll position fits both.
    auto follow = [](QScrollBar* from, QScrollBar* to) {
        connect(from, &QScrollBar::valueChanged, to, [to](int v) {
            if (to->value() != v)
                to->setValue(v);
        });
    };
    follow(m_left->verticalScrollBar(), m_right->verticalScrollBar());
    follow(m_right->verticalScrollBar(), m_left->verticalScrollBar());
    follow(m_left->horizontalScrollBar(), m_right->horizontalScrollBar());
    follow(m_right->horizontalScrollBar(), m_left->horizontalScrollBar());

    connect(m_unifiedButton, &QToolButton::clicked, this, [this] { setLayout(Layout::Unified); });
    connect(m_sideButton, &QToolButton::clicked, this, [this] { setLayout(Layout::SideBySide); });
    connect(m_next, &QToolButton::clicked, this, [this] { nextChange(); });
    connect(m_previous, &QToolButton::clicked, this, [this] { previousChange(); });
    setLayout(Layout::SideBySide);
    rebuild();
}

void DiffView::setTexts(const QString& before, const QString& after, const QString& beforeTitle,
                        const QString& afterTitle)
{
    m_before = before;
    m_after = after;
    m_beforeTitle = beforeTitle;
    m_afterTitle = afterTitle;
    rebuild();
}

void DiffView::setLayout(Layout layout)
{
    m_layout = layout;
    m_unifiedButton->setChecked(layout == Layout::Unified);
    m_sideButton->setChecked(layout == Layout::SideBySide);
    m_stack->setCurrentIndex(layout == Layout::Unified ? 0 : 1);
    if (m_current >= 0)
        showChange(m_current);
}

QString DiffView::summaryText() const
{
    if (m_blockStarts.isEmpty())
        return tr("No differences");
    return tr("%n change(s): +%1 −%2", nullptr, int(m_blockStarts.size()))
        .arg(m_added)
        .arg(m_removed);
}

void DiffView::rebuild()
{
    m_titles->setText(m_beforeTitle.isEmpty() && m_afterTitle.isEmpty()
                          ? QString()
                          : tr("%1 → %2").arg(m_beforeTitle, m_afterTitle));
    m_blockStarts.clear();
    m_added = m_removed = 0;
    m_current = -1;
    if (looksBinary(m_before) || looksBinary(m_after)) {
        const QString text = tr("Binary file: the versions differ but cannot be shown as text.");
        fill(m_unified, {{RowKind::Same, m_before == m_after ? tr("No differences") : text}});
        fill(m_left, {});
        fill(m_right, {{RowKind::Same, text}});
        m_summary->setText(m_before == m_after ? tr("No differences") : tr("Binary"));
        m_previous->setEnabled(false);
        m_next->setEnabled(false);
        return;
    }
    const QStringList before = LineDiff::lines(m_before);
    const QStringList after = LineDiff::lines(m_after);
    const QList<AlignedLine> rows = LineDiff::align(before, after);
    const int width = std::max(digits(before.size()), digits(after.size()));
    auto number = [width](int line) {
        return line < 0 ? QString(width, QLatin1Char(' '))
                        : QStringLiteral("%1").arg(line + 1, width);
    };

    QList<PaneLine> unified, left, right;
    QList<int> sideStarts;
    for (qsizetype i = 0; i < rows.size();) {
        const AlignedLine& row = rows[i];
        if (row.kind == AlignedLine::Kind::Same) {
            const QString& text = before[row.oldLine];
            unified << PaneLine{
                RowKind::Same,
                QStringLiteral("%1 %2   %3").arg(number(row.oldLine), number(row.newLine), text)};
            left << PaneLine{RowKind::Same,
                             QStringLiteral("%1  %2").arg(number(row.oldLine), text)};
            right << PaneLine{RowKind::Same,
                              QStringLiteral("%1  %2").arg(number(row.newLine), text)};
            ++i;
            continue;
        }
        // A changed block: removed lines then added ones; side by side they pair up row by row.
        m_blockStarts << int(unified.size());
        sideStarts << int(left.size());
        QList<PaneLine> removed, added;
        for (; i < rows.size() && rows[i].kind != AlignedLine::Kind::Same; ++i) {
            const AlignedLine& r = rows[i];
            if (r.kind == AlignedLine::Kind::Removed) {
                ++m_removed;
                unified << PaneLine{RowKind::Removed,
                                    QStringLiteral("%1 %2 - %3")
                                        .arg(number(r.oldLine), number(-1), before[r.oldLine])};
                removed << PaneLine{RowKind::Removed, QStringLiteral("%1  %2").arg(
                                                          number(r.oldLine), before[r.oldLine])};
            } else {
                ++m_added;
                unified << PaneLine{RowKind::Added,
                                    QStringLiteral("%1 %2 + %3")
                                        .arg(number(-1), number(r.newLine), after[r.newLine])};
                added << PaneLine{RowKind::Added, QStringLiteral("%1  %2").arg(number(r.newLine),
                                                                               after[r.newLine])};
            }
        }
        const qsizetype height = std::max(removed.size(), added.size());
        while (removed.size() < height)
            removed << PaneLine{RowKind::Filler, QString()};
        while (added.size() < height)
            added << PaneLine{RowKind::Filler, QString()};
        left << removed;
        right << added;
    }
    m_sideStarts = sideStarts;
    fill(m_unified, unified);
    fill(m_left, left);
    fill(m_right, right);
    m_summary->setText(summaryText());
    m_previous->setEnabled(!m_blockStarts.isEmpty());
    m_next->setEnabled(!m_blockStarts.isEmpty());
    if (!m_blockStarts.isEmpty())
        showChange(0);
}

void DiffView::showChange(int index)
{
    if (index < 0 || index >= m_blockStarts.size())
        return;
    m_current = index;
    auto place = [](QPlainTextEdit* pane, int row) {
        QTextCursor cursor(pane->document()->findBlockByNumber(row));
        pane->setTextCursor(cursor);
        pane->centerCursor();
    };
    if (m_layout == Layout::Unified) {
        place(m_unified, m_blockStarts[index]);
    } else {
        place(m_left, m_sideStarts[index]);
        place(m_right, m_sideStarts[index]);
    }
}

int DiffView::nextChange()
{
    if (m_blockStarts.isEmpty())
        return -1;
    showChange(m_current + 1 >= m_blockStarts.size() ? 0 : m_current + 1);
    return m_current;
}

int DiffView::previousChange()
{
    if (m_blockStarts.isEmpty())
        return -1;
    showChange(m_current <= 0 ? int(m_blockStarts.size()) - 1 : m_current - 1);
    return m_current;
}

QString DiffView::unifiedText() const
{
    return m_unified->toPlainText();
}

QString DiffView::leftText() const
{
    return m_left->toPlainText();
}

QString DiffView::rightText() const
{
    return m_right->toPlainText();
}

} // namespace swb
