#include "common/Packager.h"

#include "TestFiles.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace swb;

namespace {

// Reads a zip with Python's zipfile module, a reader that shares no code with libzip: every
// entry's name, Unix mode, date, compression and contents, and the SHA-256 of the file.
const char* kReadZip = R"py(
import base64, hashlib, json, sys, zipfile
path = sys.argv[1]
data = open(path, 'rb').read()
z = zipfile.ZipFile(path)
bad = z.testzip()
out = {'sha256': base64.b64encode(hashlib.sha256(data).digest()).decode(), 'bad': bad,
       'entries': []}
for i in z.infolist():
    out['entries'].append({'name': i.filename, 'mode': (i.external_attr >> 16) & 0o7777,
                           'type': (i.external_attr >> 16) & 0o170000,
                           'date': list(i.date_time), 'method': i.compress_type,
                           'extra': len(i.extra),
                           'content': base64.b64encode(z.read(i)).decode()})
print(json.dumps(out))
)py";

struct ZipEntry {
    QString name;
    int mode = 0;
    int type = 0;
    QJsonArray date;
    int method = -1;
    int extraBytes = 0;
    QByteArray content;
};

struct ZipReading {
    QString sha256;
    bool intact = false;
    QList<ZipEntry> entries;
    const ZipEntry* find(const QString& name) const
    {
        for (const ZipEntry& e : entries)
            if (e.name == name)
                return &e;
        return nullptr;
    }
};

std::optional<ZipReading> readWithPython(const QByteArray& zip)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("package.zip"));
    if (!test::writeFile(dir.path(), QStringLiteral("package.zip"), zip))
        return std::nullopt;
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"), QString::fromUtf8(kReadZip), path});
    if (!python.waitForFinished(30000) || python.exitCode() != 0) {
        qWarning() << python.readAllStandardError();
        return std::nullopt;
    }
    const QJsonObject o = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    ZipReading reading;
    reading.sha256 = o.value(QStringLiteral("sha256")).toString();
    reading.intact = o.value(QStringLiteral("bad")).isNull();
    for (const QJsonValue& v : o.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject e = v.toObject();
        reading.entries.append(
            {e.value(QStringLiteral("name")).toString(), e.value(QStringLiteral("mode")).toInt(),
             e.value(QStringLiteral("type")).toInt(), e.value(QStringLiteral("date")).toArray(),
             e.value(QStringLiteral("method")).toInt(), e.value(QStringLiteral("extra")).toInt(),
             QByteArray::fromBase64(e.value(QStringLiteral("content")).toString().toLatin1())});
    }
    return reading;
}

bool setExecutable(const QString& path, bool on)
{
    const auto exe = QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    const auto p = QFile::permissions(path);
    return QFile::setPermissions(path, on ? p | exe : p & ~exe);
}

QStringList names(const ZipReading& r)
{
    QStringList n;
    for (const ZipEntry& e : r.entries)
        n.append(e.name);
    return n;
}

} // namespace

class tst_Packager : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void sameFolderGivesSameBytes();
    void entriesAreSortedWithSlashes();
    void honoursIgnoreFileAndDefaults();
    void bootstrapKeepsExecutableMode();
    void storesFixedDateAndDeflate();
    void hashMatchesIndependentComputation();
    void rejectsSymlinkOutsideFolder();
    void storesSymlinkInsideAsContents();
    void ignoredSymlinkOutsideIsFine();
    void includesGeneratedFiles();
    void rejectsGeneratedPathOutsideFolder_data();
    void rejectsGeneratedPathOutsideFolder();
    void refusesPackageAboveLimit();
    void missingFolderIsNotFound();
    void unreadableFolderIsReported();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_fn; // the function folder
};

void tst_Packager::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 reads the zips back; it is not installed");
}

void tst_Packager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fn = m_dir->filePath(QStringLiteral("fn"));
    QVERIFY(
        test::writeFile(m_fn, QStringLiteral("handler.py"), "def handler(e, c):\n    return 1\n"));
    QVERIFY(test::writeFile(m_fn, QStringLiteral("lib/util.py"), "X = 1\n"));
    QVERIFY(
        test::writeFile(m_fn, QStringLiteral("bootstrap"), "#!/bin/sh\nexec python3 handler.py\n"));
    QVERIFY(setExecutable(m_fn + QStringLiteral("/bootstrap"), true));
}

void tst_Packager::sameFolderGivesSameBytes()
{
    const auto first = Packager(m_fn).package();
    QVERIFY2(first.has_value(), qPrintable(first ? QString() : first.error().message));
    const auto second = Packager(m_fn).package();
    QVERIFY(second.has_value());
    QCOMPARE(second->zipBytes, first->zipBytes);
    QCOMPARE(second->sha256Base64, first->sha256Base64);

    // New modification times (an editor saving the same text, a fresh checkout) change nothing.
    for (const QString& f : {QStringLiteral("handler.py"), QStringLiteral("lib/util.py"),
                             QStringLiteral("bootstrap")}) {
        QFile file(m_fn + QLatin1Char('/') + f);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime(QDate(2011, 3, 4), QTime(5, 6, 7)),
                                 QFileDevice::FileModificationTime));
    }
    QVERIFY(QFile::setPermissions(m_fn + QStringLiteral("/handler.py"),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const auto touched = Packager(m_fn).package();
    QVERIFY(touched.has_value());
    QCOMPARE(touched->zipBytes, first->zipBytes);
    QCOMPARE(touched->sha256Base64, first->sha256Base64);

    // ...while a change of contents changes the hash (the check above is not vacuous).
    QVERIFY(test::writeFile(m_fn, QStringLiteral("lib/util.py"), "X = 2\n"));
    const auto changed = Packager(m_fn).package();
    QVERIFY(changed.has_value());
    QVERIFY(changed->sha256Base64 != first->sha256Base64);
}

void tst_Packager::entriesAreSortedWithSlashes()
{
    QVERIFY(test::writeFile(m_fn, QStringLiteral("b.txt"), "b"));
    QVERIFY(test::writeFile(m_fn, QStringLiteral("a/z/deep.txt"), "d"));
    QVERIFY(test::writeFile(m_fn, QStringLiteral("A.txt"), "A"));
    QVERIFY(test::writeFile(m_fn, QStringLiteral("a.txt"), "a"));
    const auto p = Packager(m_fn).package();
    QVERIFY(p.has_value());
    const QStringList expected = {"A.txt",     "a.txt",      "a/z/deep.txt", "b.txt",
                                  "bootstrap", "handler.py", "lib/util.py"};
    QCOMPARE(p->entries, expected);
    const auto zip = readWithPython(p->zipBytes);
    QVERIFY(zip);
    QCOMPARE(names(*zip), expected);
    QCOMPARE(p->uncompressedBytes, qint64(4 + 31 + 6 + 35));
}

void tst_Packager::honoursIgnoreFileAndDefaults()
{
    QVERIFY(test::writeFile(m_fn, QStringLiteral(".swbignore"),
                            "# logs are noise\n"
                            "*.log\n"
                            "!keep.log\n"
                            "build/\n"
                            "/docs/*.md\n"
                            "**/fixtures/**\n"));
    for (const char* f :
         {"debug.log", "keep.log", "build/out.js", "src/build/x.js", "docs/a.md", "docs/img.png",
          "src/docs/b.md", "test/fixtures/a/b.json", "test/t.py", ".git/config",
          ".swb/deploys.json", "__pycache__/handler.cpython-311.pyc", "lib/__pycache__/x.py",
          "old.pyc", ".DS_Store", "lib/.DS_Store", ".env.example"})
        QVERIFY(test::writeFile(m_fn, QString::fromLatin1(f), "x"));
    const auto p = Packager(m_fn).package();
    QVERIFY2(p.has_value(), qPrintable(p ? QString() : p.error().message));
    const QStringList expected = {".env.example", ".swbignore",    "bootstrap",
                                  "docs/img.png", "handler.py",    "keep.log",
                                  "lib/util.py",  "src/docs/b.md", "test/t.py"};
    QCOMPARE(p->entries, expected);
}

void tst_Packager::bootstrapKeepsExecutableMode()
{
    QVERIFY(test::writeFile(m_fn, QStringLiteral("run.sh"), "#!/bin/sh\n"));
    QVERIFY(setExecutable(m_fn + QStringLiteral("/run.sh"), false));
    const auto p = Packager(m_fn).package();
    QVERIFY(p.has_value());
    const auto zip = readWithPython(p->zipBytes);
    QVERIFY(zip);
    QCOMPARE(zip->find(QStringLiteral("bootstrap"))->mode, 0755);
    QCOMPARE(zip->find(QStringLiteral("run.sh"))->mode, 0644);
    QCOMPARE(zip->find(QStringLiteral("handler.py"))->mode, 0644);
    QCOMPARE(zip->find(QStringLiteral("bootstrap"))->type, 0100000); // a regular file
}

void tst_Packager::storesFixedDateAndDeflate()
{
    QByteArray big;
    for (int i = 0; i < 2000; ++i)
        big += "the same line again and again\n";
    QVERIFY(test::writeFile(m_fn, QStringLiteral("data.txt"), big));
    const auto p = Packager(m_fn).package();
    QVERIFY(p.has_value());
    QVERIFY(p->zipBytes.size() < big.size() / 10); // really compressed
    const auto zip = readWithPython(p->zipBytes);
    QVERIFY(zip);
    QVERIFY(zip->intact); // every CRC checks out
    const QJsonArray dosEpoch = {1980, 1, 1, 0, 0, 0};
    for (const ZipEntry& e : zip->entries) {
        QCOMPARE(e.date, dosEpoch);
        QCOMPARE(e.extraBytes, 0); // no extended timestamps or owner ids that could vary
    }
    QCOMPARE(zip->find(QStringLiteral("data.txt"))->method, 8); // ZIP_DEFLATED
    QCOMPARE(zip->find(QStringLiteral("data.txt"))->content, big);
    QCOMPARE(zip->find(QStringLiteral("lib/util.py"))->content, QByteArray("X = 1\n"));
}

void tst_Packager::hashMatchesIndependentComputation()
{
    const auto p = Packager(m_fn).package();
    QVERIFY(p.has_value());
    const auto zip = readWithPython(p->zipBytes);
    QVERIFY(zip);
    QCOMPARE(p->sha256Base64, zip->sha256);
    QCOMPARE(p->sha256Base64,
             QString::fromLatin1(
                 QCryptographicHash::hash(p->zipBytes, QCryptographicHash::Sha256).toBase64()));
    QCOMPARE(p->sha256Base64.size(), 44); // 32 bytes in base64, as Lambda's CodeSha256
}

void tst_Packager::rejectsSymlinkOutsideFolder()
{
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("outside/credentials"), "secret"));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("outside/credentials")),
                        m_fn + QStringLiteral("/lib/creds")));
    const auto p = Packager(m_fn).package();
    QVERIFY(!p.has_value());
    QCOMPARE(p.error().code, ErrorCode::Validation);
    QVERIFY2(p.error().message.contains(QStringLiteral("lib/creds")),
             qPrintable(p.error().message));
    QVERIFY(p.error().message.contains(QStringLiteral("outside the function folder")));

    // A link to a folder outside is refused the same way.
    QVERIFY(QFile::remove(m_fn + QStringLiteral("/lib/creds")));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("outside")), m_fn + QStringLiteral("/ext")));
    const auto folder = Packager(m_fn).package();
    QVERIFY(!folder.has_value());
    QVERIFY(folder.error().message.contains(QStringLiteral("ext")));
}

void tst_Packager::storesSymlinkInsideAsContents()
{
    QVERIFY(QFile::link(m_fn + QStringLiteral("/lib/util.py"), m_fn + QStringLiteral("/alias.py")));
    QVERIFY(QFile::link(m_fn + QStringLiteral("/lib"), m_fn + QStringLiteral("/vendor")));
    const auto p = Packager(m_fn).package();
    QVERIFY2(p.has_value(), qPrintable(p ? QString() : p.error().message));
    const auto zip = readWithPython(p->zipBytes);
    QVERIFY(zip);
    QCOMPARE(zip->find(QStringLiteral("alias.py"))->content, QByteArray("X = 1\n"));
    QCOMPARE(zip->find(QStringLiteral("alias.py"))->type, 0100000); // not a link entry
    QVERIFY(zip->find(QStringLiteral("vendor/util.py")));

    // A link to a folder that contains it would never end.
    QVERIFY(QFile::link(m_fn, m_fn + QStringLiteral("/lib/loop")));
    const auto loop = Packager(m_fn).package();
    QVERIFY(!loop.has_value());
    QVERIFY(loop.error().message.contains(QStringLiteral("loop")));
}

void tst_Packager::ignoredSymlinkOutsideIsFine()
{
    QVERIFY(test::writeFile(m_dir->path(), QStringLiteral("outside/big.bin"), "x"));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("outside/big.bin")),
                        m_fn + QStringLiteral("/big.bin")));
    QVERIFY(test::writeFile(m_fn, QStringLiteral(".swbignore"), "*.bin\n"));
    const auto p = Packager(m_fn).package();
    QVERIFY(p.has_value());
    QVERIFY(!p->entries.contains(QStringLiteral("big.bin")));
}

void tst_Packager::includesGeneratedFiles()
{
    Packager packager(m_fn);
    packager.addGeneratedFile(
        {QStringLiteral("swb_shim/entry.js"), "module.exports = 1;\n", false});
    packager.addGeneratedFile({QStringLiteral("bootstrap"), "#!/bin/sh\necho generated\n", true});
    packager.addGeneratedFile({QStringLiteral("tool"), "#!/bin/sh\n", true});
    const auto p = packager.package();
    QVERIFY(p.has_value());
    QCOMPARE(p->entries,
             (QStringList{"bootstrap", "handler.py", "lib/util.py", "swb_shim/entry.js", "tool"}));
    const auto zip = readWithPython(p->zipBytes);
    QVERIFY(zip);
    QCOMPARE(zip->find(QStringLiteral("swb_shim/entry.js"))->content,
             QByteArray("module.exports = 1;\n"));
    QCOMPARE(zip->find(QStringLiteral("swb_shim/entry.js"))->mode, 0644);
    QCOMPARE(zip->find(QStringLiteral("bootstrap"))->content,
             QByteArray("#!/bin/sh\necho generated\n")); // replaces the file on disk
    QCOMPARE(zip->find(QStringLiteral("tool"))->mode, 0755);
}

void tst_Packager::rejectsGeneratedPathOutsideFolder_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("parent") << "../evil.sh";
    QTest::newRow("parent inside") << "lib/../../evil.sh";
    QTest::newRow("absolute") << "/etc/evil";
    QTest::newRow("backslash") << "..\\evil";
    QTest::newRow("empty") << "";
}

void tst_Packager::rejectsGeneratedPathOutsideFolder()
{
    QFETCH(QString, path);
    Packager packager(m_fn);
    packager.addGeneratedFile({path, "x", false});
    const auto p = packager.package();
    QVERIFY(!p.has_value());
    QCOMPARE(p.error().code, ErrorCode::InvalidArgument);
    QVERIFY(p.error().message.contains(QLatin1Char('"') + path + QLatin1Char('"')));
}

void tst_Packager::refusesPackageAboveLimit()
{
    Packager packager(m_fn);
    packager.setMaxUnzippedBytes(40);
    const auto p = packager.package();
    QVERIFY(!p.has_value());
    QCOMPARE(p.error().code, ErrorCode::Validation);
    QVERIFY2(p.error().message.contains(QStringLiteral("limit")), qPrintable(p.error().message));
    QVERIFY(p.error().message.contains(QStringLiteral(".swbignore")));

    // Generated files count too.
    Packager generated(m_fn);
    generated.setMaxUnzippedBytes(100);
    QVERIFY(generated.package().has_value());
    generated.addGeneratedFile({QStringLiteral("blob"), QByteArray(100, 'x'), false});
    QVERIFY(!generated.package().has_value());
    QCOMPARE(Packager::kDefaultMaxUnzippedBytes, 250LL * 1024 * 1024);
}

void tst_Packager::missingFolderIsNotFound()
{
    const auto p = Packager(m_dir->filePath(QStringLiteral("nope"))).package();
    QVERIFY(!p.has_value());
    QCOMPARE(p.error().code, ErrorCode::NotFound);
    QVERIFY(p.error().message.contains(QStringLiteral("nope")));
}

void tst_Packager::unreadableFolderIsReported()
{
    const QString lib = m_fn + QStringLiteral("/lib");
    QVERIFY(QFile::setPermissions(lib, QFileDevice::WriteOwner));
    const bool bypassed = QFileInfo(lib).isReadable(); // root reads everything
    std::optional<Result<Package>> p;
    if (!bypassed)
        p = Packager(m_fn).package();
    QVERIFY(QFile::setPermissions(lib, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner));
    if (bypassed)
        QSKIP("running as a user who can read any folder");
    QVERIFY(!p->has_value());
    QCOMPARE(p->error().code, ErrorCode::PermissionDenied);
    QVERIFY(p->error().message.contains(QStringLiteral("lib")));
}

QTEST_GUILESS_MAIN(tst_Packager)
#include "tst_Packager.moc"
