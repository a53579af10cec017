#include "ProcessStatusFile.h"

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace swb {

namespace {

// Finds "NAME:" at the start of a line and parses the number after it.
qint64 parseField(const char* text, qsizetype size, const char* name)
{
    const size_t nameLength = std::strlen(name);
    const char* end = text + size;
    for (const char* line = text; line < end;) {
        const char* lineEnd = static_cast<const char*>(std::memchr(line, '\n', size_t(end - line)));
        if (!lineEnd)
            lineEnd = end;
        if (size_t(lineEnd - line) > nameLength && std::memcmp(line, name, nameLength) == 0 &&
            line[nameLength] == ':') {
            qint64 value = 0;
            bool digits = false;
            for (const char* c = line + nameLength + 1; c < lineEnd; ++c) {
                if (*c >= '0' && *c <= '9') {
                    value = value * 10 + (*c - '0');
                    digits = true;
                } else if (digits) {
                    break;
                }
            }
            return digits ? value : -1;
        }
        line = lineEnd + 1;
    }
    return -1;
}

qint64 readField(int fd, const char* name)
{
    // A status file is about 1.5 KB; the memory fields sit in its first half.
    char buffer[4096];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
    if (n <= 0)
        return -1;
    return parseField(buffer, n, name);
}

int openStatus(qint64 pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld/status", static_cast<long long>(pid));
    return ::open(path, O_RDONLY | O_CLOEXEC);
}

} // namespace

ProcessStatusFile::~ProcessStatusFile()
{
    close();
}

bool ProcessStatusFile::open(qint64 pid)
{
    close();
    if (pid <= 0)
        return false;
    m_fd = openStatus(pid);
    return m_fd >= 0;
}

void ProcessStatusFile::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

qint64 ProcessStatusFile::fieldKb(const char* name) const
{
    return m_fd >= 0 ? readField(m_fd, name) : -1;
}

qint64 ProcessStatusFile::fieldKb(qint64 pid, const char* name)
{
    if (pid <= 0)
        return -1;
    const int fd = openStatus(pid);
    if (fd < 0)
        return -1;
    const qint64 kb = readField(fd, name);
    ::close(fd);
    return kb;
}

} // namespace swb
