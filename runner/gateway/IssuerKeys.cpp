#include "gateway/IssuerKeys.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace swb::gateway {

IssuerKeys::IssuerKeys(QString issuer, QNetworkAccessManager* network, Clock clockMs,
                       QObject* parent)
    : QObject(parent), m_issuer(std::move(issuer)), m_network(network), m_clock(std::move(clockMs))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] { return timer->elapsed() + kRefetchIntervalMs; };
    }
}

void IssuerKeys::keys(Done done)
{
    if (m_keys && !m_fetching) {
        done(*m_keys);
        return;
    }
    m_waiting.append(std::move(done));
    if (!m_fetching)
        fetch();
}

bool IssuerKeys::refetch(Done done)
{
    if (m_fetching) { // a fetch on the way is as fresh as a new one
        m_waiting.append(std::move(done));
        return true;
    }
    if (m_fetches > 0 && m_clock() - m_lastFetchMs < kRefetchIntervalMs)
        return false;
    m_waiting.append(std::move(done));
    fetch();
    return true;
}

void IssuerKeys::fetch()
{
    m_fetching = true;
    m_lastFetchMs = m_clock();
    ++m_fetches;
    QString base = m_issuer;
    while (base.endsWith(u'/'))
        base.chop(1);
    const QString discovery = base + QStringLiteral("/.well-known/openid-configuration");
    getJson(discovery, [this, discovery](const Result<QJsonObject>& configuration) {
        if (!configuration) {
            finish(std::unexpected(configuration.error()));
            return;
        }
        const QString jwksUri = configuration->value(QLatin1String("jwks_uri")).toString();
        const QUrl url(jwksUri, QUrl::StrictMode);
        if (jwksUri.isEmpty() || !url.isValid() ||
            (url.scheme() != u"https" && url.scheme() != u"http")) {
            finish(fail(ErrorCode::Parse,
                        QStringLiteral("The OpenID configuration at %1 has no http(s) "
                                       "\"jwks_uri\"; the issuer's keys cannot be found.")
                            .arg(discovery)));
            return;
        }
        getJson(jwksUri, [this, jwksUri](const Result<QJsonObject>& set) {
            if (!set) {
                finish(std::unexpected(set.error()));
                return;
            }
            auto jwks = auth::Jwks::fromJsonObject(*set);
            if (!jwks) {
                finish(fail(ErrorCode::Parse, QStringLiteral("The JWKS at %1 cannot be used: %2")
                                                  .arg(jwksUri, jwks.error().message)));
                return;
            }
            finish(*jwks);
        });
    });
}

void IssuerKeys::finish(const Result<auth::Jwks>& result)
{
    m_fetching = false;
    if (result)
        m_keys = *result;
    const QList<Done> waiting = std::exchange(m_waiting, {});
    for (const Done& done : waiting)
        done(result);
}

void IssuerKeys::getJson(const QString& url, std::function<void(const Result<QJsonObject>&)> done)
{
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(kTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply* reply = m_network->get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxDocumentBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [reply, url, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            done(fail(ErrorCode::Network, QStringLiteral("Cannot fetch %1: %2; check that the "
                                                         "issuer is reachable.")
                                              .arg(url, reply->errorString())));
            return;
        }
        if (status != 200) {
            done(fail(ErrorCode::Network,
                      QStringLiteral("Cannot fetch %1: the server answered HTTP %2.")
                          .arg(url)
                          .arg(status)));
            return;
        }
        const QByteArray body = reply->readAll();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            done(fail(ErrorCode::Parse, QStringLiteral("%1 is not a JSON object.").arg(url)));
            return;
        }
        done(doc.object());
    });
}

} // namespace swb::gateway
