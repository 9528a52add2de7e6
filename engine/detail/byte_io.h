// Little-endian-as-the-host bytes for snapshots: a Writer that appends
// fixed-size numbers and length-prefixed strings, and a Reader that checks
// every length against what is left and never throws.
#pragma once

#include "engine/detail/text_checks.h"
#include "engine/edtf.h"
#include "engine/event.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::detail {

/// Appends values; bytes() is the encoding so far.
class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void u64(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void strings(const std::vector<std::string>& list) {
    u32(static_cast<std::uint32_t>(list.size()));
    for (const std::string& s : list) str(s);
  }
  void location(const Location& l) {
    i32(l.line);
    i32(l.column);
  }
  // A date is its text: the reader parses it again, so the snapshot never
  // falls out of step with the date model.
  void date(const EdtfDate& d) { str(d.text()); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

/// Every read checks the remaining length; a failed read poisons the
/// reader so the caller checks once at the end.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }

  std::uint8_t u8() {
    std::uint8_t v = 0;
    take(&v, 1);
    return v;
  }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    take(&v, sizeof v);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    take(&v, sizeof v);
    return v;
  }
  std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
  std::string str() {
    const std::uint32_t size = u32();
    if (!ok_ || size > in_.size()) return fail<std::string>();
    std::string s(in_.substr(0, size));
    in_.remove_prefix(size);
    // Decoded text is held to what the loader lets through: valid UTF-8,
    // no control characters to reach a terminal.
    if (detail::check_scalar(s)) return fail<std::string>();
    return s;
  }
  std::vector<std::string> strings() {
    const std::uint32_t count = u32();
    // Each string needs at least its 4-byte length: bounds the allocation.
    if (!ok_ || count > in_.size() / 4) return fail<std::vector<std::string>>();
    std::vector<std::string> list;
    list.reserve(count);
    for (std::uint32_t i = 0; i < count && ok_; ++i) list.push_back(str());
    return list;
  }
  std::uint32_t count(std::size_t min_item_bytes) {
    const std::uint32_t n = u32();
    if (!ok_ || n > in_.size() / min_item_bytes) return fail<std::uint32_t>();
    return n;
  }
  Location location() {
    Location l;
    l.line = i32();
    l.column = i32();
    return l;
  }
  EdtfDate date() {
    EdtfParseResult parsed = parse_edtf(str());
    if (!parsed.ok()) return fail<EdtfDate>();
    return std::move(parsed.date);
  }

 private:
  template <typename T>
  T fail() {
    ok_ = false;
    return T{};
  }
  void take(void* out, std::size_t size) {
    if (!ok_ || in_.size() < size) {
      ok_ = false;
      return;
    }
    std::memcpy(out, in_.data(), size);
    in_.remove_prefix(size);
  }
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace eventgraph::detail
