#ifndef FAQBOT_CCMARK_SHIM_H
#define FAQBOT_CCMARK_SHIM_H
// cmark-gfm: the CommonMark reference parser with GitHub's extensions (tables,
// strikethrough, autolinks), from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
