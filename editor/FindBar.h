#pragma once
// The find/replace bar under the editor tabs: a pattern (plain, or an ECMAScript regular
// expression), case and whole-word options, next/previous, replace and replace all.

#include "CodeEditor.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace swb {

class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QWidget* parent = nullptr);

    // The editor the bar searches; may change with the current tab, may be null.
    void setEditor(CodeEditor* editor);

    // Shows the bar with the find field focused (and the replace row when `withReplace`),
    // seeded with the editor's selection when it is one line.
    void open(bool withReplace);

    FindQuery query() const;
    void setQuery(const FindQuery& query);
    void setReplacement(const QString& text);

    bool findNext();
    bool findPrevious();
    bool replaceOne();
    int replaceAll();

    // The last result shown to the user ("No match", "3 replaced", a regex error).
    QString status() const;

    QLineEdit* findField() const { return m_find; }
    QLineEdit* replaceField() const { return m_replace; }

signals:
    void closed();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    bool checkPattern();
    void showStatus(const QString& text, bool problem);

    QPointer<CodeEditor> m_editor;
    QLineEdit* m_find = nullptr;
    QLineEdit* m_replace = nullptr;
    QCheckBox* m_regex = nullptr;
    QCheckBox* m_case = nullptr;
    QCheckBox* m_word = nullptr;
    QPushButton* m_replaceButton = nullptr;
    QPushButton* m_replaceAllButton = nullptr;
    QLabel* m_replaceLabel = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace swb
