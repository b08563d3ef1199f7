#ifndef FAQBOT_CENCODERKERNELS_H
#define FAQBOT_CENCODERKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// The encoder's inner loops. Every function is pure: it reads its inputs and writes only its
/// output, so concurrent calls on different outputs are safe.

/// y[t * rows + r] = rowScales[r] * sum_c x[t * columns + c] * q[r * columns + c] + bias[r]
/// for t < tokens and r < rows: a linear layer on int8 weights (rows of PyTorch's [out, in])
/// whose input `x` was multiplied by the matrix's column scales already. Chooses the AVX2 + FMA
/// version when the processor has both, the portable one otherwise.
void faqbot_int8_linear(const float *x, size_t tokens, size_t columns, const int8_t *q,
                        const float *rowScales, const float *bias, size_t rows, float *y);

/// The same, always the portable C loop (for measurements and for the tests' comparison).
void faqbot_int8_linear_portable(const float *x, size_t tokens, size_t columns, const int8_t *q,
                                 const float *rowScales, const float *bias, size_t rows, float *y);

/// Whether faqbot_int8_linear takes the AVX2 + FMA path on this processor.
int faqbot_kernels_have_avx2(void);

/// c[i * ldc + j] = scale * sum_k a[i * lda + k] * b[j * ldb + k] for i < m, j < n (A times B
/// transposed: attention's query-key scores).
void faqbot_f32_scores(const float *a, size_t lda, const float *b, size_t ldb, size_t m, size_t n,
                       size_t k, float scale, float *c, size_t ldc);

/// c[i * ldc + j] = sum_s a[i * lda + s] * b[s * ldb + j] for i < m, j < n (A times B: the
/// attention-weighted sum of the values).
void faqbot_f32_weighted_sum(const float *a, size_t lda, const float *b, size_t ldb, size_t m,
                             size_t n, size_t k, float *c, size_t ldc);

/// Each of `rows` rows of `n` values (stride `ld`) replaced by its softmax.
void faqbot_softmax_rows(float *values, size_t rows, size_t n, size_t ld);

/// GELU (the exact, erf form BERT uses) of `count` values in place.
void faqbot_gelu(float *values, size_t count);

/// out[t * columns + c] = x[t * columns + c] * scales[c].
void faqbot_scale_columns(const float *x, size_t tokens, size_t columns, const float *scales,
                          float *out);

#endif
