#include "TokenService.h"

#include "model/TokenServiceSpec.h"
#include "model/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>
#include <QUrl>
#include <QUuid>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace swb::auth {

namespace {

constexpr int kKeyBits = 2048;
constexpr qint64 kMaxKeyFileBytes = 64 * 1024;

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct BnFree {
    void operator()(BIGNUM* b) const { BN_free(b); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

// Private key bytes are wiped from memory once they have been parsed or written.
struct WipedBytes {
    QByteArray bytes;
    ~WipedBytes()
    {
        if (!bytes.isEmpty())
            OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    }
};

QByteArray bigNumber(EVP_PKEY* key, const char* name)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1)
        return {};
    std::unique_ptr<BIGNUM, BnFree> bn(raw);
    QByteArray bytes(BN_num_bytes(bn.get()), Qt::Uninitialized);
    BN_bn2bin(bn.get(), reinterpret_cast<unsigned char*>(bytes.data()));
    return bytes;
}

QString whatToDo(const QString& path)
{
    return QStringLiteral("move %1 away to make a new key pair on next use (tokens it signed "
                          "will no longer verify)")
        .arg(path);
}

Result<std::shared_ptr<evp_pkey_st>> readPrivateKey(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    QStringLiteral("The token service's key file %1 cannot be read (%2); fix "
                                   "its permissions or %3.")
                        .arg(path, file.errorString(), whatToDo(path)));
    if (file.size() > kMaxKeyFileBytes)
        return fail(ErrorCode::Validation,
                    QStringLiteral("The token service's key file %1 is %2 bytes, too large for "
                                   "an RSA private key; %3.")
                        .arg(path)
                        .arg(file.size())
                        .arg(whatToDo(path)));
    WipedBytes pem{file.readAll()};
    std::unique_ptr<BIO, BioFree> bio(
        BIO_new_mem_buf(pem.bytes.constData(), int(pem.bytes.size())));
    EVP_PKEY* raw = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    std::shared_ptr<evp_pkey_st> key(raw, EVP_PKEY_free);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA ||
        EVP_PKEY_get_bits(key.get()) < kKeyBits)
        return fail(ErrorCode::Validation,
                    QStringLiteral("The token service's key file %1 is not an RSA private key "
                                   "of at least %2 bits in PEM form; %3.")
                        .arg(path)
                        .arg(kKeyBits)
                        .arg(whatToDo(path)));
    return key;
}

// Writes a new key to `path` without ever replacing a file there: the key is written to a
// private (0600) temporary file in the same folder and hard-linked into place, which fails
// when another process created the key first — then that key is the one to use.
Result<bool> writePrivateKey(EVP_PKEY* key, const QString& path)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return fail(ErrorCode::Internal,
                    QStringLiteral("The token service could not encode its new key pair."));
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    QTemporaryFile temp(QFileInfo(path).absolutePath() + QStringLiteral("/.signing-key-XXXXXX"));
    if (!temp.open())
        return fail(ErrorCode::Io,
                    QStringLiteral("The token service cannot write its key pair next to %1 "
                                   "(%2); check that the folder is writable.")
                        .arg(path, temp.errorString()));
    temp.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (temp.write(data, length) != length || !temp.flush() || ::fsync(temp.handle()) != 0)
        return fail(ErrorCode::Io, QStringLiteral("The token service could not write its key "
                                                  "pair next to %1 (%2).")
                                       .arg(path, temp.errorString()));
    OPENSSL_cleanse(data, size_t(length));
    if (::link(QFile::encodeName(temp.fileName()).constData(),
               QFile::encodeName(path).constData()) == 0)
        return true;
    if (errno == EEXIST)
        return false;
    return fail(ErrorCode::Io,
                QStringLiteral("The token service could not put its key pair at %1 (%2).")
                    .arg(path, QString::fromLocal8Bit(strerror(errno))));
}

Result<std::pair<std::shared_ptr<evp_pkey_st>, bool>> loadOrCreate(const QString& path)
{
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
        auto key = readPrivateKey(path);
        if (!key)
            return std::unexpected(key.error());
        return std::pair{*key, false};
    }
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(ErrorCode::Io,
                    QStringLiteral("The token service cannot create %1; check that the "
                                   "workspace folder is writable.")
                        .arg(folder));
    QFile::setPermissions(folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    std::shared_ptr<evp_pkey_st> key(EVP_RSA_gen(kKeyBits), EVP_PKEY_free);
    if (!key)
        return fail(ErrorCode::Internal,
                    QStringLiteral("The token service could not generate an RSA key pair."));
    auto written = writePrivateKey(key.get(), path);
    if (!written)
        return std::unexpected(written.error());
    if (*written)
        return std::pair{key, true};
    auto existing = readPrivateKey(path);
    if (!existing)
        return std::unexpected(existing.error());
    return std::pair{*existing, false};
}

Result<QByteArray> signRs256(EVP_PKEY* key, const QByteArray& input)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    size_t length = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(input.constData());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, in, size_t(input.size())) != 1)
        return fail(ErrorCode::Internal, QStringLiteral("Signing the token failed."));
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, in,
                       size_t(input.size())) != 1)
        return fail(ErrorCode::Internal, QStringLiteral("Signing the token failed."));
    signature.resize(qsizetype(length));
    return signature;
}

const QStringList kReservedClaims = {
    QStringLiteral("iss"), QStringLiteral("sub"),   QStringLiteral("aud"),
    QStringLiteral("iat"), QStringLiteral("nbf"),   QStringLiteral("exp"),
    QStringLiteral("jti"), QStringLiteral("scope"), QStringLiteral("scp")};

} // namespace

Result<int> parseTtl(const QString& text)
{
    if (const auto seconds = TokenServiceSpec::parseTtlSeconds(text.trimmed()))
        return *seconds;
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("\"%1\" is not a token lifetime; write a whole number and a "
                               "unit, such as 30s, 15m, 1h or 7d.")
                    .arg(text));
}

QString TokenServiceSettings::defaultIssuer(const QString& workspaceName)
{
    const QString name = workspaceName.isEmpty() ? QStringLiteral("swb") : workspaceName;
    return QStringLiteral("http://127.0.0.1/") + QString::fromLatin1(QUrl::toPercentEncoding(name));
}

Result<TokenServiceSettings> TokenServiceSettings::fromWorkspace(const Workspace& workspace)
{
    const TokenServiceSpec& spec = workspace.tokenService;
    TokenServiceSettings settings;
    settings.issuer = spec.issuer.isEmpty() ? defaultIssuer(workspace.name) : spec.issuer;
    settings.audiences =
        spec.audiences.isEmpty() ? QStringList{QStringLiteral("swb")} : spec.audiences;
    if (!spec.defaultTtl.isEmpty()) {
        const auto ttl = parseTtl(spec.defaultTtl);
        if (!ttl)
            return fail(ErrorCode::Validation, QStringLiteral("%1: /tokenService/defaultTtl: %2")
                                                   .arg(workspace.filePath(), ttl.error().message));
        settings.defaultTtlSeconds = *ttl;
    }
    return settings;
}

QString TokenService::privateKeyPath(const QString& workspaceFolder)
{
    return QDir(workspaceFolder).filePath(QStringLiteral(".swb/tokens/signing-key.pem"));
}

Result<TokenService> TokenService::open(const QString& workspaceFolder,
                                        const TokenServiceSettings& settings)
{
    if (settings.issuer.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The token service needs an issuer (\"iss\")."));
    if (settings.defaultTtlSeconds <= 0 || settings.defaultTtlSeconds > kMaxTokenTtlSeconds)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The token service's default lifetime must be between 1 "
                                   "second and 365 days."));
    auto loaded = loadOrCreate(privateKeyPath(workspaceFolder));
    if (!loaded)
        return std::unexpected(loaded.error());
    TokenService service;
    service.m_settings = settings;
    service.m_privateKey = loaded->first;
    service.m_created = loaded->second;
    const QByteArray n = bigNumber(service.m_privateKey.get(), OSSL_PKEY_PARAM_RSA_N);
    const QByteArray e = bigNumber(service.m_privateKey.get(), OSSL_PKEY_PARAM_RSA_E);
    auto unnamed = Jwks::fromRsaPublicKey(n, e, QString());
    if (!unnamed || unnamed->keys().size() != 1)
        return fail(
            ErrorCode::Validation,
            QStringLiteral("The token service's key in %1 has an unusable public "
                           "part; %2.")
                .arg(privateKeyPath(workspaceFolder), whatToDo(privateKeyPath(workspaceFolder))));
    service.m_keyId = unnamed->keys().front().thumbprint();
    auto jwks = Jwks::fromRsaPublicKey(n, e, service.m_keyId);
    if (!jwks)
        return std::unexpected(jwks.error());
    service.m_jwks = *jwks;
    return service;
}

Result<QString> TokenService::issue(const TokenRequest& request, qint64 nowSeconds) const
{
    if (request.subject.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A token needs a subject (the user it is for)."));
    for (const QString& scope : request.scopes)
        if (scope.isEmpty() || scope.contains(QLatin1Char(' ')))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The scope \"%1\" is empty or contains a space; give "
                                       "each scope on its own.")
                            .arg(scope));
    for (const QString& name : kReservedClaims)
        if (request.extraClaims.contains(name))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("The claim \"%1\" is set by the token service and "
                                       "cannot be given as an extra claim.")
                            .arg(name));
    const int ttl = request.ttlSeconds == 0 ? m_settings.defaultTtlSeconds : request.ttlSeconds;
    if (ttl <= 0 || ttl > kMaxTokenTtlSeconds)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A token's lifetime must be between 1 second and 365 days."));

    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), m_keyId}};
    QJsonObject claims = request.extraClaims;
    claims.insert(QStringLiteral("iss"), m_settings.issuer);
    claims.insert(QStringLiteral("sub"), request.subject);
    if (m_settings.audiences.size() == 1)
        claims.insert(QStringLiteral("aud"), m_settings.audiences.front());
    else
        claims.insert(QStringLiteral("aud"), QJsonArray::fromStringList(m_settings.audiences));
    claims.insert(QStringLiteral("iat"), nowSeconds);
    claims.insert(QStringLiteral("nbf"), nowSeconds);
    claims.insert(QStringLiteral("exp"), nowSeconds + ttl);
    claims.insert(QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!request.scopes.isEmpty())
        claims.insert(QStringLiteral("scope"), request.scopes.join(QLatin1Char(' ')));

    const QByteArray input = encodeBase64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) +
                             '.' +
                             encodeBase64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    if (input.size() > kMaxJwtBytes - 512)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The token would be larger than the %1 bytes a verifier "
                                   "accepts; give fewer or shorter claims.")
                        .arg(kMaxJwtBytes));
    auto signature = signRs256(m_privateKey.get(), input);
    if (!signature)
        return std::unexpected(signature.error());
    return QString::fromLatin1(input + '.' + encodeBase64Url(*signature));
}

Jwks TokenService::publicKeys() const
{
    return m_jwks;
}

QString TokenService::keyId() const
{
    return m_keyId;
}

QByteArray TokenService::publicKeyPem() const
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_privateKey.get()) != 1)
        return {};
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, length);
}

JwtExpectations TokenService::expectations(qint64 nowSeconds) const
{
    return JwtExpectations{m_settings.issuer, m_settings.audiences, nowSeconds, 0};
}

} // namespace swb::auth
