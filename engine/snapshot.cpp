#include "engine/snapshot.h"

#include "engine/detail/graph_impl.h"
#include "engine/detail/read_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

// Header-only: nothing to link, so the installed package needs no more
// dependencies than before.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <random>

namespace eventgraph {

namespace {

// Bump when the encoding or anything it depends on changes.
constexpr std::string_view kMagic = "eventgraph-snapshot";
constexpr std::uint32_t kSnapshotVersion = 3;
constexpr std::string_view kEngineVersion = "0.1.0";

// XXH3, 128 bits: a collision would give a wrong answer, so keep them
// unlikely. It hashes the 44 MB of a 100k-event file in a few milliseconds,
// where the byte-at-a-time FNV-1a it replaced took a third of a warm run.
struct Hash128 {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  friend bool operator==(const Hash128&, const Hash128&) = default;
};

Hash128 hash_of(std::string_view prefix, std::string_view bytes) {
  XXH3_state_t state;
  XXH3_INITSTATE(&state);
  XXH3_128bits_reset(&state);
  XXH3_128bits_update(&state, prefix.data(), prefix.size());
  XXH3_128bits_update(&state, bytes.data(), bytes.size());
  const XXH128_hash_t h = XXH3_128bits_digest(&state);
  return {h.low64, h.high64};
}

Hash128 key_of(std::string_view file_text) { return hash_of(kEngineVersion, file_text); }

Hash128 checksum_of(std::string_view payload) { return hash_of({}, payload); }

// The key of a file's content and its size, read through one small buffer:
// a warm run needs the key, not the text, and on the 2-core test machine
// reading 44 MB into fresh memory took 0.4 s (every new page costs ~9 us).
// nullopt when the file cannot be read or is larger than `max_bytes`.
struct FileKey {
  Hash128 key;
  std::uint64_t size = 0;
};

std::optional<FileKey> key_of_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  XXH3_state_t state;
  XXH3_INITSTATE(&state);
  XXH3_128bits_reset(&state);
  XXH3_128bits_update(&state, kEngineVersion.data(), kEngineVersion.size());
  thread_local std::vector<char> buffer(std::size_t{1} << 20);
  FileKey result;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    XXH3_128bits_update(&state, buffer.data(), got);
    result.size += got;
    if (result.size > max_bytes) return std::nullopt;
  }
  if (in.bad()) return std::nullopt;
  const XXH128_hash_t h = XXH3_128bits_digest(&state);
  result.key = {h.low64, h.high64};
  return result;
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
  // A date is its text: the reader parses it again, so the snapshot never
  // falls out of step with the date model.
  void date(const EdtfDate& d) { str(d.text()); }
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
  // Relation ends as event positions: no ids to look up when reading, and
  // every end resolves by construction.
  w.u32(static_cast<std::uint32_t>(graph.relations().size()));
  for (RelationIndex i = 0; i < graph.relations().size(); ++i) {
    const Relation& r = graph.relation(i);
    const Endpoints ends = graph.endpoints(i);
    w.u32(ends.from), w.u32(ends.to), w.u8(static_cast<std::uint8_t>(r.kind));
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

bool decode_payload(Reader& r, Dataset& data, std::vector<Endpoints>& ends,
                    std::vector<Diagnostic>& warnings) {
  data.title = r.str();
  // Counts are checked against the bytes left, so reserving them is safe.
  std::uint32_t n = r.count(24);
  data.actors.reserve(n);
  for (; n > 0 && r.ok(); --n) {
    Actor a;
    a.id = r.str(), a.name = r.str(), a.role = r.str(), a.affiliation = r.str();
    a.location = r.location();
    data.actors.push_back(std::move(a));
  }
  n = r.count(29);
  data.sources.reserve(n);
  for (; n > 0 && r.ok(); --n) {
    Source s;
    s.id = r.str(), s.title = r.str(), s.publisher = r.str(), s.author = r.str(), s.url = r.str();
    s.location = r.location();
    if (r.u8() != 0) s.date = r.date();
    data.sources.push_back(std::move(s));
  }
  n = r.count(60);
  data.events.reserve(n);
  for (; n > 0 && r.ok(); --n) {
    Event e;
    e.id = r.str(), e.title = r.str(), e.date = r.date(), e.kind = r.str();
    e.actors = r.strings(), e.place = r.str(), e.tags = r.strings(), e.summary = r.str();
    e.sources = r.strings(), e.location = r.location();
    data.events.push_back(std::move(e));
  }
  n = r.count(33);
  data.relations.reserve(n);
  ends.reserve(n);
  for (; n > 0 && r.ok(); --n) {
    Relation rel;
    const std::uint32_t from = r.u32(), to = r.u32();
    const std::uint8_t kind = r.u8();
    if (!r.ok() || from >= data.events.size() || to >= data.events.size() ||
        kind > static_cast<std::uint8_t>(RelationKind::contradicts)) {
      return false;
    }
    rel.from = data.events[from].id, rel.to = data.events[to].id;
    ends.push_back({from, to});
    rel.kind = static_cast<RelationKind>(kind);
    rel.sources = r.strings(), rel.claimed_by = r.strings(), rel.disputed_by = r.strings();
    rel.note = r.str(), rel.location = r.location();
    data.relations.push_back(std::move(rel));
  }
  for (n = r.count(17); n > 0 && r.ok(); --n) {
    Diagnostic d;
    d.file = data.file;
    d.location = r.location();
    d.severity = r.u8() == 0 ? Severity::error : Severity::warning;
    d.message = r.str(), d.hint = r.str();
    warnings.push_back(std::move(d));
  }
  return r.ok() && r.at_end();
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
  const Hash128 check = checksum_of(payload);
  Writer w;
  w.str(kMagic);
  w.u32(kSnapshotVersion);
  w.u64(key.low), w.u64(key.high), w.u64(file_text.size());
  w.u64(payload.size()), w.u64(check.low), w.u64(check.high);
  w.bytes() += payload;
  return std::move(w.bytes());
}

namespace {

// decode_snapshot with the file's key already computed.
std::optional<LoadResult> decode_keyed(std::string_view bytes, const Hash128& file_key,
                                       std::uint64_t file_size, const std::string& file) {
  Reader header(bytes);
  if (header.str() != kMagic || header.u32() != kSnapshotVersion) return std::nullopt;
  Hash128 key, check;
  key.low = header.u64(), key.high = header.u64();
  const std::uint64_t text_size = header.u64(), payload_size = header.u64();
  check.low = header.u64(), check.high = header.u64();
  const std::size_t header_size = kMagic.size() + 4 + 4 + 6 * 8;
  if (!header.ok() || text_size != file_size || !(key == file_key) ||
      payload_size != bytes.size() - header_size) {
    return std::nullopt;
  }
  const std::string_view payload = bytes.substr(header_size);
  if (!(checksum_of(payload) == check)) return std::nullopt;

  Dataset data;
  data.version = 1;
  data.file = file;
  std::vector<Endpoints> ends;
  std::vector<Diagnostic> warnings;
  Reader reader(payload);
  if (!decode_payload(reader, data, ends, warnings)) return std::nullopt;
  const std::size_t events = data.events.size();
  LoadResult result;
  result.graph.emplace(std::move(data), std::move(ends));
  // Event ids must be unique, as validation made them: the id index holds
  // one entry per distinct id.
  if (result.graph->impl().event_by_id.distinct() != events) return std::nullopt;
  result.diagnostics = std::move(warnings);
  return result;
}

// A snapshot mapped read-only. On the 2-core test machine every page of
// fresh memory a process touches costs about 9 us, so a warm run maps the
// snapshot (the kernel maps a file many pages a fault) rather than copying
// 40 MB into new memory. Safe because snapshots are never rewritten in
// place, only renamed over; empty when the file cannot be mapped.
class MappedFile {
 public:
  MappedFile(const std::filesystem::path& path, std::size_t max_bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 &&
        static_cast<std::uint64_t>(info.st_size) <= max_bytes) {
      void* at =
          ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (at != MAP_FAILED) {
        data_ = static_cast<const char*>(at);
        size_ = static_cast<std::size_t>(info.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  explicit operator bool() const { return data_ != nullptr; }
  std::string_view text() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace

std::optional<LoadResult> decode_snapshot(std::string_view bytes, std::string_view file_text,
                                          const std::string& file) {
  auto result = decode_keyed(bytes, key_of(file_text), file_text.size(), file);
  if (result && !result->diagnostics.empty()) result->source = std::string(file_text);
  return result;
}

LoadResult load_file_cached(const std::filesystem::path& path, const LoadOptions& options,
                            const CacheOptions& cache) {
  const std::filesystem::path directory =
      cache.directory.empty() ? default_cache_directory() : cache.directory;
  if (!cache.enabled || directory.empty()) return load_file(path, options);
  // Only the key first: the text is read whole only when it must be
  // shown (warnings) or loaded (no usable snapshot).
  const std::optional<FileKey> file_key = key_of_file(path, options.max_file_bytes);
  if (!file_key) return load_file(path, options);
  auto snapshot_of_key = [&](const Hash128& key) {
    return directory / (hex(key.low) + hex(key.high) + ".snapshot");
  };
  if (const MappedFile bytes{snapshot_of_key(file_key->key),
                             std::numeric_limits<std::size_t>::max()}) {
    if (auto hit = decode_keyed(bytes.text(), file_key->key, file_key->size, path.string())) {
      if (hit->diagnostics.empty()) return std::move(*hit);
      // The warnings quote the text, which must be what the key was made
      // from; if the file changed meanwhile, load it afresh.
      detail::FileText file = detail::read_file(path, options.max_file_bytes);
      if (file.text && key_of(*file.text) == file_key->key) {
        hit->source = std::move(*file.text);
        return std::move(*hit);
      }
    }
  }

  // Read, not mapped: the user may rewrite the event file in place while
  // we run, which would make a mapping fault (snapshots are only ever
  // renamed into place).
  detail::FileText file = detail::read_file(path, options.max_file_bytes);
  if (!file.text) return load_file(path, options);
  const std::string_view text = *file.text;
  const std::filesystem::path snapshot = snapshot_of_key(key_of(text));
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
