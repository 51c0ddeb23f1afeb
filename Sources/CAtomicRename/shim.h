#include <sys/syscall.h>
#include <unistd.h>

/* Linux renameat2(RENAME_EXCHANGE): swaps two paths in one step. glibc declares renameat2 only
   under _GNU_SOURCE, which Swift's Glibc module does not set, so call the system call directly.
   Returns 0, or -1 with errno set (ENOSYS or EINVAL where the kernel or filesystem lacks it). */
static inline int tale_rename_exchange(const char *from, const char *to) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, -100 /* AT_FDCWD */, from, -100, to, 2 /* RENAME_EXCHANGE */);
#else
    return -1;
#endif
}
