// SHA-256 block compression with the x86 SHA extensions (SHA-NI), for the action cache's
// digests (MojoDriver/Caching/SHA256.swift falls back to Swift where they are missing).
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (and SSE4.1), else 0.
int mojoc_sha256_has_hardware(void);

/// Hashes `blocks` 64-byte blocks at `data` into `state` (a, b, ..., h). Only call when
/// `mojoc_sha256_has_hardware()` returned 1.
void mojoc_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
