#pragma once
// The cost panel's table: one editable row per what-if scenario, priced as soon as a cell
// changes. Refuses input the workspace format would not accept (with a message naming the cell
// and what is allowed); a row the cost engine cannot price carries its error in its result
// columns while the other rows keep their totals.

#include "cost/BillingUsage.h"
#include "cost/CostBreakdown.h"
#include "cost/MeasuredUsage.h"
#include "model/ScenarioSpec.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace swb {

class CostEngine;

// What one row priced to: its usage and breakdown, or the reason it could not be priced.
struct ScenarioRowResult {
    std::optional<BillingUsage> usage;
    std::optional<CostBreakdown> breakdown;
    QString error;                         // empty when priced
    std::optional<MeasuredUsage> measured; // the history used for unset fields, if any
    bool ok() const { return breakdown.has_value(); }
};

class ScenarioTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Function,
        Provider,
        Plan,
        Region,
        Architecture,
        MemoryMb,
        Invocations,
        DurationMs,
        ColdStartShare,
        InitMs,
        Gateway,     // AWS: none, http (HTTP API) or rest (REST API)
        Provisioned, // AWS provisioned concurrency, Azure Flex always-ready instances
        FreeTier,
        TotalPerMonth,
        PerMillion,
        ColumnCount
    };

    // The limits the workspace format accepts (WorkspaceValidator); a provider's own, narrower
    // range is the cost engine's to report.
    static constexpr int kMinMemoryMb = 128;
    static constexpr int kMaxMemoryMb = 32768;
    static constexpr double kMaxInvocations = 1e12;
    static constexpr double kMaxDurationMs = 3'600'000;

    // Looks a function's measurements up (the runner's history); an error when there are none.
    using MeasuredSource = std::function<Result<MeasuredUsage>(const QString& function)>;

    explicit ScenarioTableModel(QObject* parent = nullptr);

    // The engine prices rows; null: every row says no price list is loaded.
    void setEngine(const CostEngine* engine);
    const CostEngine* engine() const { return m_engine; }
    void setMeasuredSource(MeasuredSource source);
    // Drops the cached measurements (after new runs) and reprices.
    void refreshMeasurements();
    // Drops the cached measurements without repricing (the next pricing measures again).
    void clearMeasurements() { m_measuredCache.clear(); }
    // The workspace's functions, offered in the Function column.
    void setFunctions(const QStringList& functions);

    void setScenarios(const QList<ScenarioSpec>& scenarios);
    // Prices every row again (then emits repriced()).
    void repriceAll();
    const QList<ScenarioSpec>& scenarios() const { return m_scenarios; }
    const ScenarioRowResult& result(int row) const { return m_results.at(row); }

    // Returns the new row. Names are made unique ("aws-x86 (2)").
    int addScenario();
    int duplicateScenario(int row);
    bool removeScenario(int row);

    // The values a combo editor offers for a cell (empty: free text).
    QStringList choices(const QModelIndex& index) const;
    static QStringList architectures();
    // A provider's plans, the default first (BillingUsage::plan); empty for one without plans.
    static QStringList plans(const QString& provider);
    // The API Gateway kinds an AWS scenario can put in front of its function.
    static QStringList gateways();
    QString columnTitle(int column) const;

    // Money for people: "$12.34", "-$0.20".
    static QString dollars(const Money& amount, const QString& currency);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    // An edit was refused: which cell, what was typed, what is allowed.
    void editRefused(const QString& message);
    // The scenarios changed (an accepted edit, a row added, removed or duplicated).
    void scenariosChanged();
    // Every row has been priced again.
    void repriced();

private:
    Result<void> apply(ScenarioSpec& s, int column, const QVariant& value) const;
    void reprice(int row);
    const MeasuredUsage* measuredFor(const ScenarioSpec& s, QString* error);
    QString uniqueName(const QString& base) const;
    QString displayText(int row, int column) const;

    const CostEngine* m_engine = nullptr;
    MeasuredSource m_measuredSource;
    struct Measurement {
        std::optional<MeasuredUsage> value;
        QString error;
    };
    QHash<QString, Measurement> m_measuredCache;
    QStringList m_functions;
    QList<ScenarioSpec> m_scenarios;
    QList<ScenarioRowResult> m_results;
};

} // namespace swb
