#pragma once
// The signing keys of a JWT issuer the gateway does not own, fetched as API Gateway does:
// "<issuer>/.well-known/openid-configuration" names the jwks_uri, which holds the JWKS. The
// keys are kept; a token signed with a key the set does not have may refetch them, at most once
// a minute. Asynchronous: the event loop never waits for the issuer.

#include "Error.h"
#include "auth/Jwks.h"

#include <QList>
#include <QObject>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace swb::gateway {

class IssuerKeys : public QObject {
public:
    using Done = std::function<void(const Result<auth::Jwks>&)>;
    using Clock = std::function<qint64()>; // milliseconds, monotonic enough for a minute

    static constexpr qint64 kRefetchIntervalMs = 60 * 1000;
    static constexpr int kTimeoutMs = 10 * 1000;
    static constexpr qint64 kMaxDocumentBytes = 1024 * 1024;

    IssuerKeys(QString issuer, QNetworkAccessManager* network, Clock clockMs = {},
               QObject* parent = nullptr);

    // The kept keys, or the first fetch. Callers waiting together share one fetch; a failed
    // fetch is not kept (the next request tries again).
    void keys(Done done);
    // After a token named a key the set lacks: fetches again unless the last fetch started
    // less than a minute ago. False (and `done` not called) when it may not.
    bool refetch(Done done);

    const QString& issuer() const { return m_issuer; }
    int fetchCount() const { return m_fetches; }

private:
    void fetch();
    void finish(const Result<auth::Jwks>& result);
    void getJson(const QString& url, std::function<void(const Result<QJsonObject>&)> done);

    QString m_issuer;
    QNetworkAccessManager* m_network;
    Clock m_clock;
    std::optional<auth::Jwks> m_keys;
    QList<Done> m_waiting;
    bool m_fetching = false;
    qint64 m_lastFetchMs = 0;
    int m_fetches = 0;
};

} // namespace swb::gateway
