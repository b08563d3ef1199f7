// The int16 panel kernel: the linear layers on AVX-512 VNNI's vpdpwssd, two int16 multiply-adds
// into an int32 lane per instruction, twice f32 FMA's rate on the same registers. The weights
// stay 2 bytes a number (as the f16 panels: a short question streams 21 MB either way), so the
// gain is in the arithmetic, which is what a short question is bound by on a core with VNNI.
// docs/performance.md ("int16 panels") has the measurements and the parity.
//
// Numbers: each weight row is scaled to ±8191 (its largest magnitude maps to 8191), each
// token's input row likewise, when the layer runs; sums go into int32 32 columns at a time, so
// no sum can overflow (32 · 8191² < 2³¹), and each 32-column sum is added to a float. The
// result is the integer sum times both scales plus the bias. Integer sums are exact and every
// float step happens in the same order in the portable loop, so the two give the same bits,
// and a token's outputs do not depend on the other tokens of its batch.
#include "CEncoderKernels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define FAQBOT_X86 1
#endif

enum {
  /// The largest quantised magnitude: 32 columns of products of two stay below 2^31.
  quantised_limit = 8191,
  /// Columns summed in int32 before the sum is added to a float.
  chunk_columns = 32,
  /// Rows a group of panels holds: 4 panels of 16, one AVX-512 register of sums each.
  group_rows = 64,
};

static size_t padded_columns(size_t columns) { return (columns + chunk_columns - 1) / chunk_columns * chunk_columns; }
static size_t padded_rows(size_t rows) { return (rows + group_rows - 1) / group_rows * group_rows; }

size_t faqbot_i16_panels_count(size_t rows, size_t columns) { return padded_rows(rows) * padded_columns(columns); }

size_t faqbot_i16_scales_count(size_t rows) { return padded_rows(rows); }

size_t faqbot_i16_scratch_count(size_t tokens, size_t columns) { return tokens * padded_columns(columns); }

// Where weight (row, column) goes: group g = row / 64; within it, column pair k; within that,
// panel q = row % 64 / 16; then 16 rows of 2 columns (the pair vpdpwssd multiplies at once).
static size_t panel_index(size_t row, size_t column, size_t pc) {
  size_t g = row / group_rows, q = row % group_rows / 16, j = row % 16;
  return ((g * (pc / 2) + column / 2) * 4 + q) * 32 + j * 2 + column % 2;
}

// One value scaled by `inverse` and rounded to nearest even (lrintf, as the AVX-512 conversion
// rounds), within ±8191.
static inline int16_t quantised(float value, float inverse) {
  long q = lrintf(value * inverse);
  if (q > quantised_limit) q = quantised_limit;
  if (q < -quantised_limit) q = -quantised_limit;
  return (int16_t)q;
}

// One row of floats scaled to ±8191 into `out` (pc values, zero past `columns`); returns the
// scale that maps them back, 0 for a row of zeros. A token's inputs as a layer runs, and a
// weight row once widened from halves, go through it alike. The same arithmetic as the
// AVX-512 version below, value by value.
static float quantise_row_portable(const float *x, size_t columns, size_t pc, int16_t *out) {
  float largest = 0;
  for (size_t c = 0; c < columns; c++) largest = fmaxf(largest, fabsf(x[c]));
  memset(out, 0, pc * sizeof(int16_t));
  if (!(largest > 0) || !isfinite(largest)) return 0;
  float inverse = (float)quantised_limit / largest;
  for (size_t c = 0; c < columns; c++) out[c] = quantised(x[c], inverse);
  return largest / (float)quantised_limit;
}

// `columns` halves as floats (exact, either way).
static void widen_portable(const uint16_t *w, size_t columns, float *out) {
  for (size_t c = 0; c < columns; c++) out[c] = faqbot_half_to_float(w[c]);
}

#ifdef FAQBOT_X86
#define FAQBOT_AVX512 "avx512f,avx512bw,avx512vl,avx512vnni"

__attribute__((target(FAQBOT_AVX512))) static float quantise_row_avx512(const float *x, size_t columns, size_t pc,
                                                                       int16_t *out) {
  float largest = 0;
  size_t c = 0;
  __m512 top = _mm512_setzero_ps();
  for (; c + 16 <= columns; c += 16) top = _mm512_max_ps(top, _mm512_abs_ps(_mm512_loadu_ps(x + c)));
  largest = _mm512_reduce_max_ps(top);
  for (; c < columns; c++) largest = fmaxf(largest, fabsf(x[c]));
  memset(out, 0, pc * sizeof(int16_t));
  if (!(largest > 0) || !isfinite(largest)) return 0;
  float inverse = (float)quantised_limit / largest;
  __m512 scale = _mm512_set1_ps(inverse);
  __m512i high = _mm512_set1_epi32(quantised_limit), low = _mm512_set1_epi32(-quantised_limit);
  for (c = 0; c + 16 <= columns; c += 16) {
    // Rounded to nearest even, as lrintf in the portable loop.
    __m512i q = _mm512_cvtps_epi32(_mm512_mul_ps(_mm512_loadu_ps(x + c), scale));
    q = _mm512_max_epi32(_mm512_min_epi32(q, high), low);
    _mm256_storeu_si256((__m256i *)(out + c), _mm512_cvtepi32_epi16(q));
  }
  for (; c < columns; c++) out[c] = quantised(x[c], inverse);
  return largest / (float)quantised_limit;
}

// Packing runs at every start of the encoder (10 M weights): in scalar C it took about 100 ms,
// which `faqbot ask --encoder` paid; 16 halves a step with F16C's widening it is a few ms.
__attribute__((target("avx512f,f16c"))) static void widen_avx512(const uint16_t *w, size_t columns, float *out) {
  size_t c = 0;
  for (; c + 16 <= columns; c += 16)
    _mm512_storeu_ps(out + c, _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(w + c))));
  for (; c < columns; c++) out[c] = faqbot_half_to_float(w[c]);
}
#endif

typedef void (*faqbot_widen)(const uint16_t *, size_t, float *);
typedef float (*faqbot_quantise_row)(const float *, size_t, size_t, int16_t *);

// Packs each row, widened and quantised by the AVX-512 pair or the portable pair (the same values).
static void pack_panels(const uint16_t *w, size_t rows, size_t columns, int16_t *panels, float *scales,
                        faqbot_widen widen, faqbot_quantise_row quantise) {
  size_t pc = padded_columns(columns), pr = padded_rows(rows);
  // Every value is written below unless there are padded rows or columns (all-MiniLM-L6-v2's
  // shapes have none), so the zeroing pass over the panels is only for those.
  if (pr != rows || pc != columns) memset(panels, 0, pr * pc * sizeof(int16_t));
  float *wide = malloc(columns * sizeof(float));
  int16_t *row = malloc(pc * sizeof(int16_t));
  if (wide == NULL || row == NULL) abort();  // out of memory for one row: as Swift's own allocations do
  for (size_t r = 0; r < pr; r++) {
    scales[r] = 0;
    if (r >= rows) continue;
    widen(w + r * columns, columns, wide);
    scales[r] = quantise(wide, columns, pc, row);
    // Each pair of columns is one 32-bit slot of the row's panel, 128 values after the last.
    int16_t *slot = panels + panel_index(r, 0, pc);
    for (size_t c = 0; c < columns; c += 2, slot += 4 * 32) {
      slot[0] = row[c];
      slot[1] = c + 1 < columns ? row[c + 1] : 0;
    }
  }
  free(wide);
  free(row);
}

void faqbot_i16_pack_panels(const uint16_t *w, size_t rows, size_t columns, int16_t *panels, float *scales) {
#ifdef FAQBOT_X86
  if (faqbot_kernels_have_avx512_vnni()) {
    pack_panels(w, rows, columns, panels, scales, widen_avx512, quantise_row_avx512);
    return;
  }
#endif
  pack_panels(w, rows, columns, panels, scales, widen_portable, quantise_row_portable);
}

void faqbot_i16_pack_panels_portable(const uint16_t *w, size_t rows, size_t columns, int16_t *panels,
                                     float *scales) {
  pack_panels(w, rows, columns, panels, scales, widen_portable, quantise_row_portable);
}

void faqbot_i16_panel_linear_portable(const float *x, size_t tokens, size_t columns, const int16_t *panels,
                                      const float *scales, const float *bias, size_t rows, float *y,
                                      int16_t *scratch, float *token_scales) {
  size_t pc = padded_columns(columns);
  for (size_t t = 0; t < tokens; t++)
    token_scales[t] = quantise_row_portable(x + t * columns, columns, pc, scratch + t * pc);
  for (size_t t = 0; t < tokens; t++) {
    const int16_t *in = scratch + t * pc;
    for (size_t r = 0; r < rows; r++) {
      float sum = 0;
      for (size_t c0 = 0; c0 < pc; c0 += chunk_columns) {
        int32_t chunk = 0;
        for (size_t c = c0; c < c0 + chunk_columns; c++) chunk += (int32_t)in[c] * panels[panel_index(r, c, pc)];
        sum += (float)chunk;
      }
      y[t * rows + r] = fmaf(sum, token_scales[t] * scales[r], bias[r]);
    }
  }
}

#ifdef FAQBOT_X86
// MR tokens times one group (64 rows): 4 MR int32 sums for the current 32 columns and 4 MR
// float totals, 8 MR of the 32 registers (MR <= 3). Each step of 2 columns loads the group's 4
// registers of weights once and multiplies them by each token's broadcast pair.
#define FAQBOT_I16_TILE(MR)                                                                             \
  __attribute__((target(FAQBOT_AVX512))) static void i16_tile_##MR(                                    \
      const int16_t *x, size_t pc, const int16_t *group, const float *token_scales, const float *scales, \
      const float *bias, float *y, size_t ldy, size_t valid) {                                          \
    __m512 total[4][MR];                                                                                \
    for (int q = 0; q < 4; q++)                                                                         \
      for (int t = 0; t < MR; t++) total[q][t] = _mm512_setzero_ps();                                   \
    for (size_t c0 = 0; c0 < pc; c0 += chunk_columns) {                                                 \
      __m512i sum[4][MR];                                                                               \
      for (int q = 0; q < 4; q++)                                                                       \
        for (int t = 0; t < MR; t++) sum[q][t] = _mm512_setzero_si512();                                \
      for (size_t c = c0; c < c0 + chunk_columns; c += 2) {                                             \
        const int16_t *step = group + (c / 2) * 4 * 32;                                                 \
        __m512i w[4];                                                                                   \
        for (int q = 0; q < 4; q++) w[q] = _mm512_load_si512((const void *)(step + q * 32));            \
        for (int t = 0; t < MR; t++) {                                                                  \
          int32_t pair;                                                                                 \
          memcpy(&pair, x + t * pc + c, sizeof pair);                                                   \
          __m512i in = _mm512_set1_epi32(pair);                                                         \
          for (int q = 0; q < 4; q++) sum[q][t] = _mm512_dpwssd_epi32(sum[q][t], in, w[q]);             \
        }                                                                                               \
      }                                                                                                 \
      for (int q = 0; q < 4; q++)                                                                       \
        for (int t = 0; t < MR; t++) total[q][t] = _mm512_add_ps(total[q][t], _mm512_cvtepi32_ps(sum[q][t])); \
    }                                                                                                   \
    for (int t = 0; t < MR; t++) {                                                                      \
      __m512 ts = _mm512_set1_ps(token_scales[t]);                                                      \
      for (int q = 0; q < 4; q++) {                                                                     \
        __m512 s = _mm512_mul_ps(ts, _mm512_loadu_ps(scales + q * 16));                                 \
        float row[16];                                                                                  \
        if (valid >= (size_t)(q + 1) * 16) {                                                            \
          _mm512_storeu_ps(y + t * ldy + q * 16,                                                        \
                           _mm512_fmadd_ps(total[q][t], s, _mm512_loadu_ps(bias + q * 16)));            \
        } else if (valid > (size_t)q * 16) {                                                            \
          size_t n = valid - (size_t)q * 16;                                                            \
          float b[16] = {0};                                                                            \
          memcpy(b, bias + q * 16, n * sizeof(float));                                                  \
          _mm512_storeu_ps(row, _mm512_fmadd_ps(total[q][t], s, _mm512_loadu_ps(b)));                   \
          memcpy(y + t * ldy + q * 16, row, n * sizeof(float));                                         \
        }                                                                                               \
      }                                                                                                 \
    }                                                                                                   \
  }

FAQBOT_I16_TILE(1)
FAQBOT_I16_TILE(2)
FAQBOT_I16_TILE(3)

typedef void (*faqbot_i16_tile)(const int16_t *, size_t, const int16_t *, const float *, const float *,
                                const float *, float *, size_t, size_t);

__attribute__((target(FAQBOT_AVX512))) static void i16_panel_linear_avx512(
    const float *x, size_t tokens, size_t columns, const int16_t *panels, const float *scales, const float *bias,
    size_t rows, float *y, int16_t *scratch, float *token_scales) {
  static const faqbot_i16_tile tiles[4] = {0, i16_tile_1, i16_tile_2, i16_tile_3};
  size_t pc = padded_columns(columns), groups = padded_rows(rows) / group_rows;
  for (size_t t = 0; t < tokens; t++) token_scales[t] = quantise_row_avx512(x + t * columns, columns, pc, scratch + t * pc);
  // Tokens in blocks whose inputs stay in the level-2 cache (256 KB of int16) while each group
  // of weights, read once from memory for the block, passes over all of them.
  size_t block = (size_t)256 * 1024 / (pc * sizeof(int16_t));
  if (block < 3) block = 3;
  for (size_t first = 0; first < tokens; first += block) {
    size_t last = first + block < tokens ? first + block : tokens, count = last - first;
    // Tiles of at most 3 tokens, as even as possible (13 tokens: 3, 3, 3, 2, 2).
    size_t tileCount = (count + 2) / 3;
    for (size_t g = 0; g < groups; g++) {
      size_t valid = rows - g * group_rows < group_rows ? rows - g * group_rows : group_rows;
      for (size_t tile = 0; tile < tileCount; tile++) {
        size_t start = first + tile * count / tileCount, end = first + (tile + 1) * count / tileCount;
        tiles[end - start](scratch + start * pc, pc, panels + g * group_rows * pc, token_scales + start,
                           scales + g * group_rows, bias + g * group_rows, y + start * rows + g * group_rows, rows,
                           valid);
      }
    }
  }
}
#endif

int faqbot_kernels_have_avx512_vnni(void) {
#ifdef FAQBOT_X86
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vnni");
#else
  return 0;
#endif
}

void faqbot_i16_panel_linear(const float *x, size_t tokens, size_t columns, const int16_t *panels,
                             const float *scales, const float *bias, size_t rows, float *y, int16_t *scratch,
                             float *token_scales) {
#ifdef FAQBOT_X86
  if (faqbot_kernels_have_avx512_vnni()) {
    i16_panel_linear_avx512(x, tokens, columns, panels, scales, bias, rows, y, scratch, token_scales);
    return;
  }
#endif
  faqbot_i16_panel_linear_portable(x, tokens, columns, panels, scales, bias, rows, y, scratch, token_scales);
}
