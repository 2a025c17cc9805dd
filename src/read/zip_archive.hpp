#pragma once
// A zip archive held in memory (a .docx or .odt is one), read through libzip with limits: an Office file
// is a few parts of XML, so an entry that inflates past `max_entry_bytes`, or a large entry that inflates
// far more than its compressed size, is a zip bomb, not a plan. The limits are checked on the bytes as they
// come out of the inflater, never on the sizes the archive's headers claim.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace planlint::read {

struct ZipLimits {
  std::uint64_t max_entry_bytes = 256ull << 20;  // one entry, inflated
  std::uint64_t max_total_bytes = 512ull << 20;  // every entry read from one archive, inflated
  // A deflated XML part is 5-30 times smaller than its text; once an entry has inflated past
  // `ratio_floor_bytes`, more than `max_ratio` times its compressed size is a bomb.
  std::uint64_t ratio_floor_bytes = 16ull << 20;
  std::uint64_t max_ratio = 200;
};

class ZipArchive {
 public:
  // `bytes` must outlive the archive. Throws InputError(name, …) if they are not a readable zip archive.
  ZipArchive(std::string_view bytes, std::string name, ZipLimits limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool has(const std::string& entry) const;
  // The entry's inflated bytes; nullopt if the archive has no such entry. Throws InputError on an
  // encrypted entry, a corrupt one (bad CRC, truncated data) or one past the limits.
  std::optional<std::string> read(const std::string& entry);
  const std::string& name() const { return name_; }

 private:
  zip* archive_ = nullptr;
  std::string name_;
  ZipLimits limits_;
  std::uint64_t total_read_ = 0;
};

}  // namespace planlint::read
