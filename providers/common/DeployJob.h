#pragma once
// One deploy in flight: the steps as they start, then the result, exactly once. The provider
// drives it (beginStep, finish); the caller watches it and may cancel it.

#include "Error.h"

#include <QObject>
#include <QString>

#include <optional>

namespace swb {

// What a platform answered for a deploy that worked.
struct DeployResult {
    QString version;            // the platform's version or revision ("3", "$LATEST", an etag)
    QString arn;                // its id for the function (ARN, resource name, action path)
    QString url;                // where to call it, when it has an HTTP endpoint
    bool codeUnchanged = false; // the platform already had this exact code: upload skipped
    QString codeSha256;         // the package's hash (base64 SHA-256, as Lambda's CodeSha256)
};

class DeployJob : public QObject {
    Q_OBJECT
public:
    // The steps every provider reports, in order (a provider may skip some).
    static constexpr const char* kPackage = "package";
    static constexpr const char* kUpload = "upload";
    static constexpr const char* kUpdate = "update";
    static constexpr const char* kReady = "ready";

    explicit DeployJob(QObject* parent = nullptr);

    // Asks the deploy to stop. The provider finishes with ErrorCode::Cancelled at its next
    // step boundary (a request in flight is aborted when it can be); a deploy that already
    // finished is not affected.
    void cancel();
    bool isCancelRequested() const { return m_cancelRequested; }

    bool isFinished() const { return m_result.has_value(); }
    // Set once finished.
    const std::optional<Result<DeployResult>>& result() const { return m_result; }
    QString currentStep() const { return m_step; }

    // --- for providers ---
    void beginStep(const QString& step, const QString& text);
    // The first call wins; later calls are ignored (so a late reply cannot overwrite a cancel).
    void finish(Result<DeployResult> result);
    // finish(Cancelled) when cancel() was asked for; true if it did. Providers call it between
    // steps.
    bool finishIfCancelled();

signals:
    void stepStarted(const QString& step, const QString& text);
    void cancelRequested();
    void finished();

private:
    QString m_step;
    bool m_cancelRequested = false;
    std::optional<Result<DeployResult>> m_result;
};

} // namespace swb
