#include "SigV4Request.h"

#include <QUrl>

namespace swb {

SigV4Request SigV4Request::fromUrl(const QByteArray& method, const QUrl& url,
                                   const QByteArray& body)
{
    SigV4Request request;
    request.method = method;
    request.path = url.path(QUrl::FullyEncoded).toUtf8();
    if (request.path.isEmpty())
        request.path = "/";
    request.query = url.query(QUrl::FullyEncoded).toUtf8();
    request.body = body;
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':')) // an IPv6 address goes in brackets, as in the URL
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    request.setHeader("Host", host);
    return request;
}

QByteArray SigV4Request::header(const QByteArray& name) const
{
    QByteArray joined;
    bool found = false;
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (found)
            joined += ',';
        joined += value;
        found = true;
    }
    return found ? (joined.isNull() ? QByteArray("") : joined) : QByteArray();
}

bool SigV4Request::hasHeader(const QByteArray& name) const
{
    return !header(name).isNull();
}

void SigV4Request::setHeader(const QByteArray& name, const QByteArray& value)
{
    removeHeader(name);
    headers.append({name, value});
}

void SigV4Request::removeHeader(const QByteArray& name)
{
    headers.removeIf(
        [&](const auto& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

} // namespace swb
