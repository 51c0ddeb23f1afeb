#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/// PNG_FORMAT_RGBA is a macro built from macros, which Swift does not import.
static const png_uint_32 TALE_PNG_FORMAT_RGBA = PNG_FORMAT_RGBA;
static inline int tale_png_image_failed(png_imagep image) { return PNG_IMAGE_FAILED(*image); }

/// PNG_IMAGE_PNG_SIZE_MAX, an upper bound on the PNG stream of an image, is a macro Swift does not import.
static inline png_alloc_size_t tale_png_size_max(png_imagep image) { return PNG_IMAGE_PNG_SIZE_MAX(*image); }

/// The growing buffer `tale_png_encode_rgba` writes into.
typedef struct {
    unsigned char *data;
    size_t size, capacity;
} tale_png_buffer;

static void tale_png_append(png_structp png, png_bytep bytes, size_t count) {
    tale_png_buffer *out = (tale_png_buffer *)png_get_io_ptr(png);
    if (out->size + count > out->capacity) {
        size_t capacity = out->capacity ? out->capacity : 65536;
        while (capacity < out->size + count) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(out->data, capacity);
        if (!grown) png_error(png, "out of memory");
        out->data = grown;
        out->capacity = capacity;
    }
    memcpy(out->data + out->size, bytes, count);
    out->size += count;
}

static void tale_png_flush(png_structp png) { (void)png; }

/// Encodes `height` rows of 8-bit RGBA (sRGB) as PNG with one row `filter` (PNG_FILTER_NONE …)
/// and a zlib `level`, which libpng's simplified writer cannot choose. With `opaque` (every alpha
/// 255) the PNG is RGB: libpng drops each pixel's fourth byte as it writes. libpng reports errors
/// by longjmp, which must not cross Swift frames: it lands here. On success returns 1 and sets
/// `*data` (free it with `free`) and `*size`; on failure returns 0.
static inline int tale_png_encode_rgba(const unsigned char *pixels, png_uint_32 width, png_uint_32 height, int filter, int level,
                                       int opaque, unsigned char **data, size_t *size) {
    tale_png_buffer *out = (tale_png_buffer *)calloc(1, sizeof(tale_png_buffer));
    if (!out) return 0;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(out->data);
        free(out);
        return 0;
    }
    png_set_write_fn(png, out, tale_png_append, tale_png_flush);
    png_set_IHDR(png, info, width, height, 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filter);
    png_set_compression_level(png, level);
    png_write_info(png, info);
    if (opaque) png_set_filler(png, 0, PNG_FILLER_AFTER);
    for (png_uint_32 row = 0; row < height; row++) png_write_row(png, pixels + (size_t)row * width * 4);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    *data = out->data;
    *size = out->size;
    free(out);
    return 1;
}
