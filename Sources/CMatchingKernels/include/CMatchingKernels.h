#ifndef FAQBOT_CMATCHINGKERNELS_H
#define FAQBOT_CMATCHINGKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// The classifier's inner loop: scores[c] += Σ_i (values[i] · scale) · weights[features[i] ·
/// classes + c] for c < classes, four rows a pass as SoftmaxRegression.addRows summed them in
/// Swift, ((a0 r0 + a1 r1) + a2 r2) + a3 r3 added to the score, then one row a pass for the
/// last count % 4. Every lane does that arithmetic without fused multiply-adds, so the sums
/// are the Swift loop's bit for bit; AVX-512 or AVX2 when the processor has them (chosen at
/// run time), the portable loop otherwise.
void faqbot_add_rows(const int32_t *features, const float *values, size_t count, float scale,
                     const float *weights, size_t classes, float *scores);

/// y[c] += a · x[c] for c < n, the same arithmetic as the Swift loop (no fused multiply-add).
void faqbot_add_scaled(float a, const float *x, size_t n, float *y);

/// y[c] += a · x[c] for c < n on int8 values (a token vector's row), the same arithmetic as
/// the Swift loop: AVX-512 where the processor has it.
void faqbot_add_scaled_int8(float a, const int8_t *x, size_t n, float *y);

/// faqbot_add_rows, always the portable loop (for the tests' comparison).
void faqbot_add_rows_portable(const int32_t *features, const float *values, size_t count, float scale,
                              const float *weights, size_t classes, float *scores);

/// The home slot of `key` in FeatureTable's table of 2^(64 - shift) slots: the top bits of
/// key · 0x9E3779B97F4A7C15 (the keys are FNV hashes already). Where the table inserts and
/// where faqbot_table_lookup probes from.
size_t faqbot_table_home(uint64_t key, unsigned shift);

/// FeatureTable's lookup of `count` keys: `slots` is its table of `capacity` (a power of two)
/// slots of 16 bytes (the key as a uint64 at offset 0, the index as an int32 at offset 8,
/// negative for an empty slot), probed from faqbot_table_home (`shift` = 64 - log2(capacity));
/// out[i] is the index of keys[i], or -1 when it is absent.
void faqbot_table_lookup(const void *slots, size_t capacity, unsigned shift, const uint64_t *keys, size_t count,
                         int32_t *out);

#endif
