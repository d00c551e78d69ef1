#define _GNU_SOURCE
#include "CSiteOutputSupport.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static int sitegen_renameat2(const char *a, const char *b, unsigned int flags) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, flags);
#else
    (void)a; (void)b; (void)flags;
    errno = ENOSYS;
    return -1;
#endif
}

int sitegen_exchange_paths(const char *a, const char *b) {
    return sitegen_renameat2(a, b, RENAME_EXCHANGE);
}

int sitegen_rename_noreplace(const char *from, const char *to) {
    return sitegen_renameat2(from, to, RENAME_NOREPLACE);
}

int sitegen_syncfs(int fd) {
#if defined(__linux__)
    return syncfs(fd);
#else
    (void)fd;
    sync();
    return 0;
#endif
}
