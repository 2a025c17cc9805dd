#pragma once
// libhunspell (Swedish spelling), opened with dlopen on first use rather than linked, for the reason
// voikko_library.hpp gives: libhunspell pulls in the shared libstdc++ and libgcc_s, which planlint links
// statically to start fast (README, Latency), so a check that never meets a Swedish word never maps them.
// The function types come from Hunspell's own C header (pkg-config hunspell), so a changed signature
// fails to compile instead of misbehaving.
#include <hunspell.h>

namespace planlint::spell {

// The functions of Hunspell's C API that planlint calls.
struct HunspellLibrary {
  decltype(&Hunspell_create) create = nullptr;
  decltype(&Hunspell_destroy) destroy = nullptr;
  decltype(&Hunspell_spell) spell = nullptr;
  decltype(&Hunspell_suggest) suggest = nullptr;
  decltype(&Hunspell_free_list) free_list = nullptr;
  decltype(&Hunspell_get_dic_encoding) dic_encoding = nullptr;
};

// The library's name as the build found it (CMake reads its SONAME: "libhunspell-1.7.so.0" on Debian 12).
#ifndef PLANLINT_HUNSPELL_SONAME
#define PLANLINT_HUNSPELL_SONAME "libhunspell-1.7.so.0"
#endif
inline constexpr const char* hunspell_soname = PLANLINT_HUNSPELL_SONAME;

// Opens `soname` once per process for each name and resolves the functions; later calls return the same
// table. Throws SpellerUnavailable saying what failed and how to install the library (each time).
const HunspellLibrary& load_hunspell(const char* soname);

}  // namespace planlint::spell
