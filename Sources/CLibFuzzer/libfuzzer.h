// libFuzzer's driver, from the toolchain's libclang_rt.fuzzer_no_main, linked only by `make fuzz`
// (Tests/Fuzz/run); tale-fuzz calls it from its own main so that one program holds every target.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
