// The encoder's inner loops in C, because C can hold an AVX2 + FMA version of the matrix product
// beside the portable one and choose at run time, which Swift (compiled for the x86-64 baseline)
// cannot. docs/performance.md has what each measured.
#include "CEncoderKernels.h"

#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define FAQBOT_X86 1
#endif

void faqbot_int8_linear_portable(const float *x, size_t tokens, size_t columns, const int8_t *q,
                                 const float *rowScales, const float *bias, size_t rows, float *y) {
  for (size_t t = 0; t < tokens; t++) {
    const float *in = x + t * columns;
    for (size_t r = 0; r < rows; r++) {
      const int8_t *w = q + r * columns;
      float sum = 0;
      for (size_t c = 0; c < columns; c++) sum += in[c] * (float)w[c];
      y[t * rows + r] = sum * rowScales[r] + bias[r];
    }
  }
}

#ifdef FAQBOT_X86
__attribute__((target("avx2,fma"))) static inline float hsum(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}

__attribute__((target("avx2,fma"))) static inline __m256 widen(const int8_t *p) {
  return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *)p)));
}

// One tile: NT tokens times NR rows, 8 columns a step, NT * NR accumulators in registers. Each
// weight is widened once per tile and used NT times; 4 x 3 = 12 accumulators leave 4 of the 16
// registers for the widened weights and the inputs.
#define FAQBOT_TILE(NT, NR)                                                                        \
  __attribute__((target("avx2,fma"))) static void tile_##NT##_##NR(                               \
      const float *x, size_t columns, const int8_t *q, const float *rowScales, const float *bias, \
      size_t rows, float *y) {                                                                     \
    __m256 acc[NT][NR];                                                                            \
    for (int t = 0; t < NT; t++)                                                                   \
      for (int r = 0; r < NR; r++) acc[t][r] = _mm256_setzero_ps();                                \
    size_t c = 0;                                                                                  \
    for (; c + 8 <= columns; c += 8) {                                                             \
      __m256 w[NR];                                                                                \
      for (int r = 0; r < NR; r++) w[r] = widen(q + r * columns + c);                              \
      for (int t = 0; t < NT; t++) {                                                               \
        __m256 in = _mm256_loadu_ps(x + t * columns + c);                                          \
        for (int r = 0; r < NR; r++) acc[t][r] = _mm256_fmadd_ps(in, w[r], acc[t][r]);             \
      }                                                                                            \
    }                                                                                              \
    for (int t = 0; t < NT; t++)                                                                   \
      for (int r = 0; r < NR; r++) {                                                               \
        float sum = hsum(acc[t][r]);                                                               \
        for (size_t k = c; k < columns; k++) sum += x[t * columns + k] * (float)q[r * columns + k]; \
        y[t * rows + r] = sum * rowScales[r] + bias[r];                                            \
      }                                                                                            \
  }

FAQBOT_TILE(4, 3)
FAQBOT_TILE(3, 3)
FAQBOT_TILE(2, 3)
FAQBOT_TILE(1, 3)
FAQBOT_TILE(4, 1)
FAQBOT_TILE(3, 1)
FAQBOT_TILE(2, 1)
FAQBOT_TILE(1, 1)

typedef void (*faqbot_tile)(const float *, size_t, const int8_t *, const float *, const float *,
                            size_t, float *);

static void int8_linear_avx2(const float *x, size_t tokens, size_t columns, const int8_t *q,
                             const float *rowScales, const float *bias, size_t rows, float *y) {
  static const faqbot_tile three[5] = {0, tile_1_3, tile_2_3, tile_3_3, tile_4_3};
  static const faqbot_tile one[5] = {0, tile_1_1, tile_2_1, tile_3_1, tile_4_1};
  // Tokens in chunks whose inputs stay in the level-1/2 cache while every row passes over them.
  const size_t chunk = 16;
  for (size_t first = 0; first < tokens; first += chunk) {
    size_t count = tokens - first < chunk ? tokens - first : chunk;
    size_t r = 0;
    for (; r + 3 <= rows; r += 3)
      for (size_t t = 0; t < count; t += 4) {
        size_t n = count - t < 4 ? count - t : 4;
        three[n](x + (first + t) * columns, columns, q + r * columns, rowScales + r, bias + r, rows,
                 y + (first + t) * rows + r);
      }
    for (; r < rows; r++)
      for (size_t t = 0; t < count; t += 4) {
        size_t n = count - t < 4 ? count - t : 4;
        one[n](x + (first + t) * columns, columns, q + r * columns, rowScales + r, bias + r, rows,
               y + (first + t) * rows + r);
      }
  }
}
#endif

int faqbot_kernels_have_avx2(void) {
#ifdef FAQBOT_X86
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
  return 0;
#endif
}

void faqbot_int8_linear(const float *x, size_t tokens, size_t columns, const int8_t *q,
                        const float *rowScales, const float *bias, size_t rows, float *y) {
#ifdef FAQBOT_X86
  if (faqbot_kernels_have_avx2()) {
    int8_linear_avx2(x, tokens, columns, q, rowScales, bias, rows, y);
    return;
  }
#endif
  faqbot_int8_linear_portable(x, tokens, columns, q, rowScales, bias, rows, y);
}

void faqbot_f32_scores(const float *a, size_t lda, const float *b, size_t ldb, size_t m, size_t n,
                       size_t k, float scale, float *c, size_t ldc) {
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0; j < n; j++) {
      float sum = 0;
      for (size_t p = 0; p < k; p++) sum += a[i * lda + p] * b[j * ldb + p];
      c[i * ldc + j] = sum * scale;
    }
}

void faqbot_f32_weighted_sum(const float *a, size_t lda, const float *b, size_t ldb, size_t m,
                             size_t n, size_t k, float *c, size_t ldc) {
  for (size_t i = 0; i < m; i++) {
    float *out = c + i * ldc;
    for (size_t j = 0; j < n; j++) out[j] = 0;
    for (size_t s = 0; s < k; s++) {
      float weight = a[i * lda + s];
      const float *row = b + s * ldb;
      for (size_t j = 0; j < n; j++) out[j] += weight * row[j];
    }
  }
}

void faqbot_softmax_rows(float *values, size_t rows, size_t n, size_t ld) {
  for (size_t i = 0; i < rows; i++) {
    float *row = values + i * ld;
    float largest = row[0];
    for (size_t j = 1; j < n; j++) largest = row[j] > largest ? row[j] : largest;
    float sum = 0;
    for (size_t j = 0; j < n; j++) {
      row[j] = expf(row[j] - largest);
      sum += row[j];
    }
    float inverse = 1 / sum;
    for (size_t j = 0; j < n; j++) row[j] *= inverse;
  }
}

void faqbot_gelu(float *values, size_t count) {
  for (size_t i = 0; i < count; i++) {
    float v = values[i];
    values[i] = 0.5f * v * (1 + erff(v * 0.70710678118654752f));
  }
}

void faqbot_scale_columns(const float *x, size_t tokens, size_t columns, const float *scales,
                          float *out) {
  for (size_t t = 0; t < tokens; t++)
    for (size_t c = 0; c < columns; c++) out[t * columns + c] = x[t * columns + c] * scales[c];
}
