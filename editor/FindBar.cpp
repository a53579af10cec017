#include "FindBar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

#include <regex>

namespace swb {

FindBar::FindBar(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Find and replace"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(4);

    auto* findLabel = new QLabel(tr("Find:"), this);
    m_find = new QLineEdit(this);
    m_find->setAccessibleName(tr("Find text"));
    m_find->setPlaceholderText(tr("Text or regular expression"));
    m_find->setClearButtonEnabled(true);
    findLabel->setBuddy(m_find);

    auto* previous = new QPushButton(tr("Previous"), this);
    previous->setAccessibleName(tr("Find previous"));
    previous->setToolTip(tr("Find the previous match (Shift+F3)"));
    auto* next = new QPushButton(tr("Next"), this);
    next->setAccessibleName(tr("Find next"));
    next->setToolTip(tr("Find the next match (F3, Enter)"));
    next->setDefault(true);

    m_regex = new QCheckBox(tr("Regex"), this);
    m_regex->setAccessibleName(tr("Regular expression"));
    m_regex->setToolTip(tr("Treat the text as an ECMAScript regular expression; use \\1 in "
                           "the replacement for a captured group"));
    m_case = new QCheckBox(tr("Match case"), this);
    m_case->setAccessibleName(tr("Match case"));
    m_word = new QCheckBox(tr("Whole word"), this);
    m_word->setAccessibleName(tr("Whole word"));

    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setAccessibleName(tr("Close find bar"));
    close->setToolTip(tr("Close (Esc)"));

    m_replaceLabel = new QLabel(tr("Replace:"), this);
    m_replace = new QLineEdit(this);
    m_replace->setAccessibleName(tr("Replacement text"));
    m_replaceLabel->setBuddy(m_replace);
    m_replaceButton = new QPushButton(tr("Replace"), this);
    m_replaceButton->setAccessibleName(tr("Replace"));
    m_replaceAllButton = new QPushButton(tr("Replace all"), this);
    m_replaceAllButton->setAccessibleName(tr("Replace all"));

    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Find status"));

    auto* options = new QHBoxLayout;
    options->addWidget(m_regex);
    options->addWidget(m_case);
    options->addWidget(m_word);
    options->addWidget(m_status, 1);

    grid->addWidget(findLabel, 0, 0);
    grid->addWidget(m_find, 0, 1);
    grid->addWidget(previous, 0, 2);
    grid->addWidget(next, 0, 3);
    grid->addLayout(options, 0, 4);
    grid->addWidget(close, 0, 5);
    grid->addWidget(m_replaceLabel, 1, 0);
    grid->addWidget(m_replace, 1, 1);
    grid->addWidget(m_replaceButton, 1, 2);
    grid->addWidget(m_replaceAllButton, 1, 3);
    grid->setColumnStretch(1, 1);

    connect(m_find, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindBar::replaceOne);
    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(m_replaceButton, &QPushButton::clicked, this, &FindBar::replaceOne);
    connect(m_replaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        if (m_editor)
            m_editor->setFocus();
        emit closed();
    });
    connect(m_find, &QLineEdit::textChanged, this, [this] { showStatus({}, false); });
    connect(m_regex, &QCheckBox::toggled, this, [this] { checkPattern(); });
}

void FindBar::setEditor(CodeEditor* editor)
{
    m_editor = editor;
    setEnabled(editor != nullptr);
}

void FindBar::open(bool withReplace)
{
    m_replaceLabel->setVisible(withReplace);
    m_replace->setVisible(withReplace);
    m_replaceButton->setVisible(withReplace);
    m_replaceAllButton->setVisible(withReplace);
    if (m_editor && m_editor->hasSelectedText()) {
        const QString selected = m_editor->selectedText();
        if (!selected.contains(QLatin1Char('\n')) && !selected.contains(QLatin1Char('\r')))
            m_find->setText(
                m_regex->isChecked()
                    ? QString::fromStdString(std::regex_replace(
                          selected.toStdString(), std::regex(R"([.^$|()\[\]{}*+?\\])"), "\\$&"))
                    : selected);
    }
    show();
    m_find->setFocus();
    m_find->selectAll();
}

FindQuery FindBar::query() const
{
    return FindQuery{m_find->text(), m_regex->isChecked(), m_case->isChecked(),
                     m_word->isChecked()};
}

void FindBar::setQuery(const FindQuery& query)
{
    m_find->setText(query.pattern);
    m_regex->setChecked(query.regex);
    m_case->setChecked(query.caseSensitive);
    m_word->setChecked(query.wholeWord);
}

void FindBar::setReplacement(const QString& text)
{
    m_replace->setText(text);
}

QString FindBar::status() const
{
    return m_status->text();
}

void FindBar::showStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    QPalette pal = palette();
    if (problem)
        pal.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    m_status->setPalette(pal);
}

bool FindBar::checkPattern()
{
    if (!m_regex->isChecked() || m_find->text().isEmpty()) {
        showStatus({}, false);
        return true;
    }
    // Scintilla runs the same std::regex (ECMAScript); check it here to say what is wrong.
    try {
        std::regex probe(m_find->text().toStdString(), std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
        showStatus(tr("Invalid regular expression: %1").arg(QString::fromLocal8Bit(error.what())),
                   true);
        return false;
    }
    showStatus({}, false);
    return true;
}

bool FindBar::findNext()
{
    if (!m_editor || !checkPattern())
        return false;
    const bool found = m_editor->find(query(), true);
    showStatus(found ? QString() : tr("No match"), !found);
    return found;
}

bool FindBar::findPrevious()
{
    if (!m_editor || !checkPattern())
        return false;
    const bool found = m_editor->find(query(), false);
    showStatus(found ? QString() : tr("No match"), !found);
    return found;
}

bool FindBar::replaceOne()
{
    if (!m_editor || !checkPattern())
        return false;
    const bool found = m_editor->replaceAndFindNext(query(), m_replace->text());
    showStatus(found ? QString() : tr("No more matches"), !found);
    return found;
}

int FindBar::replaceAll()
{
    if (!m_editor || !checkPattern())
        return 0;
    const int count = m_editor->replaceAll(query(), m_replace->text());
    showStatus(count == 0 ? tr("No match") : tr("%n replaced", nullptr, count), count == 0);
    return count;
}

void FindBar::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (m_editor)
            m_editor->setFocus();
        emit closed();
        return;
    }
    if (event->key() == Qt::Key_F3) {
        if (event->modifiers() & Qt::ShiftModifier)
            findPrevious();
        else
            findNext();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace swb
