#ifndef FAQBOT_CENCODERWEIGHTS_H
#define FAQBOT_CENCODERWEIGHTS_H

#include <stddef.h>

/// The bytes of EncoderWeights.c.bin, compiled into the binary (see scripts/convert-minilm for
/// the layout); `*size` receives their count. They live in read-only data for the life of the
/// process, 64-byte aligned, so callers may keep the pointer.
const unsigned char *faqbot_encoder_weights(size_t *size);

/// The SHA-256 the convert script wrote beside the data file: a build whose embedded bytes
/// record another one compiled a stale copy of the file.
const char *faqbot_encoder_weights_expected_sha256(void);

#endif
