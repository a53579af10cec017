#pragma once
// One HTTP request as SigV4 sees it: method, the path and query exactly as they go on the wire,
// headers in order (a name may repeat) and the body. Shared by the signer, the verifier and the
// request builders, so none of them needs a network class.

#include <QByteArray>
#include <QList>
#include <QPair>

class QUrl;

namespace swb {

struct SigV4Request {
    QByteArray method = "GET";
    QByteArray path = "/"; // as on the wire (percent-encoded the way the URL carries it)
    QByteArray query;      // as on the wire, without the '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The request for `url`, with a Host header (and the port when it is not the scheme's default).
    static SigV4Request fromUrl(const QByteArray& method, const QUrl& url,
                                const QByteArray& body = {});

    // Every value of header `name` (case-insensitive) joined with ',', or null when absent.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    // Replaces every header called `name` (case-insensitive) with one `name: value`.
    void setHeader(const QByteArray& name, const QByteArray& value);
    void removeHeader(const QByteArray& name);
};

} // namespace swb
