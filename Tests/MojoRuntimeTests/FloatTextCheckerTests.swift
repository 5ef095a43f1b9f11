//! A randomized exact check of Float64 text (LANGUAGE.md §12.1): 40,000 seeded doubles (raw bit
//! patterns, moderate exponents, decimal-looking values, powers of two and neighbours of powers
//! of ten) go through mojo_rt_str_from_float, and a C checker verifies each text with big-integer
//! arithmetic: inside the closed rounding interval, no decimal with fewer digits inside it, the
//! nearer of the two candidates with ties going up, and the layout rules. The checker verifies
//! rather than generates, so it shares no algorithm with the runtime's digit generation.

import Testing

/// The checker program; prints "checked N values, F failures" and up to ten failing values.
private let checkerProgram = #"""
#include <stdio.h>
#define COUNT 40000
/* Exact checker of §12.1: verifies each text against the value with big-integer arithmetic
   (closed interval, no shorter decimal, nearest candidate with ties up, layout), independently
   of how the runtime finds its digits. */
typedef struct Big { int n; uint32_t w[100]; } Big;
static void b_set(Big *a, uint64_t v) { a->n = 0; while (v) { a->w[a->n++] = (uint32_t)v; v >>= 32; } }
static void b_mul(Big *a, uint32_t m) {
  uint64_t c = 0;
  for (int k = 0; k < a->n; k++) { c += (uint64_t)a->w[k] * m; a->w[k] = (uint32_t)c; c >>= 32; }
  if (c) a->w[a->n++] = (uint32_t)c;
}
static void b_pow2(Big *a, int p) { for (; p >= 31; p -= 31) b_mul(a, 1u << 31); b_mul(a, 1u << p); }
static void b_pow10(Big *a, int p) { for (; p >= 9; p -= 9) b_mul(a, 1000000000u); while (p-- > 0) b_mul(a, 10); }
static int b_cmp(const Big *a, const Big *b) {
  if (a->n != b->n) return a->n < b->n ? -1 : 1;
  for (int k = a->n - 1; k >= 0; k--) if (a->w[k] != b->w[k]) return a->w[k] < b->w[k] ? -1 : 1;
  return 0;
}
static Big b_add(const Big *a, const Big *b) {
  Big r; uint64_t c = 0; int n = a->n > b->n ? a->n : b->n;
  for (int k = 0; k < n; k++) {
    c += (uint64_t)(k < a->n ? a->w[k] : 0) + (k < b->n ? b->w[k] : 0);
    r.w[k] = (uint32_t)c; c >>= 32;
  }
  r.n = n; if (c) r.w[r.n++] = (uint32_t)c;
  return r;
}
static Big b_sub(const Big *a, const Big *b) { /* a >= b */
  Big r; int64_t br = 0;
  for (int k = 0; k < a->n; k++) {
    int64_t d = (int64_t)a->w[k] - (k < b->n ? b->w[k] : 0) - br;
    br = d < 0; r.w[k] = (uint32_t)(d + (br << 32));
  }
  r.n = a->n; while (r.n && !r.w[r.n - 1]) r.n--;
  return r;
}
static Big scaled(uint64_t m, int p2, int p10) { Big a; b_set(&a, m); b_pow2(&a, p2); b_pow10(&a, p10); return a; }

/* Rebuilds the §12.1 layout of digits D (n of them) with exponent E. */
static void layout(const char *D, int n, int E, char *out) {
  char *o = out;
  if (E < -4 || E > 15) {
    *o++ = D[0];
    if (n > 1) { *o++ = '.'; memcpy(o, D + 1, n - 1); o += n - 1; }
    o += sprintf(o, "e%c%02d", E < 0 ? '-' : '+', E < 0 ? -E : E);
  } else if (E < 0) {
    *o++ = '0'; *o++ = '.';
    for (int k = 0; k < -E - 1; k++) *o++ = '0';
    memcpy(o, D, n); o += n;
  } else if (n <= E + 1) {
    memcpy(o, D, n); o += n;
    for (int k = 0; k < E + 1 - n; k++) *o++ = '0';
    *o++ = '.'; *o++ = '0';
  } else {
    memcpy(o, D, E + 1); o += E + 1; *o++ = '.'; memcpy(o, D + E + 1, n - E - 1); o += n - E - 1;
  }
  *o = 0;
}

/* Returns NULL when `text` is the §12.1 text of the positive finite x, else the reason. */
static const char *check(double x, const char *text) {
  char digits[40]; int n = 0, point = -1, exp10 = 0;
  const char *p = text;
  for (; *p && *p != 'e'; p++) {
    if (*p == '.') point = n; else if (*p >= '0' && *p <= '9') digits[n++] = *p; else return "bad character";
  }
  if (*p == 'e') exp10 = atoi(p + 1);
  if (point < 0) point = n;
  int lead = 0; while (lead < n && digits[lead] == '0') lead++;
  while (n > lead && digits[n - 1] == '0') n--;
  if (n == lead) return "no digits";
  char D[40]; int nd = n - lead; memcpy(D, digits + lead, nd);
  int E = exp10 + point - lead - 1;           /* exponent of the first significant digit */
  int q = E - nd + 1;                          /* exponent of the last digit */
  char rebuilt[64]; layout(D, nd, E, rebuilt);
  if (strcmp(rebuilt, text) != 0) return "layout";
  if (nd > 17) return "more than 17 digits";
  uint64_t Dv = 0; for (int k = 0; k < nd; k++) Dv = Dv * 10 + (uint64_t)(D[k] - '0');

  uint64_t bits; memcpy(&bits, &x, 8);
  int biased = (int)(bits >> 52); uint64_t frac = bits & ((1ULL << 52) - 1);
  uint64_t f = biased ? frac | (1ULL << 52) : frac; int e = (biased ? biased : 1) - 1075;
  int unequal = frac == 0 && biased > 1;
  int P2 = 2 - e > 0 ? 2 - e : 0, P10 = -(q - 1) > 0 ? -(q - 1) : 0;
  Big V = scaled(4 * f, e - 2 + P2, P10);
  Big L = scaled(4 * f - (unequal ? 1 : 2), e - 2 + P2, P10);
  Big H = scaled(4 * f + 2, e - 2 + P2, P10);
  Big Dd = scaled(Dv, P2, q + P10);
  Big U = scaled(1, P2, q + P10), U10 = scaled(1, P2, q + 1 + P10), Usub = scaled(1, P2, q - 1 + P10);
  if (b_cmp(&Dd, &L) < 0 || b_cmp(&Dd, &H) > 0) return "outside the closed interval";
  Big Dlo = scaled(Dv / 10, P2, q + 1 + P10), Dhi = b_add(&Dlo, &U10);
  if (b_cmp(&Dlo, &L) >= 0 || b_cmp(&Dhi, &H) <= 0) return "a shorter decimal lies in the interval";
  int side = b_cmp(&Dd, &V);
  if (side < 0) {
    Big other = b_add(&Dd, &U);
    if (b_cmp(&other, &V) <= 0) return "not the nearest from below";
    if (b_cmp(&other, &H) <= 0) {
      Big below = b_sub(&V, &Dd), above = b_sub(&other, &V);
      if (b_cmp(&below, &above) >= 0) return "the candidate above is nearer or ties";
    }
  } else if (side > 0) {
    Big other = b_sub(&Dd, (nd == 1 && Dv == 1) ? &Usub : &U);
    if (b_cmp(&other, &V) >= 0) return "not the nearest from above";
    if (b_cmp(&other, &L) >= 0) {
      Big above = b_sub(&Dd, &V), below = b_sub(&V, &other);
      if (b_cmp(&above, &below) > 0) return "the candidate below is nearer";
    }
  }
  return NULL;
}

static uint64_t state = 0x9e3779b97f4a7c15ULL;
static uint64_t next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }

/* Random doubles: raw bit patterns, moderate exponents, decimal-looking values, powers of two and
   neighbours of powers of ten (with their neighbours). */
static double sample(int k) {
  uint64_t r = next(), bits;
  double x;
  switch (k % 5) {
  case 0: bits = r; break;
  case 1: bits = (r & ((1ULL << 52) - 1)) | ((uint64_t)(1023 - 70 + (r >> 52) % 190) << 52); break;
  case 2: { double m = (double)(r >> 11 >> (r % 50)); int s = (int)(next() % 40); x = m;
            for (int j = 0; j < s; j++) x /= 10.0; return x; }
  case 3: bits = (((r >> 12) % 2046 + 1) << 52) + (r % 3) - 1; break; /* powers of two +-1 ulp */
  default: { x = 1.0; int s = (int)(r % 600) - 300; for (int j = 0; j < (s < 0 ? -s : s); j++) x = s < 0 ? x / 10.0 : x * 10.0;
             memcpy(&bits, &x, 8); bits += (next() % 7) - 3; break; }
  }
  memcpy(&x, &bits, 8);
  return x;
}

void mojo_main(void) {
  int checked = 0, failures = 0;
  char line[200];
  for (int k = 0; k < COUNT; k++) {
    double x = sample(k);
    uint64_t bits; memcpy(&bits, &x, 8);
    bits &= ~(1ULL << 63);
    memcpy(&x, &bits, 8);
    if (x != x || x == 0.0 || x > 1.7976931348623157e308) continue;
    const MojoString *t = mojo_rt_str_from_float((k & 8) ? -x : x);
    char text[64]; int len = (int)t->length; memcpy(text, t->bytes, len); text[len] = 0;
    const char *body = text;
    if (k & 8) { if (text[0] != '-') { body = "?"; } else body = text + 1; }
    const char *why = check(x, body);
    checked++;
    if (why) {
      if (++failures <= 10) { sprintf(line, "FAIL %016llx %s: %s\n", (unsigned long long)bits, text, why); mojo_rt_print_string(lit(line)); }
    }
  }
  sprintf(line, "checked %d values, %d failures\n", checked, failures);
  mojo_rt_print_string(lit(line));
}
"""#

@Test("40,000 random doubles print exactly as §12.1 requires (big-integer checker)")
func randomFloatTextIsExact() throws {
  let run = try RuntimeHarness.run(checkerProgram)
  #expect(run.status == 0, "\(run.stderr)")
  let summary = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
  // Zero and NaN draws are skipped, so a little under COUNT values are checked.
  let numbers = summary.split(separator: " ").compactMap { Int($0) }
  #expect(summary.hasPrefix("checked ") && numbers.count == 2, "\(run.stdout)")
  #expect(numbers.first ?? 0 > 39_000, "\(run.stdout)")
  #expect(numbers.last == 0, "\(run.stdout)")
}
