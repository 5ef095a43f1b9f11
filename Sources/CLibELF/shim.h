// libelf (elfutils) and the ELF definitions that ELFKit uses.
#include <libelf.h>
#include <gelf.h>
#include <elf.h>
