// This core's multiply-add rates, for docs/performance.md ("Where one question's time goes"):
// f32 FMA (the encoder's panel kernel) against AVX2's int16 multiply-add (vpmaddwd + vpaddd,
// what int16 weights and activations would use; AVX2 has no VNNI). Ten independent
// accumulators, so the rate is throughput, not latency.
//
//   clang -O2 -o /tmp/multiply_add_rate Benchmarks/experiments/multiply_add_rate.c
//   taskset -c 1 /tmp/multiply_add_rate
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

#define STEPS 200000000L

__attribute__((target("avx2,fma"))) static float fma_rate(float seed) {
  __m256 sums[10], x = _mm256_set1_ps(seed), y = _mm256_set1_ps(0.999f);
  for (int i = 0; i < 10; i++) sums[i] = _mm256_set1_ps((float)i);
  for (long n = 0; n < STEPS; n++)
    for (int i = 0; i < 10; i++) sums[i] = _mm256_fmadd_ps(x, y, sums[i]);
  __m256 s = sums[0];
  for (int i = 1; i < 10; i++) s = _mm256_add_ps(s, sums[i]);
  float out[8];
  _mm256_storeu_ps(out, s);
  return out[0];
}

__attribute__((target("avx2"))) static int madd_rate(int seed) {
  __m256i sums[10], x[10], y = _mm256_set1_epi16(3);
  for (int i = 0; i < 10; i++) {
    sums[i] = _mm256_set1_epi32(i);
    x[i] = _mm256_set1_epi16((short)(seed + i));
  }
  for (long n = 0; n < STEPS; n++) {
    for (int i = 0; i < 10; i++) sums[i] = _mm256_add_epi32(sums[i], _mm256_madd_epi16(x[i], y));
    y = _mm256_add_epi16(y, x[0]);
  }
  __m256i s = sums[0];
  for (int i = 1; i < 10; i++) s = _mm256_add_epi32(s, sums[i]);
  int out[8];
  _mm256_storeu_si256((__m256i *)out, s);
  return out[0];
}

int main(void) {
  double start = now();
  float f = fma_rate(1.0f);
  double fma = now() - start;
  start = now();
  int m = madd_rate(1);
  double madd = now() - start;
  // One FMA is 8 multiply-adds; one vpmaddwd is 16.
  printf("f32 FMA:           %.1f G multiply-adds/s (%.1f GFLOP/s)  [%g]\n", STEPS * 80 / fma / 1e9,
         STEPS * 160 / fma / 1e9, f);
  printf("int16 vpmaddwd:    %.1f G multiply-adds/s  [%d]\n", STEPS * 160 / madd / 1e9, m);
  return 0;
}
