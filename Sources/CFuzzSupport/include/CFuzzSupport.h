#ifndef CFUZZSUPPORT_H
#define CFUZZSUPPORT_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the toolchain's libclang_rt.fuzzer, linked by `-sanitize=fuzzer`).
/// Declared here only; nothing references it unless FuzzParser is built with SITEGEN_FUZZ.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
