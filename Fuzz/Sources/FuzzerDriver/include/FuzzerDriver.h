#ifndef FUZZER_DRIVER_H
#define FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt's FuzzerDriver.cpp), linked in by `-sanitize=fuzzer`.
///
/// SwiftPM links every Swift executable with `--defsym main=<Module>_main`, so libFuzzer's own
/// `main` is never used; each fuzz target's `<Module>_main` calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

#endif
