// The encoder's weights, embedded with the assembler's .incbin as CTokenVectors embeds the token
// vectors (see TokenVectors.c for why not a C array and why __FILE__). Read in place: the pages
// are mapped from the binary and only touched when the encoder runs, so start-up does not grow.
#include "CEncoderWeights.h"
// Changes whenever the data file does, which is what makes the build compile this file again.
#include "EncoderWeightsHash.h"

__asm__(".section .rodata\n"
        ".balign 64\n"
        "faqbot_encoder_weights_start:\n"
        ".incbin \"" __FILE__ ".bin\"\n"
        "faqbot_encoder_weights_end:\n"
        ".previous\n");

extern const unsigned char faqbot_encoder_weights_start[], faqbot_encoder_weights_end[];

const char *faqbot_encoder_weights_expected_sha256(void) { return FAQBOT_ENCODER_WEIGHTS_SHA256; }

const unsigned char *faqbot_encoder_weights(size_t *size) {
  *size = (size_t)(faqbot_encoder_weights_end - faqbot_encoder_weights_start);
  return faqbot_encoder_weights_start;
}
