#ifndef FAQBOT_CENCODERKERNELS_H
#define FAQBOT_CENCODERKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// The encoder's inner loops. Every function is pure: it reads its inputs and writes only its
/// output, so concurrent calls on different outputs are safe.

/// y[t * rows + r] = sum_c x[t * columns + c] * w[r * columns + c] + bias[r] for t < tokens and
/// r < rows: a linear layer on IEEE half-precision weights (rows of PyTorch's [out, in]).
/// Chooses the AVX2 + FMA + F16C version when the processor has them, the portable one
/// otherwise.
void faqbot_f16_linear(const float *x, size_t tokens, size_t columns, const uint16_t *w,
                       const float *bias, size_t rows, float *y);

/// The same, always the portable C loop (for measurements and for the tests' comparison).
void faqbot_f16_linear_portable(const float *x, size_t tokens, size_t columns, const uint16_t *w,
                                const float *bias, size_t rows, float *y);

/// How many halves faqbot_f16_pack_panels writes for a `rows x columns` matrix: rows rounded
/// up to a multiple of 16, times columns.
size_t faqbot_f16_panels_count(size_t rows, size_t columns);

/// Packs a `rows x columns` half-precision matrix (PyTorch's [out, in]) into panels of 16 rows:
/// panels[(p * columns + c) * 16 + j] = w[(16 p + j) * columns + c], zero past the last row.
/// `panels` must be 32-byte aligned and hold faqbot_f16_panels_count halves.
void faqbot_f16_pack_panels(const uint16_t *w, size_t rows, size_t columns, uint16_t *panels);

/// faqbot_f16_linear on a matrix packed by faqbot_f16_pack_panels: the register-blocked kernel
/// (tiles of up to 6 tokens times 16 rows) when the processor has AVX2 + FMA + F16C, a plain
/// loop otherwise. Each output's sum runs over the columns in order, whatever the tokens.
void faqbot_f16_panel_linear(const float *x, size_t tokens, size_t columns, const uint16_t *panels,
                             const float *bias, size_t rows, float *y);

/// Unmaps from this process the whole pages within `bytes` bytes at `start` (Linux's
/// MADV_DONTNEED; nothing elsewhere), for the embedded weights' f16 rows once packed into
/// panels. Only for pages of a file mapping, such as the binary's read-only data: a page read
/// again comes back from the page cache, which keeps them for the next process (MADV_PAGEOUT
/// would evict them and make every start read them from disk). Anonymous pages would read
/// back as zeros, so never for a copy.
void faqbot_release_pages(const void *start, size_t bytes);

/// Asks Linux to back `bytes` at `start` (an allocation of our own, 2 MB aligned) with huge
/// pages where it can (MADV_HUGEPAGE; nothing elsewhere): the 21 MB of weight panels are
/// written once at every start, and 4 KB pages made that about 5,000 page faults.
void faqbot_advise_huge_pages(void *start, size_t bytes);

/// The largest dot product of `x` (`dimensions` floats) with any of `count` rows of `dimensions`
/// IEEE halves stored one after the other; -infinity when `count` is 0. The AVX2 + FMA + F16C
/// version when the processor has them, the portable loop otherwise (HalfRowsDot.c).
float faqbot_f16_max_dot(const uint16_t *rows, size_t count, size_t dimensions, const float *x);

/// One IEEE half-precision number as a float.
float faqbot_half_to_float(uint16_t half);

/// Whether faqbot_f16_linear takes the AVX2 + FMA + F16C path on this processor.
int faqbot_kernels_have_avx2(void);

/// c[i * ldc + j] = scale * sum_k a[i * lda + k] * b[j * ldb + k] for i < m, j < n (A times B
/// transposed: attention's query-key scores).
void faqbot_f32_scores(const float *a, size_t lda, const float *b, size_t ldb, size_t m, size_t n,
                       size_t k, float scale, float *c, size_t ldc);

/// c[i * ldc + j] = sum_s a[i * lda + s] * b[s * ldb + j] for i < m, j < n (A times B: the
/// attention-weighted sum of the values).
void faqbot_f32_weighted_sum(const float *a, size_t lda, const float *b, size_t ldb, size_t m,
                             size_t n, size_t k, float *c, size_t ldc);

/// How many floats of scratch faqbot_attention needs for a sentence of `tokens`.
size_t faqbot_attention_scratch_count(size_t tokens, size_t head_size);

/// Multi-head self-attention of one sentence: `qkv` is `tokens x 3 hidden` (queries, keys,
/// values, each `heads` slices), `context` receives `tokens x hidden`. The AVX2 + FMA path
/// for heads of 32 (MiniLM's) when the processor has them, the scalar loops below otherwise.
void faqbot_attention(const float *qkv, size_t tokens, size_t hidden, size_t heads, float *scratch,
                      float *context);

/// Each of `rows` rows of `n` values (stride `ld`) replaced by its softmax.
void faqbot_softmax_rows(float *values, size_t rows, size_t n, size_t ld);

/// GELU (the exact, erf form BERT uses) of `count` values in place.
void faqbot_gelu(float *values, size_t count);

/// Whether faqbot_i16_panel_linear takes the AVX-512 VNNI path on this processor (and so whether
/// the encoder packs its weights as int16 panels: WeightPanels).
int faqbot_kernels_have_avx512_vnni(void);

/// How many int16 values faqbot_i16_pack_panels writes for a `rows x columns` matrix: rows
/// rounded up to a multiple of 64, times columns rounded up to a multiple of 32.
size_t faqbot_i16_panels_count(size_t rows, size_t columns);

/// How many row scales faqbot_i16_pack_panels writes: rows rounded up to a multiple of 64.
size_t faqbot_i16_scales_count(size_t rows);

/// How many int16 values of scratch faqbot_i16_panel_linear needs for `tokens` inputs of
/// `columns` (each token's inputs, scaled to int16).
size_t faqbot_i16_scratch_count(size_t tokens, size_t columns);

/// Packs a `rows x columns` half-precision matrix (PyTorch's [out, in]) into int16 panels: each
/// row scaled so that its largest magnitude is 8191 (`scales[r]` maps it back), in groups of
/// 64 rows, each pair of columns side by side for vpdpwssd (Int16Panels.c has the layout).
/// `panels` must be 64-byte aligned.
void faqbot_i16_pack_panels(const uint16_t *w, size_t rows, size_t columns, int16_t *panels, float *scales);

/// The same, always the portable loop (the tests check both give the same values).
void faqbot_i16_pack_panels_portable(const uint16_t *w, size_t rows, size_t columns, int16_t *panels,
                                     float *scales);

/// faqbot_f16_linear on a matrix packed by faqbot_i16_pack_panels, each token's inputs scaled
/// to int16 in `scratch` (faqbot_i16_scratch_count values) and `token_scales` (`tokens`
/// floats): AVX-512 VNNI tiles of up to 3 tokens times 64 rows when the processor has them,
/// the portable loop otherwise, with the same result bit for bit either way.
void faqbot_i16_panel_linear(const float *x, size_t tokens, size_t columns, const int16_t *panels,
                             const float *scales, const float *bias, size_t rows, float *y, int16_t *scratch,
                             float *token_scales);

/// The same, always the portable loop (for the tests' comparison).
void faqbot_i16_panel_linear_portable(const float *x, size_t tokens, size_t columns, const int16_t *panels,
                                      const float *scales, const float *bias, size_t rows, float *y,
                                      int16_t *scratch, float *token_scales);

#endif
