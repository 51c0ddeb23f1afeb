#include <png.h>

/// PNG_FORMAT_RGBA is a macro built from macros, which Swift does not import.
static const png_uint_32 TALE_PNG_FORMAT_RGBA = PNG_FORMAT_RGBA;
static inline int tale_png_image_failed(png_imagep image) { return PNG_IMAGE_FAILED(*image); }
