#pragma once
// Editors for the scenario table: combos for the provider, region, architecture and function
// (choices from the model), a spin box for memory, a line edit (with "measured" as its
// placeholder) for the numbers people type in many ways.

#include <QStyledItemDelegate>

namespace swb {

class ScenarioItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
};

} // namespace swb
