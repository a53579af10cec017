#pragma once
// The inline "go to line" bar (Ctrl+G): a line number, Enter jumps there, Esc closes.

#include "CodeEditor.h"

#include <QPointer>
#include <QWidget>

class QSpinBox;
class QLabel;

namespace swb {

class GoToLineBar : public QWidget {
    Q_OBJECT
public:
    explicit GoToLineBar(QWidget* parent = nullptr);

    void setEditor(CodeEditor* editor);
    // Shows the bar with the cursor's line selected and the range set to the buffer's lines.
    void open();
    // Jumps to the line in the field and closes the bar.
    void accept();

    QSpinBox* lineField() const { return m_line; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QPointer<CodeEditor> m_editor;
    QSpinBox* m_line = nullptr;
    QLabel* m_range = nullptr;
};

} // namespace swb
