#ifndef CSITEOUTPUTSUPPORT_H
#define CSITEOUTPUTSUPPORT_H

/// Atomically exchanges two paths (Linux `renameat2(..., RENAME_EXCHANGE)`), relative to
/// the current directory. Returns 0, or -1 with errno set (ENOSYS / EINVAL where the
/// kernel or file system cannot exchange: callers fall back to two renames).
int sitegen_exchange_paths(const char *a, const char *b);

/// Renames `from` to `to` only if `to` does not exist (`RENAME_NOREPLACE`); -1 with errno
/// (EEXIST, or ENOSYS / EINVAL where unsupported) otherwise.
int sitegen_rename_noreplace(const char *from, const char *to);

/// Flushes the file system holding `fd` to stable storage (`syncfs`, or `sync` elsewhere).
int sitegen_syncfs(int fd);

#endif
