#pragma once
// PLANLINT_UNDER_SANITIZER is defined when this code is built under AddressSanitizer, ThreadSanitizer or
// MemorySanitizer: their runtimes replace malloc and reserve terabytes of address space. GCC says so with
// macros, clang through __has_feature (README's ASan build uses GCC; CI's sanitizer build, clang).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PLANLINT_UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define PLANLINT_UNDER_SANITIZER 1
#endif
#endif
