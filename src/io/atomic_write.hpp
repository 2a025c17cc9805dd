#pragma once
#include <string>
#include <string_view>

namespace planlint::io {

// Writes `content` to `path` through a temporary file in the same directory and a rename, so that an
// interrupted run never leaves a half-written file. Only over a regular file or onto a new path: anything
// else (a directory, device, FIFO, socket) is refused. Throws InputError naming the path on failure.
// `sync` flushes the file to disk before the rename (a crash then leaves the old or the new file, never an
// empty one); caches that check what they read pass false and save the flush (tens of ms on some disks).
void atomic_write(const std::string& path, std::string_view content, bool sync = true);

}  // namespace planlint::io
