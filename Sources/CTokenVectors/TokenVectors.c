// The static token vectors, embedded with the assembler's .incbin rather than as a C array:
// a 7.5 MB array literal would be a 40 MB source file, slow to compile and to diff. The data
// file sits beside this one, named after it, because __FILE__ is the only path the compiler
// is sure to know; SwiftPM passes it absolute. The section directives are ELF's (Linux, which
// faqbot targets); Mach-O would want __TEXT,__const and underscore-prefixed symbols.
#include "CTokenVectors.h"
// Changes whenever the data file does, which is what makes the build compile this file again.
#include "TokenVectorsHash.h"

__asm__(".section .rodata\n"
        ".balign 64\n"
        "faqbot_token_vectors_start:\n"
        ".incbin \"" __FILE__ ".bin\"\n"
        "faqbot_token_vectors_end:\n"
        ".previous\n");

extern const unsigned char faqbot_token_vectors_start[], faqbot_token_vectors_end[];

const char *faqbot_token_vectors_expected_sha256(void) { return FAQBOT_TOKEN_VECTORS_SHA256; }

const unsigned char *faqbot_token_vectors(size_t *size) {
  *size = (size_t)(faqbot_token_vectors_end - faqbot_token_vectors_start);
  return faqbot_token_vectors_start;
}
