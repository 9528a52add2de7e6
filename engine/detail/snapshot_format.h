// The snapshot format's pieces that the cache policy and the fuzzer share:
// keys, the header and decoding against a known key.
#pragma once

#include "engine/loader.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace eventgraph::detail {

/// XXH3, 128 bits.
struct Hash128 {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  friend bool operator==(const Hash128&, const Hash128&) = default;
};

/// The key of a file's text: its hash with the engine version.
Hash128 key_of(std::string_view file_text);

/// The key of a file's content and its size, read through one small
/// buffer; nullopt when it cannot be read or is larger than `max_bytes`.
struct FileKey {
  Hash128 key;
  std::uint64_t size = 0;
};
std::optional<FileKey> key_of_file(const std::filesystem::path& path, std::size_t max_bytes);

/// 16 lowercase hex digits.
std::string hex(std::uint64_t v);

/// A snapshot of `payload` for `file_text`: the header, with a checksum
/// over the header and the payload, then the payload. The fuzzer uses it
/// to reach the decoder with any payload.
std::string seal_snapshot(std::string_view file_text, std::string_view payload);

/// decode_snapshot with the file's key already computed.
std::optional<LoadResult> decode_keyed(std::string_view bytes, const Hash128& file_key,
                                       std::uint64_t file_size, const std::string& file);

}  // namespace eventgraph::detail
