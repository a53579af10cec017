#include "DeployJob.h"

namespace swb {

DeployJob::DeployJob(QObject* parent) : QObject(parent) {}

void DeployJob::cancel()
{
    if (m_cancelRequested || isFinished())
        return;
    m_cancelRequested = true;
    emit cancelRequested();
}

void DeployJob::beginStep(const QString& step, const QString& text)
{
    if (isFinished())
        return;
    m_step = step;
    emit stepStarted(step, text);
}

void DeployJob::finish(Result<DeployResult> result)
{
    if (isFinished())
        return;
    m_result = std::move(result);
    emit finished();
}

bool DeployJob::finishIfCancelled()
{
    if (!m_cancelRequested || isFinished())
        return isFinished() && m_cancelRequested;
    finish(fail(ErrorCode::Cancelled,
                tr("The deploy was cancelled during \"%1\"; the platform may hold a partial "
                   "update: deploy again to finish it.")
                    .arg(m_step)));
    return true;
}

} // namespace swb
