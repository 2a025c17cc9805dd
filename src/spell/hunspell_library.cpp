#include "spell/hunspell_library.hpp"

#include <dlfcn.h>

#include <map>
#include <mutex>
#include <string>
#include <type_traits>
#include <variant>

#include <fmt/format.h>

#include "spell/speller.hpp"

namespace planlint::spell {
namespace {

std::string hunspell_unloadable(const char* soname, const std::string& reason) {
  return fmt::format(
      "spelling is not checked: the Hunspell library '{}' cannot be loaded ({}); install it, e.g. "
      "`apt-get install libhunspell-1.7-0 hunspell-sv`",
      soname, reason);
}

// The library stays open until the process ends: spellers and their handles live as long.
std::variant<HunspellLibrary, std::string> open_library(const char* soname) {
  void* lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* why = dlerror();
    return hunspell_unloadable(soname, why ? why : "unknown error");
  }
  HunspellLibrary h;
  std::string missing;
  auto resolve = [&](auto& fn, const char* name) {
    fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, name));
    if (!fn) missing += missing.empty() ? name : fmt::format(", {}", name);
  };
  resolve(h.create, "Hunspell_create");
  resolve(h.destroy, "Hunspell_destroy");
  resolve(h.spell, "Hunspell_spell");
  resolve(h.suggest, "Hunspell_suggest");
  resolve(h.free_list, "Hunspell_free_list");
  resolve(h.dic_encoding, "Hunspell_get_dic_encoding");
  if (!missing.empty()) {
    dlclose(lib);
    return hunspell_unloadable(soname, fmt::format("it lacks {}", missing));
  }
  return h;
}

}  // namespace

const HunspellLibrary& load_hunspell(const char* soname) {
  static std::mutex mutex;
  // Never destroyed, like the library itself (see load_voikko).
  static auto& opened = *new std::map<std::string, std::variant<HunspellLibrary, std::string>>;
  std::lock_guard lock(mutex);
  auto it = opened.find(soname);
  if (it == opened.end()) it = opened.emplace(soname, open_library(soname)).first;
  if (const auto* message = std::get_if<std::string>(&it->second)) throw SpellerUnavailable{*message};
  return std::get<HunspellLibrary>(it->second);
}

}  // namespace planlint::spell
