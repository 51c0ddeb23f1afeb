#include <png.h>

/// PNG_FORMAT_RGBA is a macro built from macros, which Swift does not import.
static const png_uint_32 TALE_PNG_FORMAT_RGBA = PNG_FORMAT_RGBA;
static inline int tale_png_image_failed(png_imagep image) { return PNG_IMAGE_FAILED(*image); }

/// PNG_IMAGE_PNG_SIZE_MAX, an upper bound on the PNG stream of an image, is a macro Swift does not import.
static inline png_alloc_size_t tale_png_size_max(png_imagep image) { return PNG_IMAGE_PNG_SIZE_MAX(*image); }

