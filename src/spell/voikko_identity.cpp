#include "spell/voikko_identity.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fmt/format.h>

namespace planlint::spell {
namespace fs = std::filesystem;
namespace {

// Bounds on the walk of the dictionary directories: Voikko's layout is <dir>/<version>/mor-<variant>/<file>.
constexpr int max_depth = 4;
constexpr std::size_t max_files = 2000;

std::vector<std::string> split(const char* list, char sep) {
  std::vector<std::string> out;
  if (!list) return out;
  std::string_view s(list);
  while (true) {
    const std::size_t at = s.find(sep);
    if (!s.substr(0, at).empty()) out.emplace_back(s.substr(0, at));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  return out;
}

// "path dev:inode size mtime-ns" of a file, following links, or nullopt when it is not there. The device and
// inode name the file a link leads to (a library's libvoikko.so.1 -> libvoikko.so.1.16.1) in the same stat;
// resolving the path (fs::canonical) took a readlink per component, half of a one-document check's syscalls.
std::optional<std::string> identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return fmt::format("{} {}:{} {} {}.{:09}", path, st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec,
                     st.st_mtim.tv_nsec);
}

// The directories the dynamic loader searches for a bare soname, in its order (near enough: the binary
// has no RUNPATH, and ld.so.cache is built from the ld.so.conf.d directories and the system ones).
std::vector<std::string> library_directories() {
  std::vector<std::string> dirs = split(std::getenv("LD_LIBRARY_PATH"), ':');
  std::error_code ec;
  std::vector<fs::path> confs;
  for (const auto& e : fs::directory_iterator("/etc/ld.so.conf.d", ec)) {
    if (e.path().extension() == ".conf") confs.push_back(e.path());
  }
  std::sort(confs.begin(), confs.end());
  for (const auto& c : confs) {
    std::ifstream in(c);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] == '/') dirs.push_back(line.substr(0, line.find_first_of(" \t#")));
    }
  }
  for (const char* d : {"/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib"}) dirs.emplace_back(d);
  return dirs;
}

void add_tree(const std::string& dir, std::string& key, std::size_t& files) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    key += fmt::format("dir {} absent\n", dir);
    return;
  }
  std::vector<std::string> found;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it.depth() >= max_depth) it.disable_recursion_pending();
    if (it->is_regular_file(ec) && files < max_files) {
      found.push_back(it->path().string());
      ++files;
    }
  }
  std::sort(found.begin(), found.end());  // directory order is not stable
  key += fmt::format("dir {}\n", dir);
  for (const auto& f : found) {
    if (auto id = identity(f)) key += fmt::format("dict {}\n", *id);
  }
}

// "library-file …" lines for every file `soname` names (as dlopen would find it); empty when none.
std::string library_lines(const std::string& soname) {
  std::vector<std::string> libraries;
  if (soname.find('/') != std::string::npos) {
    if (auto id = identity(soname)) libraries.push_back(*id);
  } else {
    // The loader reads $LD_LIBRARY_PATH once, at start-up; the directories are looked up once too.
    static const std::vector<std::string> directories = library_directories();
    for (const auto& d : directories) {
      if (auto id = identity(d + "/" + soname)) libraries.push_back(*id);
    }
  }
  std::string out;
  for (const auto& l : libraries) out += fmt::format("library-file {}\n", l);
  return out;
}

}  // namespace

std::optional<std::string> hunspell_identity(const std::string& language, const std::string& aff_path,
                                             const std::string& dic_path, const std::string& soname) {
  const std::string libraries = library_lines(soname);
  if (libraries.empty()) return std::nullopt;
  const auto aff = identity(aff_path);
  const auto dic = identity(dic_path);
  if (!aff || !dic) return std::nullopt;
  return fmt::format("engine hunspell\nlanguage {}\nlibrary {}\n{}aff {}\ndic {}\n", language, soname, libraries, *aff, *dic);
}

std::optional<std::string> voikko_identity(const std::string& language, const std::string& dictionary_path,
                                           const std::string& soname) {
  const char* dictionary_env = std::getenv("VOIKKO_DICTIONARY");
  std::string key = fmt::format("language {}\ndictionary-path {}\nlibrary {}\nVOIKKO_DICTIONARY {}\n", language,
                                dictionary_path, soname, dictionary_env ? dictionary_env : "");

  const std::string libraries = library_lines(soname);
  if (libraries.empty()) return std::nullopt;
  key += libraries;

  std::vector<std::string> dirs;
  if (!dictionary_path.empty()) dirs.push_back(dictionary_path);
  for (auto& d : split(std::getenv("VOIKKO_DICTIONARY_PATH"), ':')) dirs.push_back(std::move(d));
  // Voikko finds the home directory with getpwuid; $HOME too, in case they differ.
  if (const char* home = std::getenv("HOME")) dirs.push_back(std::string(home) + "/.voikko");
  if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir) dirs.push_back(std::string(pw->pw_dir) + "/.voikko");
  for (const char* d : {"/etc/voikko", "/usr/lib/voikko", "/usr/share/voikko"}) dirs.emplace_back(d);
  std::size_t files = 0;
  for (const auto& d : dirs) add_tree(d, key, files);
  if (files == 0) return std::nullopt;  // no dictionary anywhere: Voikko will say so
  return key;
}

}  // namespace planlint::spell
