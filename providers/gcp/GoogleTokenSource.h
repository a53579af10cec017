#pragma once
// Access tokens for one service account: signs an assertion (GoogleJwt), exchanges it at the
// token URI, keeps the token until five minutes before it expires, and fetches a new one when
// asked (after a 401). Concurrent callers share one fetch.

#include "Error.h"
#include "ServiceAccountKey.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <vector>

namespace swb {

class HttpClient;

class GoogleTokenSource : public QObject {
    Q_OBJECT
public:
    static constexpr int kRefreshMarginSeconds = 300;
    using Callback = std::function<void(Result<QString>)>;

    // `tokenUrl` is where the request goes (the key's token_uri, or a test server standing in
    // for it); the assertion's audience stays the key's token_uri.
    GoogleTokenSource(HttpClient* http, ServiceAccountKey key, QUrl tokenUrl,
                      QObject* parent = nullptr);

    void setClock(std::function<QDateTime()> nowUtc) { m_now = std::move(nowUtc); }

    // Calls `done` once, from the event loop, with a token valid for at least five minutes,
    // or an Unauthorized/Network error naming the key's source. Never logs the token.
    void token(Callback done);
    // Forgets the cached token: the platform refused it.
    void invalidate();

    const ServiceAccountKey& key() const { return m_key; }
    QDateTime expiresAt() const { return m_expiresAt; }
    int fetchCount() const { return m_fetches; }

private:
    void fetch();
    void deliver(const Result<QString>& result);

    HttpClient* m_http;
    ServiceAccountKey m_key;
    QUrl m_tokenUrl;
    std::function<QDateTime()> m_now;
    QString m_token;
    QDateTime m_expiresAt;
    bool m_fetching = false;
    int m_fetches = 0;
    std::vector<Callback> m_waiting;
};

} // namespace swb
