#include "ProcessStatusFile.h"

#include <QProcess>
#include <QTest>

#include <unistd.h>
#include <vector>

using namespace swb;

class tst_ProcessStatusFile : public QObject {
    Q_OBJECT
private slots:
    void readsMemoryFieldsOfALiveProcess()
    {
        ProcessStatusFile status;
        QVERIFY(status.open(::getpid()));
        const qint64 rss = status.fieldKb("VmRSS");
        const qint64 peak = status.fieldKb("VmHWM");
        QVERIFY(rss > 0);
        QVERIFY(peak >= rss);
        QCOMPARE(ProcessStatusFile::fieldKb(::getpid(), "VmHWM") > 0, true);
    }

    void rereadsThroughTheSameDescriptor()
    {
        ProcessStatusFile status;
        QVERIFY(status.open(::getpid()));
        const qint64 before = status.fieldKb("VmHWM");
        // Touch 64 MB so that the peak must move; the kept-open file must show it.
        std::vector<char> block(64 * 1024 * 1024);
        for (size_t i = 0; i < block.size(); i += 4096)
            block[i] = char(i);
        const qint64 after = status.fieldKb("VmHWM");
        QVERIFY2(after >= before + 60 * 1024,
                 qPrintable(QStringLiteral("%1 -> %2 kB").arg(before).arg(after)));
        QVERIFY(block[4096] == char(4096));
    }

    void unknownFieldOrPrefixIsNotAMatch()
    {
        ProcessStatusFile status;
        QVERIFY(status.open(::getpid()));
        QCOMPARE(status.fieldKb("NoSuchField"), -1);
        QCOMPARE(status.fieldKb("VmH"), -1); // a prefix of VmHWM is not the field
    }

    void goneProcessReadsAsMinusOne()
    {
        QProcess child;
        child.start(QStringLiteral("/bin/true"));
        QVERIFY(child.waitForStarted());
        const qint64 pid = child.processId();
        ProcessStatusFile status;
        const bool opened = status.open(pid);
        QVERIFY(child.waitForFinished());
        // Reaped: the kept descriptor now fails, and a new open fails too.
        if (opened)
            QCOMPARE(status.fieldKb("VmHWM"), -1);
        QCOMPARE(ProcessStatusFile::fieldKb(pid, "VmHWM"), -1);
        QCOMPARE(ProcessStatusFile().open(0), false);
        QCOMPARE(ProcessStatusFile().fieldKb("VmHWM"), -1);
    }
};

QTEST_GUILESS_MAIN(tst_ProcessStatusFile)
#include "tst_ProcessStatusFile.moc"
