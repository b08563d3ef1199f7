// The classifier's score accumulation in C, for the same reason as the encoder's kernels: Swift
// compiles for the x86-64 baseline (SSE2, 4 floats a step), while C can carry AVX-512 and AVX2
// versions chosen at run time (16 and 8 floats a step). It was a sixth of a CLINC150 JSON run's
// samples. No fused multiply-add anywhere: each lane does the multiplications and additions of
// the Swift loop in its order, so the scores, the answers and a trained model file are the same
// bits whichever version runs (docs/performance.md, "Eighth round: the classifier's rows").
#include "CMatchingKernels.h"

#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__)
#include <immintrin.h>
#define FAQBOT_X86 1
#endif

void faqbot_add_rows_portable(const int32_t *features, const float *values, size_t count, float scale,
                              const float *weights, size_t classes, float *y) {
  size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    const float *r0 = weights + (size_t)features[i] * classes, *r1 = weights + (size_t)features[i + 1] * classes;
    const float *r2 = weights + (size_t)features[i + 2] * classes, *r3 = weights + (size_t)features[i + 3] * classes;
    float a0 = values[i] * scale, a1 = values[i + 1] * scale, a2 = values[i + 2] * scale, a3 = values[i + 3] * scale;
    for (size_t c = 0; c < classes; c++) {
      float t = a0 * r0[c];
      t = t + a1 * r1[c];
      t = t + a2 * r2[c];
      t = t + a3 * r3[c];
      y[c] = y[c] + t;
    }
  }
  for (; i < count; i++) faqbot_add_scaled(values[i] * scale, weights + (size_t)features[i] * classes, classes, y);
}

#ifdef FAQBOT_X86
__attribute__((target("avx512f"))) static void add_rows_avx512(const int32_t *features, const float *values,
                                                               size_t count, float scale, const float *weights,
                                                               size_t classes, float *y) {
  size_t i = 0;
  size_t tail = classes % 16;
  __mmask16 mask = (__mmask16)((1u << tail) - 1);
  for (; i + 4 <= count; i += 4) {
    const float *r0 = weights + (size_t)features[i] * classes, *r1 = weights + (size_t)features[i + 1] * classes;
    const float *r2 = weights + (size_t)features[i + 2] * classes, *r3 = weights + (size_t)features[i + 3] * classes;
    __m512 a0 = _mm512_set1_ps(values[i] * scale), a1 = _mm512_set1_ps(values[i + 1] * scale);
    __m512 a2 = _mm512_set1_ps(values[i + 2] * scale), a3 = _mm512_set1_ps(values[i + 3] * scale);
    size_t c = 0;
    for (; c + 16 <= classes; c += 16) {
      __m512 t = _mm512_mul_ps(a0, _mm512_loadu_ps(r0 + c));
      t = _mm512_add_ps(t, _mm512_mul_ps(a1, _mm512_loadu_ps(r1 + c)));
      t = _mm512_add_ps(t, _mm512_mul_ps(a2, _mm512_loadu_ps(r2 + c)));
      t = _mm512_add_ps(t, _mm512_mul_ps(a3, _mm512_loadu_ps(r3 + c)));
      _mm512_storeu_ps(y + c, _mm512_add_ps(_mm512_loadu_ps(y + c), t));
    }
    if (tail) {
      __m512 t = _mm512_mul_ps(a0, _mm512_maskz_loadu_ps(mask, r0 + c));
      t = _mm512_add_ps(t, _mm512_mul_ps(a1, _mm512_maskz_loadu_ps(mask, r1 + c)));
      t = _mm512_add_ps(t, _mm512_mul_ps(a2, _mm512_maskz_loadu_ps(mask, r2 + c)));
      t = _mm512_add_ps(t, _mm512_mul_ps(a3, _mm512_maskz_loadu_ps(mask, r3 + c)));
      _mm512_mask_storeu_ps(y + c, mask, _mm512_add_ps(_mm512_maskz_loadu_ps(mask, y + c), t));
    }
  }
  for (; i < count; i++) {
    const float *x = weights + (size_t)features[i] * classes;
    __m512 a = _mm512_set1_ps(values[i] * scale);
    size_t c = 0;
    for (; c + 16 <= classes; c += 16)
      _mm512_storeu_ps(y + c, _mm512_add_ps(_mm512_loadu_ps(y + c), _mm512_mul_ps(a, _mm512_loadu_ps(x + c))));
    if (tail)
      _mm512_mask_storeu_ps(y + c, mask,
                            _mm512_add_ps(_mm512_maskz_loadu_ps(mask, y + c),
                                          _mm512_mul_ps(a, _mm512_maskz_loadu_ps(mask, x + c))));
  }
}

__attribute__((target("avx2"))) static void add_rows_avx2(const int32_t *features, const float *values,
                                                           size_t count, float scale, const float *weights,
                                                           size_t classes, float *y) {
  size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    const float *r0 = weights + (size_t)features[i] * classes, *r1 = weights + (size_t)features[i + 1] * classes;
    const float *r2 = weights + (size_t)features[i + 2] * classes, *r3 = weights + (size_t)features[i + 3] * classes;
    float s0 = values[i] * scale, s1 = values[i + 1] * scale, s2 = values[i + 2] * scale, s3 = values[i + 3] * scale;
    __m256 a0 = _mm256_set1_ps(s0), a1 = _mm256_set1_ps(s1), a2 = _mm256_set1_ps(s2), a3 = _mm256_set1_ps(s3);
    size_t c = 0;
    for (; c + 8 <= classes; c += 8) {
      __m256 t = _mm256_mul_ps(a0, _mm256_loadu_ps(r0 + c));
      t = _mm256_add_ps(t, _mm256_mul_ps(a1, _mm256_loadu_ps(r1 + c)));
      t = _mm256_add_ps(t, _mm256_mul_ps(a2, _mm256_loadu_ps(r2 + c)));
      t = _mm256_add_ps(t, _mm256_mul_ps(a3, _mm256_loadu_ps(r3 + c)));
      _mm256_storeu_ps(y + c, _mm256_add_ps(_mm256_loadu_ps(y + c), t));
    }
    for (; c < classes; c++) {
      float t = s0 * r0[c];
      t = t + s1 * r1[c];
      t = t + s2 * r2[c];
      t = t + s3 * r3[c];
      y[c] = y[c] + t;
    }
  }
  for (; i < count; i++) {
    const float *x = weights + (size_t)features[i] * classes;
    float s = values[i] * scale;
    __m256 a = _mm256_set1_ps(s);
    size_t c = 0;
    for (; c + 8 <= classes; c += 8)
      _mm256_storeu_ps(y + c, _mm256_add_ps(_mm256_loadu_ps(y + c), _mm256_mul_ps(a, _mm256_loadu_ps(x + c))));
    for (; c < classes; c++) y[c] = y[c] + s * x[c];
  }
}

static int have_avx512(void) { return __builtin_cpu_supports("avx512f"); }

__attribute__((target("avx512f"))) static void add_scaled_int8_avx512(float a, const int8_t *x, size_t n,
                                                                      float *y) {
  __m512 scale = _mm512_set1_ps(a);
  size_t c = 0;
  for (; c + 16 <= n; c += 16) {
    __m512 value = _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128((const __m128i *)(x + c))));
    _mm512_storeu_ps(y + c, _mm512_add_ps(_mm512_loadu_ps(y + c), _mm512_mul_ps(scale, value)));
  }
  for (; c < n; c++) y[c] = y[c] + a * (float)x[c];
}
static int have_avx2(void) { return __builtin_cpu_supports("avx2"); }
#endif

void faqbot_add_rows(const int32_t *features, const float *values, size_t count, float scale,
                     const float *weights, size_t classes, float *scores) {
#ifdef FAQBOT_X86
  if (have_avx512()) {
    add_rows_avx512(features, values, count, scale, weights, classes, scores);
    return;
  }
  if (have_avx2()) {
    add_rows_avx2(features, values, count, scale, weights, classes, scores);
    return;
  }
#endif
  faqbot_add_rows_portable(features, values, count, scale, weights, classes, scores);
}

void faqbot_add_scaled_int8(float a, const int8_t *x, size_t n, float *y) {
#ifdef FAQBOT_X86
  if (have_avx512()) {
    add_scaled_int8_avx512(a, x, n, y);
    return;
  }
#endif
  for (size_t c = 0; c < n; c++) y[c] = y[c] + a * (float)x[c];
}

void faqbot_add_scaled(float a, const float *x, size_t n, float *y) {
  for (size_t c = 0; c < n; c++) y[c] = y[c] + a * x[c];
}
