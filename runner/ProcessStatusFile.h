#pragma once
// Reads fields of /proc/PID/status ("VmHWM", "VmRSS") through one descriptor kept open for the
// life of a process: a re-read is one pread() instead of open, three stats, reads and close.
// That matters because the runner reads the peak memory after every invocation.

#include <QtGlobal>

namespace swb {

class ProcessStatusFile {
public:
    ProcessStatusFile() = default;
    ~ProcessStatusFile();
    ProcessStatusFile(const ProcessStatusFile&) = delete;
    ProcessStatusFile& operator=(const ProcessStatusFile&) = delete;

    // Opens /proc/PID/status; false when the process is gone (or /proc is not mounted).
    bool open(qint64 pid);
    void close();
    bool isOpen() const { return m_fd >= 0; }

    // The value in kB of a field such as "VmHWM" (without the colon); -1 when unreadable.
    qint64 fieldKb(const char* name) const;

    // One-shot read for a process we do not follow.
    static qint64 fieldKb(qint64 pid, const char* name);

private:
    int m_fd = -1;
};

} // namespace swb
