#pragma once
// The event templates a user sends to a function: service events shaped exactly as AWS sends
// them (data in resources/events), and the rules that fill in a user's values (code here).

#include "Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace swb {

// One place in the event a field writes, and how the user's text becomes the stored value:
// first `encoding` (one of eventTemplateEncodings()), then `format` ("{value}" replaced by the
// encoded text). With neither, the text is typed like the value it replaces.
struct EventTemplateTarget {
    QString pointer; // JSON pointer (RFC 6901) into the event
    QString encoding;
    QString format;
};

// A value users typically set, by name ("bucket"), with the other places that must follow it
// so the event stays consistent (the bucket's ARN, a body's MD5).
struct EventTemplateField {
    QString name;
    QString pointer;
    QString description;
    QString encoding;
    QString format;
    QList<EventTemplateTarget> alsoSets;
};

struct EventTemplate {
    QString kind; // "s3-put"
    QString title;
    QString description;
    QList<EventTemplateField> fields;
    QJsonObject event; // exactly what the service sends

    const EventTemplateField* field(const QString& name) const;
};

class EventTemplateCatalog {
public:
    // The templates shipped in the resources (":/swb/events").
    static Result<EventTemplateCatalog> loadBuiltIn();
    // Every *.json file of a folder; a malformed file fails the load with its path and pointer.
    static Result<EventTemplateCatalog> loadFromFolder(const QString& folder);

    const QList<EventTemplate>& templates() const { return m_templates; } // sorted by kind
    const EventTemplate* find(const QString& kind) const;
    QStringList kinds() const;

    // The template's event with each "target=value" assignment applied in order. A target is a
    // field name ("bucket"), a JSON pointer ("/Records/0/s3/object/key") or a dotted path
    // ("Records.0.s3.object.key"). A value replacing a string is taken verbatim; otherwise it is
    // parsed as JSON when it parses (numbers, true, null, objects, arrays), else kept as text.
    Result<QJsonObject> generate(const QString& kind, const QStringList& assignments) const;

private:
    QList<EventTemplate> m_templates;
};

// The encodings a template may name: "base64", "s3-key", "md5", "byte-length", "array",
// "query-parameters", "query-parameters-last", "query-multi-parameters".
QStringList eventTemplateEncodings();

} // namespace swb
