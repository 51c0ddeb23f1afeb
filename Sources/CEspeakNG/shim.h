#ifndef TALE_ESPEAK_SHIM_H
#define TALE_ESPEAK_SHIM_H
#include <espeak-ng/speak_lib.h>
#endif
