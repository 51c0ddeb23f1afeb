#include <zlib.h>

/* deflateInit2 is a macro over deflateInit2_; Swift cannot call macros. */
static inline int tale_deflate_init_gzip(z_streamp stream, int level) {
    /* windowBits 15 + 16: a gzip wrapper with mtime 0 and no file name, so output is reproducible. */
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
}
static inline int tale_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
}
static inline int tale_deflate_init_zlib(z_streamp stream, int level) {
    /* windowBits 15: the zlib wrapper (RFC 1950) that PDF's FlateDecode reads. */
    return deflateInit2(stream, level, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY);
}
static inline int tale_inflate_init_gzip(z_streamp stream) { return inflateInit2(stream, 15 + 16); }
