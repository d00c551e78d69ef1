#ifndef SITEGEN_CMIMALLOC_SHIM_H
#define SITEGEN_CMIMALLOC_SHIM_H
// Linked into the `sitegen` executable only: mimalloc replaces the C library's malloc for
// the whole process (Debian's libmimalloc-dev). Swift allocates and frees many small
// objects from both threads; see ARCHITECTURE.md, "Memory allocator".
#include <mimalloc.h>
#endif
