// The encoder's inner loops in C, because C can hold an AVX2 + FMA version of the matrix product
// beside the portable one and choose at run time, which Swift (compiled for the x86-64 baseline)
// cannot. docs/performance.md has what each measured.
#include "CEncoderKernels.h"

#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define FAQBOT_X86 1
#endif

float faqbot_half_to_float(uint16_t half) {
  uint32_t sign = (uint32_t)(half & 0x8000) << 16, exponent = (half >> 10) & 0x1F, mantissa = half & 0x3FF;
  uint32_t bits;
  if (exponent == 0x1F) {
    bits = sign | 0x7F800000 | (mantissa << 13);
  } else if (exponent != 0) {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else if (mantissa == 0) {
    bits = sign;
  } else {  // subnormal: normalise it
    exponent = 113;
    while (!(mantissa & 0x400)) {
      mantissa <<= 1;
      exponent--;
    }
    bits = sign | (exponent << 23) | ((mantissa & 0x3FF) << 13);
  }
  float value;
  memcpy(&value, &bits, sizeof value);
  return value;
}

void faqbot_f16_linear_portable(const float *x, size_t tokens, size_t columns, const uint16_t *w,
                                const float *bias, size_t rows, float *y) {
  for (size_t t = 0; t < tokens; t++) {
    const float *in = x + t * columns;
    for (size_t r = 0; r < rows; r++) {
      const uint16_t *row = w + r * columns;
      float sum = 0;
      for (size_t c = 0; c < columns; c++) sum += in[c] * faqbot_half_to_float(row[c]);
      y[t * rows + r] = sum + bias[r];
    }
  }
}

#ifdef FAQBOT_X86
__attribute__((target("avx2,fma,f16c"))) static inline float hsum(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}

__attribute__((target("avx2,fma,f16c"))) static inline __m256 widen(const uint16_t *p) {
  return _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)p));
}

// One tile: NT tokens times NR rows, 8 columns a step, NT * NR accumulators in registers. Each
// weight is widened once per tile and used NT times; 4 x 3 = 12 accumulators leave 4 of the 16
// registers for the widened weights and the inputs.
#define FAQBOT_TILE(NT, NR)                                                                        \
  __attribute__((target("avx2,fma,f16c"))) static void tile_##NT##_##NR(                          \
      const float *x, size_t columns, const uint16_t *q, const float *bias, size_t rows,           \
      float *y) {                                                                                  \
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
        for (size_t k = c; k < columns; k++)                                                       \
          sum += x[t * columns + k] * faqbot_half_to_float(q[r * columns + k]);                    \
        y[t * rows + r] = sum + bias[r];                                                           \
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

typedef void (*faqbot_tile)(const float *, size_t, const uint16_t *, const float *, size_t, float *);

static void f16_linear_avx2(const float *x, size_t tokens, size_t columns, const uint16_t *q,
                            const float *bias, size_t rows, float *y) {
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
        three[n](x + (first + t) * columns, columns, q + r * columns, bias + r, rows,
                 y + (first + t) * rows + r);
      }
    for (; r < rows; r++)
      for (size_t t = 0; t < count; t += 4) {
        size_t n = count - t < 4 ? count - t : 4;
        one[n](x + (first + t) * columns, columns, q + r * columns, bias + r, rows,
               y + (first + t) * rows + r);
      }
  }
}

// The panel kernel. A weight matrix is packed once into panels of 16 output rows (columns of
// the product), each `columns` steps of 16 halves: for every input column, the 16 weights that
// multiply it. A tile of MR tokens times one panel then keeps MR x 16 sums in 2 MR registers
// (MR <= 6: 12 sums, 2 widened weights and one broadcast input: 15 of the 16 registers), and
// each step is 2 widenings, MR broadcasts and 2 MR FMAs, with no horizontal sum at the end.
// Every sum runs over the columns in the same order whatever the tile, so a sentence's vector
// does not depend on the other sentences of its batch.
#define FAQBOT_PANEL_TILE(MR)                                                                      \
  __attribute__((target("avx2,fma,f16c"))) static void panel_tile_##MR(                           \
      const float *x, size_t columns, const uint16_t *panel, const float *bias, float *y,          \
      size_t ldy, size_t valid) {                                                                  \
    __m256 low[MR], high[MR];                                                                      \
    for (int t = 0; t < MR; t++) low[t] = high[t] = _mm256_setzero_ps();                           \
    for (size_t c = 0; c < columns; c++) {                                                         \
      __m256 w0 = _mm256_cvtph_ps(_mm_load_si128((const __m128i *)(panel + c * 16)));              \
      __m256 w1 = _mm256_cvtph_ps(_mm_load_si128((const __m128i *)(panel + c * 16 + 8)));          \
      for (int t = 0; t < MR; t++) {                                                               \
        __m256 in = _mm256_broadcast_ss(x + t * columns + c);                                      \
        low[t] = _mm256_fmadd_ps(in, w0, low[t]);                                                  \
        high[t] = _mm256_fmadd_ps(in, w1, high[t]);                                                \
      }                                                                                            \
    }                                                                                              \
    __m256 b0 = _mm256_loadu_ps(bias), b1 = _mm256_loadu_ps(bias + 8);                             \
    for (int t = 0; t < MR; t++) {                                                                 \
      __m256 r0 = _mm256_add_ps(low[t], b0), r1 = _mm256_add_ps(high[t], b1);                      \
      if (valid == 16) {                                                                           \
        _mm256_storeu_ps(y + t * ldy, r0);                                                         \
        _mm256_storeu_ps(y + t * ldy + 8, r1);                                                     \
      } else {                                                                                     \
        float row[16];                                                                             \
        _mm256_storeu_ps(row, r0);                                                                 \
        _mm256_storeu_ps(row + 8, r1);                                                             \
        memcpy(y + t * ldy, row, valid * sizeof(float));                                           \
      }                                                                                            \
    }                                                                                              \
  }

FAQBOT_PANEL_TILE(1)
FAQBOT_PANEL_TILE(2)
FAQBOT_PANEL_TILE(3)
FAQBOT_PANEL_TILE(4)
FAQBOT_PANEL_TILE(5)
FAQBOT_PANEL_TILE(6)

typedef void (*faqbot_panel_tile)(const float *, size_t, const uint16_t *, const float *, float *, size_t,
                                  size_t);

static void f16_panel_linear_avx2(const float *x, size_t tokens, size_t columns, const uint16_t *panels,
                                  const float *bias, size_t rows, float *y) {
  static const faqbot_panel_tile tiles[7] = {0,
                                             panel_tile_1,
                                             panel_tile_2,
                                             panel_tile_3,
                                             panel_tile_4,
                                             panel_tile_5,
                                             panel_tile_6};
  size_t count = (rows + 15) / 16;
  // Panels in blocks whose weights stay in the level-2 cache while every tile of tokens passes
  // over them; a tile's inputs (6 rows) stay in level 1 across the block.
  size_t block = (size_t)128 * 1024 / (columns * 32);
  if (block == 0) block = 1;
  // Tiles of at most 6 tokens, as even as possible (13 tokens: 4, 4, 5, not 6, 6, 1).
  size_t tileCount = (tokens + 5) / 6;
  for (size_t first = 0; first < count; first += block) {
    size_t last = first + block < count ? first + block : count;
    for (size_t tile = 0; tile < tileCount; tile++) {
      size_t start = tile * tokens / tileCount, end = (tile + 1) * tokens / tileCount;
      faqbot_panel_tile kernel = tiles[end - start];
      for (size_t p = first; p < last; p++) {
        size_t valid = rows - p * 16 < 16 ? rows - p * 16 : 16;
        float padded[16] = {0};
        const float *b = bias + p * 16;
        if (valid < 16) {
          memcpy(padded, b, valid * sizeof(float));
          b = padded;
        }
        kernel(x + start * columns, columns, panels + p * 16 * columns, b, y + start * rows + p * 16, rows,
               valid);
      }
    }
  }
}
#endif

int faqbot_kernels_have_avx2(void) {
#ifdef FAQBOT_X86
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
#else
  return 0;
#endif
}

void faqbot_f16_linear(const float *x, size_t tokens, size_t columns, const uint16_t *w,
                       const float *bias, size_t rows, float *y) {
#ifdef FAQBOT_X86
  if (faqbot_kernels_have_avx2()) {
    f16_linear_avx2(x, tokens, columns, w, bias, rows, y);
    return;
  }
#endif
  faqbot_f16_linear_portable(x, tokens, columns, w, bias, rows, y);
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

#ifdef FAQBOT_X86
// e^x for x <= 0 (softmax's shifted scores), Cephes' expf: x = n ln 2 + r with |r| <= ln 2 / 2,
// e^r by a degree-6 polynomial (relative error about 2e-7, expf's own order), 2^n in the
// exponent bits; below -87 the result is 0, as expf's is nearly.
__attribute__((target("avx2,fma,f16c"))) static inline __m256 exp_nonpositive(__m256 x) {
  const __m256 low = _mm256_set1_ps(-87.0f);
  __m256 tiny = _mm256_cmp_ps(x, low, _CMP_LT_OQ);
  x = _mm256_max_ps(x, low);
  __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                             _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
  __m256 p = _mm256_set1_ps(1.9875691500e-4f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
  p = _mm256_fmadd_ps(p, _mm256_mul_ps(r, r), _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
  __m256i bits = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_andnot_ps(tiny, _mm256_mul_ps(p, _mm256_castsi256_ps(bits)));
}

__attribute__((target("avx2,fma,f16c"))) static void softmax_rows_avx2(float *values, size_t rows, size_t n,
                                                                  size_t ld) {
  for (size_t i = 0; i < rows; i++) {
    float *row = values + i * ld;
    size_t wide = n / 8 * 8;
    float largest = row[0];
    __m256 top = _mm256_set1_ps(row[0]);
    for (size_t j = 0; j < wide; j += 8) top = _mm256_max_ps(top, _mm256_loadu_ps(row + j));
    float lanes[8];
    _mm256_storeu_ps(lanes, top);
    for (int k = 0; k < 8; k++) largest = lanes[k] > largest ? lanes[k] : largest;
    for (size_t j = wide; j < n; j++) largest = row[j] > largest ? row[j] : largest;
    __m256 shift = _mm256_set1_ps(largest), total = _mm256_setzero_ps();
    for (size_t j = 0; j < wide; j += 8) {
      __m256 e = exp_nonpositive(_mm256_sub_ps(_mm256_loadu_ps(row + j), shift));
      _mm256_storeu_ps(row + j, e);
      total = _mm256_add_ps(total, e);
    }
    float sum = hsum(total);
    for (size_t j = wide; j < n; j++) {
      __m256 e = exp_nonpositive(_mm256_set1_ps(row[j] - largest));
      row[j] = _mm256_cvtss_f32(e);
      sum += row[j];
    }
    __m256 inverse = _mm256_set1_ps(1 / sum);
    for (size_t j = 0; j < wide; j += 8) _mm256_storeu_ps(row + j, _mm256_mul_ps(_mm256_loadu_ps(row + j), inverse));
    for (size_t j = wide; j < n; j++) row[j] *= 1 / sum;
  }
}

// GELU's erf as Eigen computes it in float: erf(x) = x p(x^2) / q(x^2) on [-4, 4] (odd degree 13
// over even degree 8, a few ulp), +-1 beyond, where float's erf is 1 to the last bit.
__attribute__((target("avx2,fma,f16c"))) static void gelu_avx2(float *values, size_t count) {
  size_t i = 0;
  for (; i + 8 <= count; i += 8) {
    __m256 v = _mm256_loadu_ps(values + i);
    __m256 x = _mm256_mul_ps(v, _mm256_set1_ps(0.70710678118654752f));
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-4.0f)), _mm256_set1_ps(4.0f));
    __m256 x2 = _mm256_mul_ps(x, x);
    __m256 p = _mm256_fmadd_ps(x2, _mm256_set1_ps(-2.72614225801306e-10f), _mm256_set1_ps(2.77068142495902e-08f));
    p = _mm256_fmadd_ps(x2, p, _mm256_set1_ps(-2.10102402082508e-06f));
    p = _mm256_fmadd_ps(x2, p, _mm256_set1_ps(-5.69250639462346e-05f));
    p = _mm256_fmadd_ps(x2, p, _mm256_set1_ps(-7.34990630326855e-04f));
    p = _mm256_fmadd_ps(x2, p, _mm256_set1_ps(-2.95459980854025e-03f));
    p = _mm256_fmadd_ps(x2, p, _mm256_set1_ps(-1.60960333262415e-02f));
    p = _mm256_mul_ps(x, p);
    __m256 q = _mm256_fmadd_ps(x2, _mm256_set1_ps(-1.45660718464996e-05f), _mm256_set1_ps(-2.13374055278905e-04f));
    q = _mm256_fmadd_ps(x2, q, _mm256_set1_ps(-1.68282697438203e-03f));
    q = _mm256_fmadd_ps(x2, q, _mm256_set1_ps(-7.37332916720468e-03f));
    q = _mm256_fmadd_ps(x2, q, _mm256_set1_ps(-1.42647390514189e-02f));
    __m256 erf = _mm256_div_ps(p, q);
    __m256 half = _mm256_mul_ps(v, _mm256_set1_ps(0.5f));
    _mm256_storeu_ps(values + i, _mm256_fmadd_ps(half, erf, half));
  }
  for (; i < count; i++) values[i] = 0.5f * values[i] * (1 + erff(values[i] * 0.70710678118654752f));
}
#endif

void faqbot_softmax_rows(float *values, size_t rows, size_t n, size_t ld) {
#ifdef FAQBOT_X86
  if (faqbot_kernels_have_avx2()) {
    softmax_rows_avx2(values, rows, n, ld);
    return;
  }
#endif
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
#ifdef FAQBOT_X86
  if (faqbot_kernels_have_avx2()) {
    gelu_avx2(values, count);
    return;
  }
#endif
  for (size_t i = 0; i < count; i++) {
    float v = values[i];
    values[i] = 0.5f * v * (1 + erff(v * 0.70710678118654752f));
  }
}

size_t faqbot_f16_panels_count(size_t rows, size_t columns) { return (rows + 15) / 16 * 16 * columns; }

void faqbot_f16_pack_panels(const uint16_t *w, size_t rows, size_t columns, uint16_t *panels) {
  size_t count = (rows + 15) / 16;
  for (size_t p = 0; p < count; p++) {
    // Written in order, read from the panel's 16 rows at once.
    const uint16_t *source[16];
    for (size_t j = 0; j < 16; j++) source[j] = p * 16 + j < rows ? w + (p * 16 + j) * columns : NULL;
    uint16_t *out = panels + p * 16 * columns;
    for (size_t c = 0; c < columns; c++)
      for (size_t j = 0; j < 16; j++) *out++ = source[j] ? source[j][c] : 0;
  }
}

void faqbot_f16_panel_linear(const float *x, size_t tokens, size_t columns, const uint16_t *panels,
                             const float *bias, size_t rows, float *y) {
#ifdef FAQBOT_X86
  if (faqbot_kernels_have_avx2()) {
    f16_panel_linear_avx2(x, tokens, columns, panels, bias, rows, y);
    return;
  }
#endif
  for (size_t t = 0; t < tokens; t++)
    for (size_t r = 0; r < rows; r++) {
      const uint16_t *panel = panels + r / 16 * 16 * columns + r % 16;
      float sum = 0;
      for (size_t c = 0; c < columns; c++) sum += x[t * columns + c] * faqbot_half_to_float(panel[c * 16]);
      y[t * rows + r] = sum + bias[r];
    }
}

size_t faqbot_attention_scratch_count(size_t tokens, size_t head_size) {
  size_t padded = (tokens + 15) / 16 * 16;
  return tokens * padded + head_size * padded;
}

#ifdef FAQBOT_X86
// One head of one sentence for heads of 32: the keys transposed into `keys` (32 x padded, zero
// past the last token) so that 4 queries times 16 keys are 8 sums in registers, each step one
// pair of key loads and 4 broadcasts; then the softmax; then 2 queries' weighted sums of the
// values (8 registers of 8) a step.
__attribute__((target("avx2,fma,f16c"))) static void attention_head_32(const float *queries, const float *keysIn,
                                                                   const float *values, size_t stride,
                                                                   size_t tokens, float scale, float *scores,
                                                                   float *keys, float *context,
                                                                   size_t ldc) {
  size_t padded = (tokens + 15) / 16 * 16;
  for (size_t d = 0; d < 32; d++) {
    float *row = keys + d * padded;
    for (size_t j = 0; j < tokens; j++) row[j] = keysIn[j * stride + d];
    for (size_t j = tokens; j < padded; j++) row[j] = 0;
  }
  __m256 factor = _mm256_set1_ps(scale);
  for (size_t i = 0; i < tokens; i += 4) {
    size_t group = tokens - i < 4 ? tokens - i : 4;
    for (size_t j = 0; j < padded; j += 16) {
      __m256 low[4], high[4];
      for (int g = 0; g < 4; g++) low[g] = high[g] = _mm256_setzero_ps();
      for (size_t d = 0; d < 32; d++) {
        __m256 k0 = _mm256_loadu_ps(keys + d * padded + j), k1 = _mm256_loadu_ps(keys + d * padded + j + 8);
        for (size_t g = 0; g < 4; g++) {
          if (g < group) {
            __m256 q = _mm256_broadcast_ss(queries + (i + g) * stride + d);
            low[g] = _mm256_fmadd_ps(q, k0, low[g]);
            high[g] = _mm256_fmadd_ps(q, k1, high[g]);
          }
        }
      }
      for (size_t g = 0; g < group; g++) {
        _mm256_storeu_ps(scores + (i + g) * padded + j, _mm256_mul_ps(low[g], factor));
        _mm256_storeu_ps(scores + (i + g) * padded + j + 8, _mm256_mul_ps(high[g], factor));
      }
    }
  }
  softmax_rows_avx2(scores, tokens, tokens, padded);
  for (size_t i = 0; i < tokens; i += 2) {
    size_t group = tokens - i < 2 ? tokens - i : 2;
    __m256 sum[2][4];
    for (int g = 0; g < 2; g++)
      for (int v = 0; v < 4; v++) sum[g][v] = _mm256_setzero_ps();
    for (size_t j = 0; j < tokens; j++) {
      const float *value = values + j * stride;
      __m256 v0 = _mm256_loadu_ps(value), v1 = _mm256_loadu_ps(value + 8);
      __m256 v2 = _mm256_loadu_ps(value + 16), v3 = _mm256_loadu_ps(value + 24);
      for (size_t g = 0; g < 2; g++) {
        if (g < group) {
          __m256 weight = _mm256_broadcast_ss(scores + (i + g) * padded + j);
          sum[g][0] = _mm256_fmadd_ps(weight, v0, sum[g][0]);
          sum[g][1] = _mm256_fmadd_ps(weight, v1, sum[g][1]);
          sum[g][2] = _mm256_fmadd_ps(weight, v2, sum[g][2]);
          sum[g][3] = _mm256_fmadd_ps(weight, v3, sum[g][3]);
        }
      }
    }
    for (size_t g = 0; g < group; g++)
      for (int v = 0; v < 4; v++) _mm256_storeu_ps(context + (i + g) * ldc + 8 * v, sum[g][v]);
  }
}
#endif

void faqbot_attention(const float *qkv, size_t tokens, size_t hidden, size_t heads, float *scratch,
                      float *context) {
  size_t size = hidden / heads, stride = 3 * hidden;
  size_t padded = (tokens + 15) / 16 * 16;
  float scale = 1 / sqrtf((float)size);
  float *scores = scratch, *keys = scratch + tokens * padded;
  for (size_t head = 0; head < heads; head++) {
    const float *queries = qkv + head * size;
#ifdef FAQBOT_X86
    if (size == 32 && faqbot_kernels_have_avx2()) {
      attention_head_32(queries, queries + hidden, queries + 2 * hidden, stride, tokens, scale, scores, keys,
                        context + head * size, hidden);
      continue;
    }
#endif
    faqbot_f32_scores(queries, stride, queries + hidden, stride, tokens, tokens, size, scale, scores, tokens);
    faqbot_softmax_rows(scores, tokens, tokens, tokens);
    faqbot_f32_weighted_sum(scores, tokens, queries + 2 * hidden, stride, tokens, size, tokens,
                            context + head * size, hidden);
  }
}

void faqbot_release_pages(const void *start, size_t bytes) {
#if defined(__linux__)
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  uintptr_t first = ((uintptr_t)start + page - 1) / page * page, end = ((uintptr_t)start + bytes) / page * page;
  if (end > first) madvise((void *)first, end - first, MADV_DONTNEED);
#else
  (void)start;
  (void)bytes;
#endif
}

void faqbot_advise_huge_pages(void *start, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  madvise(start, bytes, MADV_HUGEPAGE);
#else
  (void)start;
  (void)bytes;
#endif
}
