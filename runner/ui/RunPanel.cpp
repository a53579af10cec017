#include "RunPanel.h"

#include "InvocationRecord.h"
#include "Runner.h"
#include "events/EventTemplateCatalog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace swb {

namespace {

enum EventSource { EmptyEvent, SavedEvent, TemplateEvent };

// Line and column (1-based) of a byte offset in UTF-8 text.
QString positionOf(const QByteArray& utf8, int offset)
{
    int line = 1, column = 1;
    for (int i = 0; i < offset && i < utf8.size(); ++i) {
        if (utf8[i] == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(utf8[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return QObject::tr("line %1, column %2").arg(line).arg(column);
}

QString prettyJson(const QByteArray& payload)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return QString::fromUtf8(payload);
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace

RunPanel::RunPanel(QWidget* parent)
    : QWidget(parent), m_function(new QComboBox(this)), m_event(new QComboBox(this)),
      m_payload(new QPlainTextEdit(this)), m_payloadError(new QLabel(this)),
      m_invoke(new QPushButton(tr("Invoke"), this)), m_summary(new QLabel(this)),
      m_results(new QTabWidget(this)), m_response(new QPlainTextEdit(this)),
      m_logs(new QPlainTextEdit(this)), m_validateTimer(new QTimer(this))
{
    if (auto catalog = EventTemplateCatalog::loadBuiltIn())
        m_catalog = new EventTemplateCatalog(std::move(*catalog));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_function->setAccessibleName(tr("Function to invoke"));
    m_function->setMinimumContentsLength(12);
    m_event->setAccessibleName(tr("Event"));
    m_event->setMinimumContentsLength(16);
    m_payload->setFont(fixed);
    m_payload->setAccessibleName(tr("Event payload (JSON)"));
    m_payload->setTabChangesFocus(true);
    m_payloadError->setWordWrap(true);
    m_payloadError->setAccessibleName(tr("Payload error"));
    m_payloadError->setStyleSheet(QStringLiteral("color: #d93f3f"));
    m_payloadError->hide();
    m_invoke->setAccessibleName(tr("Invoke the function"));
    m_invoke->setToolTip(tr("Invoke (Ctrl+Return)"));
    m_invoke->setDefault(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("Invocation summary"));
    m_summary->setWordWrap(true);
    for (QPlainTextEdit* view : {m_response, m_logs}) {
        view->setReadOnly(true);
        view->setFont(fixed);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_response->setAccessibleName(tr("Response"));
    m_logs->setAccessibleName(tr("Invocation logs"));
    m_results->addTab(m_response, tr("Response"));
    m_results->addTab(m_logs, tr("Logs"));

    auto* invokeAction = new QAction(tr("Invoke"), this);
    invokeAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    invokeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(invokeAction);
    connect(invokeAction, &QAction::triggered, this, &RunPanel::invoke);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Function"), this));
    top->addWidget(m_function, 1);
    top->addWidget(new QLabel(tr("Event"), this));
    top->addWidget(m_event, 2);
    top->addWidget(m_invoke);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_payload, 2);
    layout->addWidget(m_payloadError);
    layout->addWidget(m_summary);
    layout->addWidget(m_results, 3);

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(150);
    connect(m_validateTimer, &QTimer::timeout, this, &RunPanel::validate);
    connect(m_payload, &QPlainTextEdit::textChanged, m_validateTimer, qOverload<>(&QTimer::start));
    connect(m_invoke, &QPushButton::clicked, this, &RunPanel::invoke);
    connect(m_function, &QComboBox::currentIndexChanged, this, &RunPanel::onFunctionChanged);
    connect(m_event, &QComboBox::activated, this, &RunPanel::onEventChosen);
    setRunner(nullptr);
}

RunPanel::~RunPanel()
{
    delete m_catalog;
}

void RunPanel::setRunner(Runner* runner)
{
    m_runner = runner;
    const QSignalBlocker block(m_function);
    m_function->clear();
    if (runner) {
        for (const FunctionSpec& f : runner->workspace().functions)
            m_function->addItem(f.name, f.name);
    }
    m_invoke->setEnabled(runner && m_function->count() > 0);
    onFunctionChanged();
}

void RunPanel::selectFunction(const QString& name)
{
    const int i = m_function->findData(name);
    if (i >= 0)
        m_function->setCurrentIndex(i);
}

QString RunPanel::currentFunction() const
{
    return m_function->currentData().toString();
}

void RunPanel::setPayload(const QString& json)
{
    m_payload->setPlainText(json);
    validate();
}

QString RunPanel::payload() const
{
    return m_payload->toPlainText();
}

QString RunPanel::payloadError() const
{
    return m_error;
}

void RunPanel::reloadEvents()
{
    const QString function = currentFunction();
    const QSignalBlocker block(m_event);
    m_event->clear();
    m_event->addItem(tr("Empty event {}"), QVariantList{EmptyEvent, QString()});
    if (m_runner && !function.isEmpty()) {
        for (const QString& name : m_runner->workspace().savedEvents(function))
            m_event->addItem(tr("Saved: %1").arg(name), QVariantList{SavedEvent, name});
    }
    if (m_catalog) {
        for (const QString& kind : m_catalog->kinds())
            m_event->addItem(tr("Template: %1").arg(kind), QVariantList{TemplateEvent, kind});
    }
}

void RunPanel::onFunctionChanged()
{
    reloadEvents();
    // The function's first saved event is the likeliest thing to run; else an empty event.
    const int firstSaved =
        m_event->count() > 1 && m_event->itemData(1).toList().value(0).toInt() == SavedEvent ? 1
                                                                                             : 0;
    m_event->setCurrentIndex(firstSaved);
    onEventChosen(firstSaved);
}

void RunPanel::onEventChosen(int index)
{
    const QVariantList data = m_event->itemData(index).toList();
    const int source = data.value(0).toInt();
    const QString name = data.value(1).toString();
    if (source == SavedEvent && m_runner) {
        QFile file(QDir(m_runner->workspace().eventsFolder(currentFunction()))
                       .filePath(name + QStringLiteral(".json")));
        if (!file.open(QIODevice::ReadOnly)) {
            m_payloadError->setText(
                tr("Cannot read the saved event %1: %2.").arg(file.fileName(), file.errorString()));
            m_payloadError->show();
            return;
        }
        setPayload(QString::fromUtf8(file.readAll()));
    } else if (source == TemplateEvent && m_catalog) {
        const auto event = m_catalog->generate(name, {});
        setPayload(event ? QString::fromUtf8(QJsonDocument(*event).toJson(QJsonDocument::Indented))
                         : QStringLiteral("{}"));
    } else {
        setPayload(QStringLiteral("{}"));
    }
}

void RunPanel::validate()
{
    m_validateTimer->stop();
    const QByteArray utf8 = m_payload->toPlainText().toUtf8();
    QJsonParseError error;
    QJsonDocument::fromJson(utf8.trimmed().isEmpty() ? QByteArray("{}") : utf8, &error);
    if (error.error == QJsonParseError::NoError) {
        m_error.clear();
        m_payloadError->hide();
    } else {
        m_error = tr("%1: %2").arg(positionOf(utf8, error.offset), error.errorString());
        m_payloadError->setText(
            tr("The event is not valid JSON at %1. Fix it to invoke.").arg(m_error));
        m_payloadError->show();
    }
    m_invoke->setEnabled(m_runner && !currentFunction().isEmpty() && m_error.isEmpty());
}

bool RunPanel::invoke()
{
    validate();
    if (!m_runner || currentFunction().isEmpty() || !m_error.isEmpty())
        return false;
    const QByteArray body = m_payload->toPlainText().trimmed().isEmpty()
                                ? QByteArray("{}")
                                : m_payload->toPlainText().toUtf8();
    ++m_inFlight;
    m_summary->setText(tr("Invoking %1…").arg(currentFunction()));
    const QPointer<RunPanel> self(this);
    const QString requestId =
        m_runner->invoke(currentFunction(), body, [self](const InvocationRecord& record) {
            if (!self)
                return;
            --self->m_inFlight;
            self->show(record);
            emit self->invocationFinished(record);
        });
    emit invocationStarted(requestId);
    return true;
}

void RunPanel::show(const InvocationRecord& r)
{
    QString summary =
        tr("%1 · %2 · duration %3 ms · billed %4 ms · memory %5/%6 MB")
            .arg(r.coldStart ? tr("cold start, init %1 ms").arg(r.initDurationMs, 0, 'f', 2)
                             : tr("warm"),
                 outcomeName(r.outcome))
            .arg(r.durationMs, 0, 'f', 2)
            .arg(r.billedDurationMs)
            .arg(r.maxMemoryUsedMb)
            .arg(r.memorySizeMb);
    if (r.failed() && !r.errorType.isEmpty())
        summary = tr("Failed (%1) · ").arg(r.errorType) + summary;
    m_summary->setText(summary);
    m_summary->setToolTip(r.reportLine());
    m_response->setPlainText(prettyJson(r.payload));
    m_logs->setPlainText(r.logs.join(QLatin1Char('\n')));
    m_results->setCurrentWidget(r.failed() ? m_logs : m_response);
}

} // namespace swb
