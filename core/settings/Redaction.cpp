#include "Redaction.h"

#include <vector>

namespace swb {

QString redactSecrets(QString text, const QStringList& secrets)
{
    // Mark every character covered by some occurrence first, then replace each covered run:
    // replacing secret by secret would leave the tail of "cdef" in "abcdef" once "abcd" is gone.
    std::vector<bool> covered(size_t(text.size()), false);
    bool any = false;
    for (const QString& secret : secrets) {
        if (secret.isEmpty()) // "" occurs everywhere and hides nothing
            continue;
        for (qsizetype at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            std::fill_n(covered.begin() + at, secret.size(), true);
            any = true;
        }
    }
    if (!any)
        return text;
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!covered[size_t(i)])
            result.append(text.at(i));
        else if (i == 0 || !covered[size_t(i - 1)])
            result.append(QStringLiteral("***"));
    }
    return result;
}

} // namespace swb
