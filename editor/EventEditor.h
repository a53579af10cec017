#pragma once
// The event payload editor: JSON with its lexer, validated as you type; a malformed payload
// shows the parser's message with its line and column under the text, and the line is marked.

#include <QJsonValue>
#include <QWidget>

class QLabel;
class QTimer;

namespace swb {

class CodeEditor;

class EventEditor : public QWidget {
    Q_OBJECT
public:
    static constexpr int kValidationDelayMs = 150;

    explicit EventEditor(QWidget* parent = nullptr);

    // Replaces the payload and validates it at once.
    void setText(const QString& text);
    QString text() const;

    // Any JSON value (object, array, string, number, true, false, null) is a valid payload;
    // an empty editor is not.
    bool isValid() const { return m_valid; }
    // The parsed payload; undefined while invalid.
    QJsonValue json() const;
    // The payload's UTF-8 bytes, as sent to the function.
    QByteArray payload() const;

    // The problem shown under the editor ("line 3, column 5: missing comma"), empty when
    // valid; its 1-based line (0 when valid).
    QString errorMessage() const { return m_error; }
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }

    // Runs the validation now instead of after the typing pause.
    void validateNow();

    CodeEditor* editor() const { return m_editor; }

signals:
    void validityChanged(bool valid);
    // After every validation (the text parsed or not).
    void validated();

private:
    CodeEditor* m_editor = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_debounce = nullptr;
    bool m_valid = false;
    QString m_error;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    int m_errorMarker = -1;
    int m_errorIndicator = -1;
};

} // namespace swb
