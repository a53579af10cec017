#include "ScenarioTableModel.h"

#include "cost/CostEngine.h"
#include "cost/PricingCatalog.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace swb {

namespace {

// Reads on light and dark palettes alike (the timeline uses the same red for failures).
const QColor ErrorColor(0xE0, 0x2A, 0x2A);

// "5,000,000", "5 000 000", "5e6", "5M", "2.5k": people type volumes many ways, and in their
// own locale ("0,02" in German) — which is tried first, then C with separators dropped.
std::optional<double> parseNumber(QString text, bool allowSuffix)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    double scale = 1;
    if (allowSuffix) {
        const QChar last = text.back();
        if (last == QLatin1Char('k') || last == QLatin1Char('K'))
            scale = 1e3;
        else if (last == QLatin1Char('M'))
            scale = 1e6;
        else if (last == QLatin1Char('B') || last == QLatin1Char('G'))
            scale = 1e9;
        if (scale != 1)
            text.chop(1);
    }
    bool ok = false;
    double v = QLocale().toDouble(text, &ok);
    if (!ok) {
        text.remove(QLatin1Char(','));
        text.remove(QLatin1Char('_'));
        text.remove(QLatin1Char(' '));
        text.remove(QChar(0x00A0));
        text.remove(QChar(0x202F));
        v = QLocale::c().toDouble(text, &ok);
    }
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v * scale;
}

// The extension keys holding a provider's kept-warm instances (count, hours a month, share of the
// invocations they serve), or nothing when the provider and plan have none to price.
struct WarmKeys {
    QLatin1String instances, hours, share;
};
std::optional<WarmKeys> warmKeys(const ScenarioSpec& s)
{
    if (s.provider == QLatin1String("aws"))
        return WarmKeys{QLatin1String("provisionedInstances"), QLatin1String("provisionedHours"),
                        QLatin1String("provisionedInvocationShare")};
    if (s.provider == QLatin1String("azure") &&
        s.extensions.value(QLatin1String("plan")).toString() == QLatin1String("flex"))
        return WarmKeys{QLatin1String("alwaysReadyInstances"), QLatin1String("alwaysReadyHours"),
                        QLatin1String("alwaysReadyInvocationShare")};
    return std::nullopt;
}

constexpr double HoursPerMonth = 730; // the month the price pages use

bool meansMeasured(const QString& text)
{
    const QString t = text.trimmed();
    return t.isEmpty() || t.compare(QLatin1String("measured"), Qt::CaseInsensitive) == 0 ||
           t.startsWith(QLatin1String("measured:"), Qt::CaseInsensitive);
}

QString number(double v)
{
    return QString::number(v, 'g', 10);
}

} // namespace

ScenarioTableModel::ScenarioTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ScenarioTableModel::setEngine(const CostEngine* engine)
{
    m_engine = engine;
    repriceAll();
}

void ScenarioTableModel::setMeasuredSource(MeasuredSource source)
{
    m_measuredSource = std::move(source);
    refreshMeasurements();
}

void ScenarioTableModel::refreshMeasurements()
{
    m_measuredCache.clear();
    repriceAll();
}

void ScenarioTableModel::setFunctions(const QStringList& functions)
{
    m_functions = functions;
}

void ScenarioTableModel::setScenarios(const QList<ScenarioSpec>& scenarios)
{
    beginResetModel();
    m_scenarios = scenarios;
    m_results = QList<ScenarioRowResult>(m_scenarios.size());
    endResetModel();
    repriceAll();
}

QString ScenarioTableModel::uniqueName(const QString& base) const
{
    auto taken = [this](const QString& name) {
        return std::any_of(m_scenarios.begin(), m_scenarios.end(),
                           [&name](const ScenarioSpec& s) { return s.name == name; });
    };
    if (!taken(base))
        return base;
    for (int i = 2;; ++i) {
        const QString name = QStringLiteral("%1 (%2)").arg(base).arg(i);
        if (!taken(name))
            return name;
    }
}

int ScenarioTableModel::addScenario()
{
    ScenarioSpec s;
    s.name = uniqueName(tr("scenario"));
    s.provider = QStringLiteral("aws");
    s.region = m_engine ? m_engine->catalog().defaultRegion(s.provider) : QString();
    s.function = m_functions.value(0);
    s.memoryMb = 128;
    s.invocationsPerMonth = 1'000'000;
    s.durationMs = 100;
    s.includeFreeTier = false;
    const int row = int(m_scenarios.size());
    beginInsertRows({}, row, row);
    m_scenarios.append(s);
    m_results.append(ScenarioRowResult{});
    endInsertRows();
    reprice(row);
    emit scenariosChanged();
    return row;
}

int ScenarioTableModel::duplicateScenario(int row)
{
    if (row < 0 || row >= m_scenarios.size())
        return -1;
    ScenarioSpec s = m_scenarios.at(row);
    s.name = uniqueName(s.name);
    const int at = row + 1;
    beginInsertRows({}, at, at);
    m_scenarios.insert(at, s);
    m_results.insert(at, ScenarioRowResult{});
    endInsertRows();
    reprice(at);
    emit scenariosChanged();
    return at;
}

bool ScenarioTableModel::removeScenario(int row)
{
    if (row < 0 || row >= m_scenarios.size())
        return false;
    beginRemoveRows({}, row, row);
    m_scenarios.removeAt(row);
    m_results.removeAt(row);
    endRemoveRows();
    emit scenariosChanged();
    return true;
}

QStringList ScenarioTableModel::architectures()
{
    return {QStringLiteral("x86_64"), QStringLiteral("arm64")};
}

QStringList ScenarioTableModel::plans(const QString& provider)
{
    // The plans the billing classes price (docs/cost.md), the default first.
    if (provider == QLatin1String("azure"))
        return {QStringLiteral("consumption"), QStringLiteral("flex")};
    if (provider == QLatin1String("gcp"))
        return {QStringLiteral("gen2"), QStringLiteral("gen1")};
    if (provider == QLatin1String("openwhisk"))
        return {QStringLiteral("ibm"), QStringLiteral("self-hosted")};
    return {};
}

QStringList ScenarioTableModel::choices(const QModelIndex& index) const
{
    if (!index.isValid() || index.row() >= m_scenarios.size())
        return {};
    switch (index.column()) {
    case Function:
        return QStringList{QString()} + m_functions;
    case Provider:
        return CostEngine::providers();
    case Plan:
        return plans(m_scenarios.at(index.row()).provider);
    case Region:
        return m_engine ? m_engine->catalog().regions(m_scenarios.at(index.row()).provider)
                        : QStringList{};
    case Architecture:
        return architectures();
    case Gateway:
        return m_scenarios.at(index.row()).provider == QLatin1String("aws") ? gateways()
                                                                            : QStringList{};
    default:
        return {};
    }
}

QStringList ScenarioTableModel::gateways()
{
    return {QStringLiteral("none"), QStringLiteral("http"), QStringLiteral("rest")};
}

QString ScenarioTableModel::columnTitle(int column) const
{
    switch (column) {
    case Name:
        return tr("Name");
    case Function:
        return tr("Function");
    case Provider:
        return tr("Provider");
    case Plan:
        return tr("Plan");
    case Region:
        return tr("Region");
    case Architecture:
        return tr("Architecture");
    case MemoryMb:
        return tr("Memory (MB)");
    case Invocations:
        return tr("Invocations / month");
    case DurationMs:
        return tr("Duration (ms)");
    case ColdStartShare:
        return tr("Cold-start share");
    case InitMs:
        return tr("Init (ms)");
    case Gateway:
        return tr("Gateway");
    case Provisioned:
        return tr("Kept warm");
    case FreeTier:
        return tr("Free tier");
    case TotalPerMonth:
        return tr("Total / month");
    case PerMillion:
        return tr("Per million");
    default:
        return {};
    }
}

QString ScenarioTableModel::dollars(const Money& amount, const QString& currency)
{
    const QString text = amount.toString(2);
    if (currency != QLatin1String("USD"))
        return text + QLatin1Char(' ') + currency;
    return text.startsWith(QLatin1Char('-')) ? QStringLiteral("-$") + text.mid(1)
                                             : QStringLiteral("$") + text;
}

int ScenarioTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_scenarios.size());
}

int ScenarioTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ScenarioTableModel::displayText(int row, int column) const
{
    const ScenarioSpec& s = m_scenarios.at(row);
    const ScenarioRowResult& r = m_results.at(row);
    const QLocale locale;
    switch (column) {
    case Name:
        return s.name;
    case Function:
        return s.function;
    case Provider:
        return s.provider;
    case Plan: {
        const QString plan = s.extensions.value(QLatin1String("plan")).toString();
        if (!plan.isEmpty())
            return plan;
        return plans(s.provider).isEmpty() ? QStringLiteral("—") : plans(s.provider).first();
    }
    case Region:
        if (s.region.isEmpty() && m_engine)
            return tr("default (%1)").arg(m_engine->catalog().defaultRegion(s.provider));
        return s.region;
    case Architecture:
        return s.architecture;
    case MemoryMb:
        return locale.toString(s.memoryMb);
    case Invocations:
        return locale.toString(qlonglong(std::llround(s.invocationsPerMonth)));
    case DurationMs:
        if (s.durationMs)
            return locale.toString(*s.durationMs, 'g', 6);
        if (r.measured)
            return tr("measured: %1").arg(locale.toString(r.measured->meanDurationMs(), 'f', 1));
        return tr("measured");
    case ColdStartShare:
        if (s.coldStartShare)
            return locale.toString(*s.coldStartShare, 'g', 6);
        if (r.measured)
            return tr("measured: %1").arg(locale.toString(r.measured->coldShare, 'f', 3));
        return tr("none");
    case InitMs:
        if (s.initDurationMs)
            return locale.toString(*s.initDurationMs, 'g', 6);
        if (r.measured && r.measured->initMeanMs > 0)
            return tr("measured: %1").arg(locale.toString(r.measured->initMeanMs, 'f', 1));
        return tr("none");
    case Gateway:
        if (s.provider != QLatin1String("aws"))
            return QStringLiteral("—");
        return s.extensions.value(QLatin1String("gateway")).toString(QStringLiteral("none"));
    case Provisioned: {
        const auto keys = warmKeys(s);
        if (!keys)
            return QStringLiteral("—");
        const int n = s.extensions.value(keys->instances).toInt(0);
        if (n <= 0)
            return tr("none");
        return tr("%1 × %2 h, %3% of invocations")
            .arg(n)
            .arg(locale.toString(s.extensions.value(keys->hours).toDouble(0), 'g', 6))
            .arg(locale.toString(s.extensions.value(keys->share).toDouble(0) * 100, 'g', 4));
    }
    case FreeTier:
        return {};
    case TotalPerMonth:
        if (!r.ok())
            return tr("Error: %1").arg(r.error);
        return dollars(r.breakdown->total, r.breakdown->currency);
    case PerMillion:
        if (!r.ok() || !r.usage || r.usage->invocations <= 0)
            return QStringLiteral("—");
        return dollars(r.breakdown->total.scaled(1'000'000, r.usage->invocations),
                       r.breakdown->currency);
    default:
        return {};
    }
}

QVariant ScenarioTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_scenarios.size())
        return {};
    const int column = index.column();
    const ScenarioSpec& s = m_scenarios.at(index.row());
    const ScenarioRowResult& r = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayText(index.row(), column);
    case Qt::EditRole:
        switch (column) {
        case Region:
            return s.region;
        case Plan:
            return displayText(index.row(), column) == QStringLiteral("—")
                       ? QString()
                       : displayText(index.row(), column);
        case MemoryMb:
            return s.memoryMb;
        case Invocations:
            return QString::number(s.invocationsPerMonth, 'f', 0);
        case DurationMs:
            return s.durationMs ? number(*s.durationMs) : QString();
        case ColdStartShare:
            return s.coldStartShare ? number(*s.coldStartShare) : QString();
        case InitMs:
            return s.initDurationMs ? number(*s.initDurationMs) : QString();
        case FreeTier:
            return s.includeFreeTier;
        case Provisioned: {
            const auto keys = warmKeys(s);
            const int n = keys ? s.extensions.value(keys->instances).toInt(0) : 0;
            if (n <= 0)
                return QString();
            return QStringLiteral("%1 %2h %3%")
                .arg(n)
                .arg(number(s.extensions.value(keys->hours).toDouble(0)))
                .arg(number(s.extensions.value(keys->share).toDouble(0) * 100));
        }
        default:
            return displayText(index.row(), column);
        }
    case Qt::CheckStateRole:
        if (column == FreeTier)
            return s.includeFreeTier ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::TextAlignmentRole:
        if (column >= MemoryMb && column != FreeTier)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if ((column == TotalPerMonth || column == PerMillion) && !r.ok())
            return QBrush(ErrorColor);
        return {};
    case Qt::FontRole:
        if (column == TotalPerMonth) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case TotalPerMonth:
        case PerMillion:
            return r.ok() ? r.breakdown->toText() : r.error;
        case DurationMs:
            return tr("Milliseconds per invocation; leave empty (or type \"measured\") to use the "
                      "durations the runner measured for the scenario's function.");
        case ColdStartShare:
            return tr("Share of invocations that start cold, 0 to 1 (or 5%); leave empty to use "
                      "the measured share.");
        case InitMs:
            return tr("Init duration of a cold start in ms; leave empty to use the measured "
                      "mean.");
        case MemoryMb:
            return tr("Memory in MB, %1 to %2; each provider prices its own range.")
                .arg(kMinMemoryMb)
                .arg(kMaxMemoryMb);
        case Invocations:
            return tr("Invocations per month: 5000000, 5M or 5e6.");
        case Plan:
            return tr("Azure: consumption or flex; Google Cloud: gen2 or gen1; OpenWhisk: ibm or "
                      "self-hosted (which needs clusterMonthlyCost in workbench.json).");
        case Gateway:
            return tr("AWS only: the API Gateway in front of the function, priced per request: "
                      "none, http (HTTP API) or rest (REST API).");
        case Provisioned:
            return tr("Instances kept warm and paid for while idle (AWS provisioned concurrency, "
                      "Azure Flex always ready): \"2\" for two all month (730 h) serving every "
                      "invocation, or \"2 200h 60%\" for 200 hours a month serving 60% of them; "
                      "empty or 0 for none.");
        default:
            return displayText(index.row(), column);
        }
    default:
        return {};
    }
}

QVariant ScenarioTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && (role == Qt::DisplayRole || role == Qt::ToolTipRole))
        return columnTitle(section);
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return section + 1;
    return {};
}

Qt::ItemFlags ScenarioTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == FreeTier)
        return f | Qt::ItemIsUserCheckable;
    if (index.column() == Plan && plans(m_scenarios.at(index.row()).provider).isEmpty())
        return f; // AWS Lambda has one plan
    if (index.column() == Gateway && m_scenarios.at(index.row()).provider != QLatin1String("aws"))
        return f; // the other clouds do not price a gateway per request
    if (index.column() == Provisioned && !warmKeys(m_scenarios.at(index.row())))
        return f;
    if (index.column() < FreeTier)
        f |= Qt::ItemIsEditable;
    return f;
}

Result<void> ScenarioTableModel::apply(ScenarioSpec& s, int column, const QVariant& value) const
{
    const QString text = value.toString().trimmed();
    auto refuse = [&](const QString& allowed) {
        return fail(ErrorCode::InvalidArgument,
                    tr("\"%1\" is not allowed; %2").arg(value.toString(), allowed));
    };
    switch (column) {
    case Name:
        if (text.isEmpty())
            return refuse(tr("a scenario needs a name."));
        for (const ScenarioSpec& other : m_scenarios) {
            if (other.name == text && text != s.name)
                return refuse(tr("another scenario has that name; names must be unique."));
        }
        s.name = text;
        return {};
    case Function:
        if (!text.isEmpty() && !m_functions.contains(text))
            return refuse(tr("choose one of the workspace's functions (%1) or none.")
                              .arg(m_functions.join(QStringLiteral(", "))));
        s.function = text;
        return {};
    case Provider:
        if (!CostEngine::providers().contains(text))
            return refuse(
                tr("choose one of: %1.").arg(CostEngine::providers().join(QStringLiteral(", "))));
        if (text != s.provider && m_engine && !m_engine->catalog().regions(text).contains(s.region))
            s.region = m_engine->catalog().defaultRegion(text); // a region of the new cloud
        if (text != s.provider)
            s.extensions.remove(QLatin1String("plan")); // another cloud's plan means nothing
        s.provider = text;
        return {};
    case Plan: {
        const QStringList allowed = plans(s.provider);
        if (allowed.isEmpty() ? !text.isEmpty() : !allowed.contains(text))
            return refuse(
                allowed.isEmpty()
                    ? tr("%1 has no plans to choose from.").arg(s.provider)
                    : tr("%1 offers: %2.").arg(s.provider, allowed.join(QStringLiteral(", "))));
        if (text.isEmpty())
            s.extensions.remove(QLatin1String("plan"));
        else
            s.extensions.insert(QLatin1String("plan"), text);
        return {};
    }
    case Region:
        if (m_engine && !text.isEmpty() && !m_engine->catalog().regions(s.provider).contains(text))
            return refuse(
                tr("%1 prices these regions: %2.")
                    .arg(s.provider,
                         m_engine->catalog().regions(s.provider).join(QStringLiteral(", "))));
        s.region = text;
        return {};
    case Architecture:
        if (!architectures().contains(text))
            return refuse(tr("choose x86_64 or arm64."));
        s.architecture = text;
        return {};
    case MemoryMb: {
        const auto v = parseNumber(text, false);
        if (!v || *v != std::floor(*v) || *v < kMinMemoryMb || *v > kMaxMemoryMb)
            return refuse(
                tr("type whole megabytes from %1 to %2.").arg(kMinMemoryMb).arg(kMaxMemoryMb));
        s.memoryMb = int(*v);
        return {};
    }
    case Invocations: {
        const auto v = parseNumber(text, true);
        if (!v || *v < 0 || *v > kMaxInvocations)
            return refuse(tr("type invocations per month from 0 to 10^12 (5000000, 5M or 5e6)."));
        s.invocationsPerMonth = std::round(*v);
        return {};
    }
    case DurationMs: {
        if (meansMeasured(text)) {
            s.durationMs.reset();
            return {};
        }
        const auto v = parseNumber(text, false);
        if (!v || *v <= 0 || *v > kMaxDurationMs)
            return refuse(tr("type milliseconds above 0 and up to %1, or leave it empty to use "
                             "the measured durations.")
                              .arg(kMaxDurationMs, 0, 'f', 0));
        s.durationMs = *v;
        return {};
    }
    case ColdStartShare: {
        if (meansMeasured(text)) {
            s.coldStartShare.reset();
            return {};
        }
        QString t = text;
        double scale = 1;
        if (t.endsWith(QLatin1Char('%'))) {
            t.chop(1);
            scale = 0.01;
        }
        auto v = parseNumber(t, false);
        if (v)
            *v *= scale;
        if (!v || *v < 0 || *v > 1)
            return refuse(tr("type a share from 0 to 1 (0.05 or 5%), or leave it empty to use "
                             "the measured share."));
        s.coldStartShare = *v;
        return {};
    }
    case InitMs: {
        if (meansMeasured(text)) {
            s.initDurationMs.reset();
            return {};
        }
        const auto v = parseNumber(text, false);
        if (!v || *v < 0 || *v > kMaxDurationMs)
            return refuse(tr("type milliseconds from 0 to %1, or leave it empty to use the "
                             "measured mean.")
                              .arg(kMaxDurationMs, 0, 'f', 0));
        s.initDurationMs = *v;
        return {};
    }
    case Gateway:
        if (s.provider != QLatin1String("aws"))
            return refuse(tr("only AWS scenarios price a gateway per request."));
        if (!gateways().contains(text))
            return refuse(tr("choose none, http (HTTP API) or rest (REST API)."));
        if (text == QLatin1String("none"))
            s.extensions.remove(QLatin1String("gateway"));
        else
            s.extensions.insert(QLatin1String("gateway"), text);
        return {};
    case Provisioned: {
        const auto keys = warmKeys(s);
        if (!keys)
            return refuse(tr("%1 has no kept-warm instances to price here (Azure: choose the flex "
                             "plan first).")
                              .arg(s.provider));
        const QString syntax = tr("type the instances, then optionally hours a month and the "
                                  "share of invocations they serve: \"2\" or \"2 200h 60%\".");
        const QStringList parts =
            text.split(QRegularExpression(QStringLiteral("[\\s,×x]+")), Qt::SkipEmptyParts);
        if (parts.isEmpty() || text == QLatin1String("none") || text == QLatin1String("0")) {
            s.extensions.remove(keys->instances);
            s.extensions.remove(keys->hours);
            s.extensions.remove(keys->share);
            return {};
        }
        bool ok = false;
        const int instances = parts.first().toInt(&ok);
        if (!ok || instances < 0 || instances > 100'000 || parts.size() > 3)
            return refuse(syntax);
        double hours = HoursPerMonth;
        double share = 1;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            QString part = parts.at(i).toLower();
            const bool isHours = part.endsWith(QLatin1Char('h'));
            const bool isShare = part.endsWith(QLatin1Char('%'));
            if (!isHours && !isShare)
                return refuse(syntax);
            part.chop(1);
            const auto v = parseNumber(part, false);
            if (!v)
                return refuse(syntax);
            if (isHours) {
                if (*v < 0 || *v > 744)
                    return refuse(tr("hours a month go from 0 to 744 (a 31-day month)."));
                hours = *v;
            } else {
                if (*v < 0 || *v > 100)
                    return refuse(tr("the share of invocations goes from 0% to 100%."));
                share = *v / 100;
            }
        }
        if (instances == 0) {
            s.extensions.remove(keys->instances);
            s.extensions.remove(keys->hours);
            s.extensions.remove(keys->share);
            return {};
        }
        s.extensions.insert(keys->instances, instances);
        s.extensions.insert(keys->hours, hours);
        s.extensions.insert(keys->share, share);
        return {};
    }
    default:
        return fail(ErrorCode::InvalidArgument,
                    tr("this column is computed and cannot be edited."));
    }
}

bool ScenarioTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_scenarios.size())
        return false;
    ScenarioSpec& s = m_scenarios[index.row()];
    if (index.column() == FreeTier) {
        if (role != Qt::CheckStateRole && role != Qt::EditRole)
            return false;
        const bool on = role == Qt::CheckStateRole ? value.value<Qt::CheckState>() == Qt::Checked ||
                                                         value.toInt() == int(Qt::Checked)
                                                   : value.toBool();
        if (on == s.includeFreeTier)
            return true;
        s.includeFreeTier = on;
    } else {
        if (role != Qt::EditRole)
            return false;
        ScenarioSpec edited = s;
        const auto applied = apply(edited, index.column(), value);
        if (!applied) {
            emit editRefused(
                tr("Scenario \"%1\", %2: %3")
                    .arg(s.name, columnTitle(index.column()), applied.error().message));
            return false;
        }
        s = edited;
    }
    reprice(index.row());
    emit scenariosChanged();
    return true;
}

const MeasuredUsage* ScenarioTableModel::measuredFor(const ScenarioSpec& s, QString* error)
{
    if (s.function.isEmpty()) {
        *error = tr("the scenario names no function");
        return nullptr;
    }
    if (!m_measuredSource) {
        *error = tr("no run history is open");
        return nullptr;
    }
    auto it = m_measuredCache.find(s.function);
    if (it == m_measuredCache.end()) {
        Measurement m;
        auto result = m_measuredSource(s.function);
        if (result)
            m.value = std::move(*result);
        else
            m.error = result.error().message;
        it = m_measuredCache.insert(s.function, m);
    }
    *error = it->error;
    return it->value ? &*it->value : nullptr;
}

void ScenarioTableModel::reprice(int row)
{
    const ScenarioSpec& s = m_scenarios.at(row);
    ScenarioRowResult r;
    if (!m_engine) {
        r.error = tr("No price list is loaded.");
    } else {
        QString measuredError;
        const bool wantsMeasured = !s.durationMs || !s.coldStartShare || !s.initDurationMs;
        const MeasuredUsage* measured =
            wantsMeasured && !s.function.isEmpty() ? measuredFor(s, &measuredError) : nullptr;
        if (measured)
            r.measured = *measured;
        if (!s.durationMs && !measured) {
            r.error =
                s.function.isEmpty()
                    ? tr("No duration: type one, or choose a function whose runs were "
                         "measured.")
                    : tr("No measured duration for \"%1\": %2").arg(s.function, measuredError);
        } else {
            auto usage = usageWithMeasurements(s, measured);
            if (!usage) {
                r.error = usage.error().message;
            } else {
                auto priced = m_engine->price(s.provider, *usage);
                r.usage = std::move(*usage);
                if (priced)
                    r.breakdown = std::move(*priced);
                else
                    r.error = priced.error().message;
            }
        }
    }
    m_results[row] = std::move(r);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ScenarioTableModel::repriceAll()
{
    for (int row = 0; row < m_scenarios.size(); ++row)
        reprice(row);
    emit repriced();
}

} // namespace swb
