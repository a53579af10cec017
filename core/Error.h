#pragma once
// The one error type that crosses library boundaries: a code, a sentence for a person, detail
// for the log, and (for file formats) every located problem that was found.

#include <QList>
#include <QString>

#include <expected>

namespace swb {

enum class ErrorCode {
    InvalidArgument, // the caller (or the user's typing) gave something unusable
    NotFound,        // a file, folder, function or template does not exist
    PermissionDenied,
    Io,          // reading or writing failed
    Parse,       // the text is not valid JSON/YAML
    Validation,  // the document parses but breaks the format's rules
    Unsupported, // a valid input we cannot handle (yet)
    Git,
    Network,      // a connection failed, timed out or was dropped (providers)
    Unauthorized, // credentials missing, expired or refused (401/403)
    Conflict,     // the remote resource is busy or in a conflicting state (409)
    Throttled,    // the remote asked us to slow down (429) and retries ran out
    Remote,       // the remote answered with an error we do not classify further
    Cancelled,    // the user stopped the operation
    Internal,
};

enum class Severity { Error, Warning };

// One problem at one place in one file. `pointer` is a JSON pointer (RFC 6901) into the
// document; line and column are 1-based and 0 when not known.
struct Diagnostic {
    Severity severity = Severity::Error;
    QString file;
    QString pointer;
    int line = 0;
    int column = 0;
    QString message;

    // "workbench.json:12:5: /functions/0/memoryMb: 20000 MB is out of range (128–10240)."
    QString toString() const;
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message; // one sentence: what happened, where, what to do
    QString detail;  // for the log; never a secret
    QList<Diagnostic> diagnostics;

    // The message followed by one line per diagnostic.
    QString toString() const;
};

template <typename T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString message, QString detail = {})
{
    return std::unexpected(Error{code, std::move(message), std::move(detail), {}});
}

QString errorCodeName(ErrorCode code);

} // namespace swb
