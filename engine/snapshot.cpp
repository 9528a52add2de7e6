#include "engine/snapshot.h"

#include "engine/detail/read_file.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <unordered_set>

namespace eventgraph {

namespace {

// Bump when the encoding or anything it depends on changes.
constexpr std::string_view kMagic = "eventgraph-snapshot";
constexpr std::uint32_t kSnapshotVersion = 1;
constexpr std::string_view kEngineVersion = "0.1.0";

// FNV-1a, 64-bit, in two lanes with different offsets so that the key is
// 128 bits: a collision would give a wrong answer, so keep them unlikely.
struct Hash128 {
  std::uint64_t a = 0xcbf29ce484222325ull;
  std::uint64_t b = 0x84222325cbf29ce4ull;
  void add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      a = (a ^ c) * 0x100000001b3ull;
      b = (b ^ static_cast<unsigned char>(c + 0x5b)) * 0x100000001b3ull;
    }
  }
  friend bool operator==(const Hash128&, const Hash128&) = default;
};

Hash128 key_of(std::string_view file_text) {
  Hash128 h;
  h.add(kEngineVersion);
  h.add(file_text);
  return h;
}

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
  void date(const EdtfDate& d) {
    str(d.text());
    u8(static_cast<std::uint8_t>(d.start()));
    u8(static_cast<std::uint8_t>(d.end()));
    i32(d.known_first().time_since_epoch().count());
    i32(d.known_last().time_since_epoch().count());
    u8(static_cast<std::uint8_t>(d.precision()));
    u8(static_cast<std::uint8_t>((d.uncertain() ? 1 : 0) | (d.approximate() ? 2 : 0)));
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Every read checks the remaining length; a failed read poisons the reader
// so the caller checks once at the end.
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
    std::string text = str();
    const auto start = u8(), end = u8();
    const date::sys_days first{date::days{i32()}}, last{date::days{i32()}};
    const auto precision = u8(), flags = u8();
    if (start > 2 || end > 2 || precision > static_cast<std::uint8_t>(Precision::interval) ||
        flags > 3 || first > last) {
      return fail<EdtfDate>();
    }
    return EdtfDate(std::move(text), static_cast<Bound>(start), first, static_cast<Bound>(end),
                    last, static_cast<Precision>(precision), (flags & 1) != 0, (flags & 2) != 0);
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

std::string encode_payload(const EventGraph& graph, const std::vector<Diagnostic>& warnings) {
  Writer w;
  w.str(graph.title());
  w.u32(static_cast<std::uint32_t>(graph.actors().size()));
  for (const Actor& a : graph.actors()) {
    w.str(a.id), w.str(a.name), w.str(a.role), w.str(a.affiliation), w.location(a.location);
  }
  w.u32(static_cast<std::uint32_t>(graph.sources().size()));
  for (const Source& s : graph.sources()) {
    w.str(s.id), w.str(s.title), w.str(s.publisher), w.str(s.author), w.str(s.url);
    w.location(s.location);
    w.u8(s.date ? 1 : 0);
    if (s.date) w.date(*s.date);
  }
  w.u32(static_cast<std::uint32_t>(graph.events().size()));
  for (const Event& e : graph.events()) {
    w.str(e.id), w.str(e.title), w.date(e.date), w.str(e.kind), w.strings(e.actors);
    w.str(e.place), w.strings(e.tags), w.str(e.summary), w.strings(e.sources);
    w.location(e.location);
  }
  w.u32(static_cast<std::uint32_t>(graph.relations().size()));
  for (const Relation& r : graph.relations()) {
    w.str(r.from), w.str(r.to), w.u8(static_cast<std::uint8_t>(r.kind));
    w.strings(r.sources), w.strings(r.claimed_by), w.strings(r.disputed_by);
    w.str(r.note), w.location(r.location);
  }
  w.u32(static_cast<std::uint32_t>(warnings.size()));
  for (const Diagnostic& d : warnings) {
    w.location(d.location), w.u8(static_cast<std::uint8_t>(d.severity));
    w.str(d.message), w.str(d.hint);
  }
  return std::move(w.bytes());
}

bool decode_payload(Reader& r, Dataset& data, std::vector<Diagnostic>& warnings) {
  data.title = r.str();
  for (std::uint32_t n = r.count(24); n > 0 && r.ok(); --n) {
    Actor a;
    a.id = r.str(), a.name = r.str(), a.role = r.str(), a.affiliation = r.str();
    a.location = r.location();
    data.actors.push_back(std::move(a));
  }
  for (std::uint32_t n = r.count(29); n > 0 && r.ok(); --n) {
    Source s;
    s.id = r.str(), s.title = r.str(), s.publisher = r.str(), s.author = r.str(), s.url = r.str();
    s.location = r.location();
    if (r.u8() != 0) s.date = r.date();
    data.sources.push_back(std::move(s));
  }
  for (std::uint32_t n = r.count(60); n > 0 && r.ok(); --n) {
    Event e;
    e.id = r.str(), e.title = r.str(), e.date = r.date(), e.kind = r.str();
    e.actors = r.strings(), e.place = r.str(), e.tags = r.strings(), e.summary = r.str();
    e.sources = r.strings(), e.location = r.location();
    data.events.push_back(std::move(e));
  }
  for (std::uint32_t n = r.count(33); n > 0 && r.ok(); --n) {
    Relation rel;
    rel.from = r.str(), rel.to = r.str();
    const std::uint8_t kind = r.u8();
    if (kind > static_cast<std::uint8_t>(RelationKind::contradicts)) return false;
    rel.kind = static_cast<RelationKind>(kind);
    rel.sources = r.strings(), rel.claimed_by = r.strings(), rel.disputed_by = r.strings();
    rel.note = r.str(), rel.location = r.location();
    data.relations.push_back(std::move(rel));
  }
  for (std::uint32_t n = r.count(17); n > 0 && r.ok(); --n) {
    Diagnostic d;
    d.file = data.file;
    d.location = r.location();
    d.severity = r.u8() == 0 ? Severity::error : Severity::warning;
    d.message = r.str(), d.hint = r.str();
    warnings.push_back(std::move(d));
  }
  return r.ok() && r.at_end();
}

// Every id a relation names must exist, or EventGraph would throw: a
// snapshot is data from disk and is checked like any other input.
bool references_resolve(const Dataset& data) {
  std::unordered_set<std::string_view> ids;
  ids.reserve(data.events.size());
  for (const Event& e : data.events) {
    if (!ids.insert(e.id).second) return false;
  }
  for (const Relation& r : data.relations) {
    if (!ids.count(r.from) || !ids.count(r.to)) return false;
  }
  return true;
}

std::string hex(std::uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = kDigits[v & 15];
  return s;
}

}  // namespace

std::filesystem::path default_cache_directory() {
  if (const char* dir = std::getenv("EVENTGRAPH_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::filesystem::path(xdg) / "eventgraph";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::filesystem::path(home) / ".cache" / "eventgraph";
  }
  return {};
}

std::string encode_snapshot(std::string_view file_text, const EventGraph& graph,
                            const std::vector<Diagnostic>& warnings) {
  const Hash128 key = key_of(file_text);
  const std::string payload = encode_payload(graph, warnings);
  Hash128 check;
  check.add(payload);
  Writer w;
  w.str(kMagic);
  w.u32(kSnapshotVersion);
  w.u64(key.a), w.u64(key.b), w.u64(file_text.size());
  w.u64(payload.size()), w.u64(check.a), w.u64(check.b);
  w.bytes() += payload;
  return std::move(w.bytes());
}

std::optional<LoadResult> decode_snapshot(std::string_view bytes, std::string_view file_text,
                                          const std::string& file) {
  Reader header(bytes);
  if (header.str() != kMagic || header.u32() != kSnapshotVersion) return std::nullopt;
  Hash128 key, check;
  key.a = header.u64(), key.b = header.u64();
  const std::uint64_t text_size = header.u64(), payload_size = header.u64();
  check.a = header.u64(), check.b = header.u64();
  const std::size_t header_size = kMagic.size() + 4 + 4 + 6 * 8;
  if (!header.ok() || text_size != file_text.size() || !(key == key_of(file_text)) ||
      payload_size != bytes.size() - header_size) {
    return std::nullopt;
  }
  const std::string_view payload = bytes.substr(header_size);
  Hash128 actual;
  actual.add(payload);
  if (!(actual == check)) return std::nullopt;

  Dataset data;
  data.version = 1;
  data.file = file;
  std::vector<Diagnostic> warnings;
  Reader reader(payload);
  if (!decode_payload(reader, data, warnings) || !references_resolve(data)) return std::nullopt;
  LoadResult result;
  result.graph.emplace(std::move(data));
  result.diagnostics = std::move(warnings);
  if (!result.diagnostics.empty()) result.source = std::string(file_text);
  return result;
}

LoadResult load_file_cached(const std::filesystem::path& path, const LoadOptions& options,
                            const CacheOptions& cache) {
  const std::filesystem::path directory =
      cache.directory.empty() ? default_cache_directory() : cache.directory;
  if (!cache.enabled || directory.empty()) return load_file(path, options);
  detail::FileText file = detail::read_file(path, options.max_file_bytes);
  if (!file.text) return load_file(path, options);
  const std::string& text = *file.text;
  const Hash128 key = key_of(text);
  const std::filesystem::path snapshot = directory / (hex(key.a) + hex(key.b) + ".snapshot");

  if (std::ifstream in{snapshot, std::ios::binary}) {
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (auto hit = decode_snapshot(bytes, text, path.string())) return std::move(*hit);
  }
  LoadResult result = load_string(text, path.string(), options);
  if (!result.ok()) return result;
  // Write to a name of our own, then rename: readers see the old snapshot
  // or the whole new one, never a part.
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  std::random_device entropy;
  const std::filesystem::path temporary =
      directory / (snapshot.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
                   hex((std::uint64_t{entropy()} << 32) | entropy()));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    const std::string bytes = encode_snapshot(text, *result.graph, result.diagnostics);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      out.close();
      std::filesystem::remove(temporary, ec);
      return result;
    }
  }
  std::filesystem::rename(temporary, snapshot, ec);
  if (ec) std::filesystem::remove(temporary, ec);
  return result;
}

}  // namespace eventgraph
