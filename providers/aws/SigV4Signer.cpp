#include "SigV4Signer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <utility>

namespace swb {

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// %XX sequences decoded; '+' stays a plus (AWS query strings are RFC 3986, not HTML forms).
QByteArray percentDecode(const QByteArray& text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += char(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// Removes "." and empty segments and resolves ".." (RFC 3986 section 5.2.4), keeping a trailing
// slash: "//example//" -> "/example/", "/example/.." -> "/".
QByteArray normalisedPath(const QByteArray& path)
{
    const QList<QByteArray> parts = path.split('/');
    QList<QByteArray> kept;
    for (const QByteArray& part : parts) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(part);
    }
    QByteArray result = '/' + kept.join('/');
    const bool trailing = path.endsWith('/') || path.endsWith("/.") || path.endsWith("/..") ||
                          path == "." || path == "..";
    if (trailing && result != "/")
        result += '/';
    return result;
}

QByteArray trimmedHeaderValue(const QByteArray& value)
{
    // Trim, and collapse each run of whitespace (a folded line included) into one space.
    QByteArray out;
    out.reserve(value.size());
    bool space = false;
    for (char c : value) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

QList<QByteArray> headerNamesToSign(const SigV4Request& request)
{
    QList<QByteArray> names;
    for (const auto& header : request.headers) {
        const QByteArray name = header.first.trimmed().toLower();
        if (name != "authorization" && !names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

SigV4Signer::SigV4Signer(AwsCredentials credentials, QString region, QString service)
    : m_credentials(std::move(credentials)), m_region(std::move(region)),
      m_service(std::move(service))
{}

SigV4Signature SigV4Signer::sign(SigV4Request& request, const QDateTime& timeUtc) const
{
    const QByteArray date = amzDate(timeUtc);
    request.removeHeader("Authorization");
    request.setHeader("X-Amz-Date", date);
    if (m_credentials.isTemporary())
        request.setHeader("X-Amz-Security-Token", m_credentials.sessionToken.toUtf8());

    SigV4Signature s;
    const QList<QByteArray> names = headerNamesToSign(request);
    s.signedHeaders = names.join(';');
    s.canonicalRequest = canonicalRequest(request, names, m_service);
    s.credentialScope =
        date.left(8) + '/' + m_region.toUtf8() + '/' + m_service.toUtf8() + "/aws4_request";
    s.stringToSign = stringToSign(date, s.credentialScope, s.canonicalRequest);
    const QByteArray key =
        signingKey(m_credentials.secretAccessKey, date.left(8), m_region, m_service);
    s.signature = hmacHex(key, s.stringToSign);
    s.authorization = "AWS4-HMAC-SHA256 Credential=" + m_credentials.accessKeyId.toUtf8() + '/' +
                      s.credentialScope + ", SignedHeaders=" + s.signedHeaders +
                      ", Signature=" + s.signature;
    request.setHeader("Authorization", s.authorization);
    return s;
}

QByteArray SigV4Signer::canonicalUri(const QByteArray& wirePath, const QString& service)
{
    const QByteArray path = wirePath.isEmpty() ? QByteArray("/") : wirePath;
    // S3 signs the key as sent; every other service normalises the path and encodes the
    // already-encoded wire path once more (AWS: "URI-encode each path segment twice").
    if (service == QLatin1String("s3"))
        return path;
    return uriEncode(normalisedPath(path), true);
}

QByteArray SigV4Signer::canonicalQuery(const QByteArray& wireQuery)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (const QByteArray& item : wireQuery.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        const QByteArray key = eq < 0 ? item : item.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        pairs.append({uriEncode(percentDecode(key)), uriEncode(percentDecode(value))});
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray out;
    for (const auto& [key, value] : pairs) {
        if (!out.isEmpty())
            out += '&';
        out += key + '=' + value;
    }
    return out;
}

QByteArray SigV4Signer::canonicalRequest(const SigV4Request& request,
                                         const QList<QByteArray>& signedHeaders,
                                         const QString& service)
{
    QByteArray headers;
    for (const QByteArray& name : signedHeaders) {
        QByteArray values;
        bool first = true;
        for (const auto& header : request.headers) {
            if (header.first.trimmed().toLower() != name)
                continue;
            if (!first)
                values += ',';
            values += trimmedHeaderValue(header.second);
            first = false;
        }
        headers += name + ':' + values + '\n';
    }
    return request.method.toUpper() + '\n' + canonicalUri(request.path, service) + '\n' +
           canonicalQuery(request.query) + '\n' + headers + '\n' + signedHeaders.join(';') + '\n' +
           payloadHash(request);
}

QByteArray SigV4Signer::payloadHash(const SigV4Request& request)
{
    const QByteArray declared = request.header("x-amz-content-sha256");
    if (!declared.isNull())
        return declared.trimmed();
    return sha256Hex(request.body);
}

QByteArray SigV4Signer::signingKey(const QString& secretAccessKey, const QByteArray& date,
                                   const QString& region, const QString& service)
{
    auto mac = [](const QByteArray& key, const QByteArray& data) {
        return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
    };
    const QByteArray kDate = mac("AWS4" + secretAccessKey.toUtf8(), date);
    const QByteArray kRegion = mac(kDate, region.toUtf8());
    const QByteArray kService = mac(kRegion, service.toUtf8());
    return mac(kService, "aws4_request");
}

QByteArray SigV4Signer::stringToSign(const QByteArray& amzDate, const QByteArray& scope,
                                     const QByteArray& canonicalRequest)
{
    return "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest);
}

QByteArray SigV4Signer::hmacHex(const QByteArray& key, const QByteArray& data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::sha256Hex(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::amzDate(const QDateTime& timeUtc)
{
    return timeUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray SigV4Signer::uriEncode(const QByteArray& bytes, bool keepSlash)
{
    static const char digits[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out += c;
        } else {
            const auto b = static_cast<unsigned char>(c);
            out += '%';
            out += digits[b >> 4];
            out += digits[b & 0xF];
        }
    }
    return out;
}

} // namespace swb
