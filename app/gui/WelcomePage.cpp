#include "WelcomePage.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace swb {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent), m_recent(new QListWidget(this)), m_examples(new QListWidget(this)),
      m_error(new QLabel(this))
{
    auto* title = new QLabel(tr("Serverless Workbench"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    auto* intro = new QLabel(tr("Write functions, run them on a faithful local copy of a FaaS "
                                "platform, watch every cold and warm start, and price them on "
                                "AWS, Azure, Google Cloud and OpenWhisk."),
                             this);
    intro->setWordWrap(true);
    auto* open = new QPushButton(tr("Open workspace…"), this);
    open->setAccessibleName(tr("Open a workspace folder"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d93f3f"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_examples->setAccessibleName(tr("Examples"));
    m_recent->setAccessibleName(tr("Recent workspaces"));

    auto* column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(12);
    auto* import = new QPushButton(tr("Import SAM template or serverless.yml…"), this);
    import->setAccessibleName(tr("Import a SAM template or a serverless.yml"));
    connect(import, &QPushButton::clicked, this, &WelcomePage::importRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(import);
    buttons->addStretch(1);
    column->addLayout(buttons);
    column->addWidget(m_error);
    column->addSpacing(12);
    column->addWidget(new QLabel(tr("Examples"), this));
    column->addWidget(m_examples);
    column->addWidget(new QLabel(tr("Recent workspaces"), this));
    column->addWidget(m_recent);
    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);

    connect(open, &QPushButton::clicked, this, [this] { emit openRequested(QString()); });
    for (QListWidget* list : {m_recent, m_examples})
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
            emit openRequested(item->data(Qt::UserRole).toString());
        });
}

void WelcomePage::setRecent(const QStringList& folders)
{
    m_recent->clear();
    for (const QString& f : folders) {
        auto* item = new QListWidgetItem(QDir::toNativeSeparators(f), m_recent);
        item->setData(Qt::UserRole, f);
    }
    if (folders.isEmpty()) {
        auto* item = new QListWidgetItem(tr("(none yet)"), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

void WelcomePage::setExamples(const QStringList& folders)
{
    m_examples->clear();
    for (const QString& f : folders) {
        auto* item = new QListWidgetItem(QFileInfo(f).fileName(), m_examples);
        item->setData(Qt::UserRole, f);
        item->setToolTip(QDir::toNativeSeparators(f));
    }
}

void WelcomePage::setError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString WelcomePage::error() const
{
    return m_error->text();
}

} // namespace swb
