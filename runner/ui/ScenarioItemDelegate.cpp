#include "ScenarioItemDelegate.h"

#include "ScenarioTableModel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace swb {

namespace {

const ScenarioTableModel* scenarioModel(const QModelIndex& index)
{
    return qobject_cast<const ScenarioTableModel*>(index.model());
}

} // namespace

QWidget* ScenarioItemDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                            const QModelIndex& index) const
{
    const ScenarioTableModel* model = scenarioModel(index);
    if (!model)
        return QStyledItemDelegate::createEditor(parent, option, index);
    const QString title = model->columnTitle(index.column());
    const QStringList choices = model->choices(index);
    QWidget* editor = nullptr;
    if (!choices.isEmpty()) {
        auto* combo = new QComboBox(parent);
        for (const QString& c : choices)
            combo->addItem(c.isEmpty() ? tr("(none)") : c, c);
        // A choice is a decision: commit it without waiting for the focus to leave.
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto* self = const_cast<ScenarioItemDelegate*>(this);
            emit self->commitData(combo);
            emit self->closeEditor(combo);
        });
        editor = combo;
    } else if (index.column() == ScenarioTableModel::MemoryMb) {
        auto* spin = new QSpinBox(parent);
        spin->setRange(ScenarioTableModel::kMinMemoryMb, ScenarioTableModel::kMaxMemoryMb);
        spin->setSingleStep(64);
        spin->setSuffix(tr(" MB"));
        editor = spin;
    } else {
        auto* line = new QLineEdit(parent);
        if (index.column() == ScenarioTableModel::DurationMs ||
            index.column() == ScenarioTableModel::ColdStartShare ||
            index.column() == ScenarioTableModel::InitMs)
            line->setPlaceholderText(tr("measured"));
        editor = line;
    }
    editor->setAccessibleName(title);
    editor->setToolTip(index.data(Qt::ToolTipRole).toString());
    return editor;
}

void ScenarioItemDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        const int at = combo->findData(value.toString());
        combo->setCurrentIndex(at >= 0 ? at : 0);
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->setValue(value.toInt());
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setText(value.toString());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void ScenarioItemDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                        const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor))
        model->setData(index, combo->currentData().toString(), Qt::EditRole);
    else if (auto* spin = qobject_cast<QSpinBox*>(editor))
        model->setData(index, QString::number(spin->value()), Qt::EditRole);
    else if (auto* line = qobject_cast<QLineEdit*>(editor))
        model->setData(index, line->text(), Qt::EditRole);
    else
        QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace swb
