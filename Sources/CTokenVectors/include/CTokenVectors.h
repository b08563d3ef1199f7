#ifndef FAQBOT_CTOKENVECTORS_H
#define FAQBOT_CTOKENVECTORS_H

#include <stddef.h>

/// The bytes of TokenVectors.c.bin, compiled into the binary (see scripts/distill-token-vectors
/// for the layout); `*size` receives their count. They live in read-only data for the life of the
/// process, so callers may keep the pointer.
const unsigned char *faqbot_token_vectors(size_t *size);

/// The SHA-256 the distil script wrote beside the data file: a build whose embedded bytes
/// record another one compiled a stale copy of the file.
const char *faqbot_token_vectors_expected_sha256(void);

#endif
