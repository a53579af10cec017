#pragma once
// A Google service account's JSON key, as IAM hands it out: who the account is, which project
// it belongs to, and the RSA key that signs its token requests.

#include "Error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace swb {

struct ServiceAccountKey {
    static constexpr const char* kDefaultTokenUri = "https://oauth2.googleapis.com/token";

    QString type;         // always "service_account"
    QString projectId;    // project_id
    QString privateKeyId; // private_key_id: the JWT header's "kid"
    QString privateKey;   // private_key: PKCS#8 PEM
    QString clientEmail;  // client_email: the JWT's "iss", the identity shown to the user
    QString tokenUri;     // token_uri: where assertions are exchanged, and their "aud"
    QString source;       // where the key came from, for messages ("key file /x/key.json")

    // Reads a key file's text. `source` names it in errors ("key file /home/u/key.json"); an
    // error never quotes the text, which may hold the private key.
    static Result<ServiceAccountKey> parse(const QByteArray& json, const QString& source);
    // Reads and parses a key file; `source` describes how it was chosen (may be empty).
    static Result<ServiceAccountKey> load(const QString& path, const QString& how = {});

    // Values that must never reach a log or an error: the private key and its id.
    QStringList secrets() const;
};

} // namespace swb
