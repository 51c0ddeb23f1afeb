#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

/// xmlFree is a mutable C global; Swift 6 cannot touch it directly.
static inline void tale_xml_free(void *pointer) { xmlFree(pointer); }
#include <libxml/xmlschemas.h>
