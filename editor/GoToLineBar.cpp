#include "GoToLineBar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>

namespace swb {

GoToLineBar::GoToLineBar(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Go to line"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(6, 4, 6, 4);
    auto* label = new QLabel(tr("Go to line:"), this);
    m_line = new QSpinBox(this);
    m_line->setAccessibleName(tr("Line number"));
    m_line->setMinimum(1);
    label->setBuddy(m_line);
    m_range = new QLabel(this);
    m_range->setAccessibleName(tr("Line count"));
    auto* go = new QPushButton(tr("Go"), this);
    go->setAccessibleName(tr("Go to line"));
    go->setDefault(true);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setAccessibleName(tr("Close go to line"));
    close->setToolTip(tr("Close (Esc)"));
    row->addWidget(label);
    row->addWidget(m_line);
    row->addWidget(m_range);
    row->addWidget(go);
    row->addStretch(1);
    row->addWidget(close);

    connect(go, &QPushButton::clicked, this, &GoToLineBar::accept);
    connect(m_line->findChild<QLineEdit*>(), &QLineEdit::returnPressed, this, &GoToLineBar::accept);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        if (m_editor)
            m_editor->setFocus();
    });
}

void GoToLineBar::setEditor(CodeEditor* editor)
{
    m_editor = editor;
    setEnabled(editor != nullptr);
}

void GoToLineBar::open()
{
    if (!m_editor)
        return;
    const int lines = std::max(1, m_editor->lines());
    m_line->setMaximum(lines);
    m_line->setValue(m_editor->cursorLine());
    m_range->setText(tr("of %1").arg(lines));
    show();
    m_line->setFocus();
    m_line->selectAll();
}

void GoToLineBar::accept()
{
    if (!m_editor)
        return;
    m_editor->goToLine(m_line->value());
    hide();
    m_editor->setFocus();
}

void GoToLineBar::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (m_editor)
            m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace swb
