#pragma once
// "Deploy" to a named local stage: a frozen copy of the package under
// <workspace>/.swb/stages/<stage>/ — a workspace of its own (workbench.json plus each staged
// function's unpacked package) that `swb serve --stage NAME` serves. A user rehearses a deploy,
// and compares what is staged with what is being edited, without any account.

#include "common/DeployJob.h"
#include "common/Provider.h"

namespace swb {

class LocalStageProvider : public Provider {
    Q_OBJECT
public:
    // The stage is ctx.target.extensions["stage"], else the target's name, else "default".
    explicit LocalStageProvider(ProviderContext context, QObject* parent = nullptr);

    QString id() const override { return QStringLiteral("local"); }
    QString stageName() const { return m_stage; }
    // <workspace>/.swb/stages/<stage>
    QString stageFolder() const;
    static QString stageFolder(const QString& workspaceFolder, const QString& stage);
    // Empty when `stage` is a usable name (letters, digits, '-', '_'; 1 to 64), else why not.
    static QString stageNameProblem(const QString& stage);

    void checkIdentity(std::function<void(Result<ProviderIdentity>)> done) override;
    DeployJob* deploy(const DeploySpec& spec) override;
    LogTail* tailLogs(const LogQuery& query) override;
    void listFunctions(std::function<void(Result<QStringList>)> done) override;
    void removeFunction(const QString& remoteName, std::function<void(Result<void>)> done) override;

private:
    Result<DeployResult> deployNow(const DeploySpec& spec, DeployJob* job);
    void poll(LogTail* tail);

    ProviderContext m_context;
    QString m_stage;
};

} // namespace swb
