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

/// faqbot_add_rows, always the portable loop (for the tests' comparison).
void faqbot_add_rows_portable(const int32_t *features, const float *values, size_t count, float scale,
                              const float *weights, size_t classes, float *scores);

#endif
