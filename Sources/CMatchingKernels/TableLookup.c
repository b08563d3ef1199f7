// FeatureTable's lookups for a whole question at once: a question's few hundred feature keys
// each land in a random slot of a table of several MB, so nearly every probe waits on memory.
// Here the home slots of a group of keys are computed and prefetched first, then probed, so
// the waits overlap instead of following one another. The probing is FeatureTable's
// subscript: linear from the home slot to the key or an empty slot.
#include "CMatchingKernels.h"

#include <string.h>

enum { group = 16 };

size_t faqbot_table_home(uint64_t key, unsigned shift) { return (size_t)((key * 0x9E3779B97F4A7C15ull) >> shift); }

void faqbot_table_lookup(const void *slots, size_t capacity, unsigned shift, const uint64_t *keys, size_t count,
                         int32_t *out) {
  const unsigned char *base = slots;
  size_t mask = capacity - 1;
  for (size_t first = 0; first < count; first += group) {
    size_t last = first + group < count ? first + group : count;
    size_t start[group];
    for (size_t i = first; i < last; i++) {
      start[i - first] = faqbot_table_home(keys[i], shift);
      __builtin_prefetch(base + start[i - first] * 16);
    }
    for (size_t i = first; i < last; i++) {
      size_t slot = start[i - first];
      int32_t found = -1;
      for (;;) {
        uint64_t key;
        int32_t value;
        memcpy(&key, base + slot * 16, sizeof key);
        memcpy(&value, base + slot * 16 + 8, sizeof value);
        if (value < 0) break;
        if (key == keys[i]) {
          found = value;
          break;
        }
        slot = (slot + 1) & mask;
      }
      out[i] = found;
    }
  }
}
