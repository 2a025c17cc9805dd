#include "read/zip_archive.hpp"

#include <zip.h>

#include <algorithm>

#include <fmt/format.h>

#include <memory>

#include "model/error.hpp"

namespace planlint::read {

namespace {

std::string mib(std::uint64_t bytes) { return fmt::format("{} MiB", bytes >> 20); }

std::string zip_error_text(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

std::string open_failure(int code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return "not a zip archive (a .docx or .odt file is one): it may be another format with this extension, or "
             "truncated";
    case ZIP_ER_INCONS:
      return "the zip archive is inconsistent (truncated or corrupt): save the document again from its editor";
    default:
      return "cannot open the zip archive: " + zip_error_text(code);
  }
}

struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, std::string name, ZipLimits limits)
    : name_(std::move(name)), limits_(limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    throw InputError(name_, "cannot read the zip archive: out of memory");
  }
  // ZIP_CHECKCONS: a truncated archive whose central directory happens to survive is refused here, not
  // halfway through an entry.
  archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive_ == nullptr) {
    const int code = zip_error_code_zip(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    throw InputError(name_, open_failure(code));
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

bool ZipArchive::has(const std::string& entry) const { return zip_name_locate(archive_, entry.c_str(), 0) >= 0; }

std::optional<std::string> ZipArchive::read(const std::string& entry) {
  const zip_int64_t index = zip_name_locate(archive_, entry.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    throw InputError(name_, fmt::format("{}: cannot read the zip entry: {}", entry, zip_strerror(archive_)));
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    throw InputError(name_, fmt::format("{}: the zip entry is encrypted (the document is password-protected): "
                                        "save a copy without a password",
                                        entry));
  }
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0));
  if (!file) {
    throw InputError(name_, fmt::format("{}: cannot read the zip entry: {}", entry, zip_strerror(archive_)));
  }
  const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  std::string out;
  // The header's size is only a hint for the first allocation, capped so that a lying header costs nothing.
  if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(st.size, 64u << 20)));
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) {
      throw InputError(name_, fmt::format("{}: the zip entry is corrupt ({}): save the document again from its editor",
                                          entry, zip_file_strerror(file.get())));
    }
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    total_read_ += static_cast<std::uint64_t>(n);
    if (out.size() > limits_.max_entry_bytes) {
      throw InputError(name_, fmt::format("{}: the zip entry inflates past the limit of {} for one part (a zip bomb?)",
                                          entry, mib(limits_.max_entry_bytes)));
    }
    if (total_read_ > limits_.max_total_bytes) {
      throw InputError(name_, fmt::format("{}: the archive's parts inflate past the limit of {} in all (a zip bomb?)",
                                          entry, mib(limits_.max_total_bytes)));
    }
    if (out.size() > limits_.ratio_floor_bytes && out.size() > limits_.max_ratio * std::max<std::uint64_t>(compressed, 1)) {
      throw InputError(name_, fmt::format("{}: the zip entry inflates more than {} times its compressed size of {} bytes "
                                          "past {} (a zip bomb?)",
                                          entry, limits_.max_ratio, compressed, mib(limits_.ratio_floor_bytes)));
    }
  }
  return out;
}

}  // namespace planlint::read
