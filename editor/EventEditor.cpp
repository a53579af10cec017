#include "EventEditor.h"

#include "CodeEditor.h"
#include "format/TextFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace swb {

namespace {

// QJsonDocument accepts only an object or an array at the top; a Lambda payload may be any
// JSON value, so the text is parsed inside one-element array brackets.
constexpr qsizetype kWrapperPrefixBytes = 1;

} // namespace

EventEditor::EventEditor(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Event payload"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    m_editor = new CodeEditor(this);
    m_editor->setLanguage(EditorLanguage::Json);
    m_editor->setAccessibleName(tr("Event payload JSON"));
    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Payload validation"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_editor, 1);
    column->addWidget(m_status);

    m_errorMarker = m_editor->markerDefine(QsciScintilla::RightTriangle);
    m_editor->setMarkerBackgroundColor(QColor(0xd0, 0x30, 0x30), m_errorMarker);
    m_editor->setMarkerForegroundColor(QColor(0xd0, 0x30, 0x30), m_errorMarker);
    m_errorIndicator = m_editor->indicatorDefine(QsciScintilla::SquiggleIndicator);
    m_editor->setIndicatorForegroundColor(QColor(0xd0, 0x30, 0x30), m_errorIndicator);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kValidationDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &EventEditor::validateNow);
    connect(m_editor, &QsciScintilla::textChanged, m_debounce, qOverload<>(&QTimer::start));
    validateNow();
}

void EventEditor::setText(const QString& text)
{
    m_editor->setText(text);
    m_debounce->stop();
    validateNow();
}

QString EventEditor::text() const
{
    return m_editor->text();
}

QByteArray EventEditor::payload() const
{
    return m_editor->text().toUtf8();
}

QJsonValue EventEditor::json() const
{
    if (!m_valid)
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson("[" + payload() + "]");
    return doc.array().at(0);
}

void EventEditor::validateNow()
{
    m_debounce->stop();
    const QByteArray bytes = payload();
    const bool wasValid = m_valid;
    m_editor->markerDeleteAll(m_errorMarker);
    m_editor->clearIndicatorRange(0, 0, std::max(0, m_editor->lines() - 1),
                                  m_editor->lineLength(std::max(0, m_editor->lines() - 1)),
                                  m_errorIndicator);
    if (bytes.trimmed().isEmpty()) {
        m_valid = false;
        m_error = tr("The payload is empty; enter a JSON value such as {}.");
        m_errorLine = 0;
        m_errorColumn = 0;
    } else {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson("[" + bytes + "]", &parseError);
        const bool oneValue = !doc.isNull() && doc.array().size() == 1;
        if (parseError.error == QJsonParseError::NoError && oneValue) {
            m_valid = true;
            m_error.clear();
            m_errorLine = 0;
            m_errorColumn = 0;
        } else {
            m_valid = false;
            // The offset counts bytes of the wrapped text; a second top-level value (`{} {}`)
            // parses as an array of two and is reported at its start.
            // Qt's offset is one past the character that broke the parse: show that one.
            qsizetype offset =
                parseError.error == QJsonParseError::NoError
                    ? bytes.size()
                    : std::max<qsizetype>(0, parseError.offset - kWrapperPrefixBytes - 1);
            offset = std::min(offset, bytes.size());
            const QString reason = parseError.error == QJsonParseError::NoError
                                       ? tr("more than one value")
                                       : parseError.errorString();
            const TextPosition position = positionAtUtf8(bytes, offset);
            m_errorLine = position.line;
            m_errorColumn = position.column;
            m_error =
                tr("Line %1, column %2: %3").arg(position.line).arg(position.column).arg(reason);
            const int line = position.line - 1;
            m_editor->markerAdd(line, m_errorMarker);
            m_editor->fillIndicatorRange(line, 0, line, m_editor->lineLength(line),
                                         m_errorIndicator);
        }
    }
    if (m_valid) {
        m_status->setText(tr("Valid JSON"));
        m_status->setStyleSheet(QString());
    } else {
        m_status->setText(m_error);
        m_status->setStyleSheet(QStringLiteral("color: #d03030;"));
    }
    emit validated();
    if (wasValid != m_valid)
        emit validityChanged(m_valid);
}

} // namespace swb
