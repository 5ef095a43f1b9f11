// libelf (elfutils) and the ELF definitions that ELFKit uses.
#include <libelf.h>
#include <gelf.h>
#include <elf.h>
#include <sys/syscall.h>
#include <unistd.h>

// An anonymous in-memory file for libelf to write an object into (memfd_create is declared by
// glibc only under _GNU_SOURCE, so call the system call directly).
static inline int elfkit_memfd_create(const char *name) {
  return (int)syscall(SYS_memfd_create, name, 0u);
}
