// The nearest training question's search (NearestExample in FAQBotMatching): the largest dot
// product between a question's vector and rows of IEEE halves, the examples' vectors as the
// model file stores them (f16 halves the bytes a question reads and the model's memory). In C
// for the same reason as the panel kernel: F16C's widening and FMA only in a version chosen at
// run time. docs/performance.md has what it measured.
#include "CEncoderKernels.h"

#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>

// 32 columns a step in 4 independent sums (one FMA chain each would wait on its latency), then
// 8 a step, then one by one.
__attribute__((target("avx2,fma,f16c"))) static float max_dot_avx2(const uint16_t *rows, size_t count,
                                                                    size_t dimensions, const float *x) {
  float best = -INFINITY;
  for (size_t r = 0; r < count; r++) {
    const uint16_t *row = rows + r * dimensions;
    __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps(), s2 = _mm256_setzero_ps(),
           s3 = _mm256_setzero_ps();
    size_t d = 0;
    for (; d + 32 <= dimensions; d += 32) {
      s0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + d))),
                           _mm256_loadu_ps(x + d), s0);
      s1 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + d + 8))),
                           _mm256_loadu_ps(x + d + 8), s1);
      s2 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + d + 16))),
                           _mm256_loadu_ps(x + d + 16), s2);
      s3 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + d + 24))),
                           _mm256_loadu_ps(x + d + 24), s3);
    }
    for (; d + 8 <= dimensions; d += 8)
      s0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + d))),
                           _mm256_loadu_ps(x + d), s0);
    __m256 s = _mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3));
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_movehdup_ps(h));
    float sum = _mm_cvtss_f32(h);
    for (; d < dimensions; d++) sum += _cvtsh_ss(row[d]) * x[d];
    if (sum > best) best = sum;
  }
  return best;
}
#endif

float faqbot_f16_max_dot(const uint16_t *rows, size_t count, size_t dimensions, const float *x) {
#if defined(__x86_64__)
  if (faqbot_kernels_have_avx2()) return max_dot_avx2(rows, count, dimensions, x);
#endif
  float best = -INFINITY;
  for (size_t r = 0; r < count; r++) {
    const uint16_t *row = rows + r * dimensions;
    float sum = 0;
    for (size_t d = 0; d < dimensions; d++) sum += faqbot_half_to_float(row[d]) * x[d];
    if (sum > best) best = sum;
  }
  return best;
}
