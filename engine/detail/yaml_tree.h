// A small YAML tree with positions, read through yaml-cpp's event parser.
//
// yaml-cpp's document API is slow and large on big files, silently keeps
// duplicate keys and expands aliases without limit. Reading events instead
// lets us keep exact positions, report duplicate keys, bound alias expansion
// and nesting, and hand each entry of a top-level section to the loader as
// soon as it is complete, so a 100k-event file is never held as one tree.
#pragma once

#include "engine/diagnostic.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::detail {

struct YamlNode {
  enum class Type : std::uint8_t {
    null,      ///< `~`, `null` or nothing
    scalar,    ///< text, quoted or plain
    sequence,  ///< children are the items
    map,       ///< children are key, value, key, value, ...
    taken,     ///< handed to a YamlSectionSink; only the position is left
  };
  Type type = Type::null;
  Location location;  ///< 1-based line; 1-based column in bytes
  std::string text;   ///< the scalar's value
  std::vector<YamlNode> children;

  bool is_scalar() const { return type == Type::scalar; }
  bool is_map() const { return type == Type::map; }
  bool is_sequence() const { return type == Type::sequence; }
  std::size_t map_size() const { return children.size() / 2; }
  const YamlNode& key(std::size_t i) const { return children[2 * i]; }
  const YamlNode& value(std::size_t i) const { return children[2 * i + 1]; }
  YamlNode& value(std::size_t i) { return children[2 * i + 1]; }
};

/// "a map", "a list", "text", "nothing": what a node is, for messages.
std::string_view describe(const YamlNode& node);

/// Receives each entry of a top-level section (an item of a top-level list,
/// or a value of a top-level map's map) as soon as it is complete.
class YamlSectionSink {
 public:
  virtual ~YamlSectionSink() = default;
  /// `section` is the top-level key the entry sits under; `key` is the
  /// entry's key when the section is a map, else null. Return true to take
  /// the node (the tree then keeps only its position).
  virtual bool take(std::string_view section, const YamlNode* key, YamlNode& node) = 0;
};

struct YamlLimits {
  int max_depth = 64;                       ///< nested maps and lists
  std::size_t max_alias_nodes = 1'000'000;  ///< nodes created by expanding aliases
  /// Scalar text created by expanding aliases: a few aliases of one big
  /// scalar make gigabytes from a small file without many nodes.
  std::size_t max_alias_bytes = std::size_t{64} << 20;
};

struct YamlReadResult {
  YamlNode root;    ///< when !ok, what was read before the stop, closed where it stood
  bool ok = false;  ///< false when the YAML itself is broken (see diagnostics)
  std::vector<Diagnostic> diagnostics;
};

/// Parses one YAML document. Never throws; YAML errors, a second document,
/// nesting beyond the limit, alias bombs and duplicate keys come back as
/// diagnostics with positions. `text` must already be valid UTF-8 without
/// NUL bytes (the loader checks that first).
YamlReadResult read_yaml(std::string_view text, const std::string& file, const YamlLimits& limits,
                         YamlSectionSink* sink);

}  // namespace eventgraph::detail
