// The snapshot format: a header (magic, version, the file's key and size,
// the payload's size, a checksum over all of it) and a payload of records.
// Each record has one write and one read function, and the decoder's
// allocation bounds come from encoding an empty record, not from numbers
// kept by hand. The cache policy is in snapshot_cache.cpp.
#include "engine/snapshot.h"

#include "engine/detail/byte_io.h"
#include "engine/detail/graph_impl.h"
#include "engine/detail/snapshot_format.h"

// Header-only: nothing to link, so the installed package needs no more
// dependencies than before.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <fstream>

namespace eventgraph {

namespace detail {

namespace {

// Bump when the encoding or anything it depends on changes.
constexpr std::string_view kMagic = "eventgraph-snapshot";
constexpr std::uint32_t kSnapshotVersion = 4;
constexpr std::string_view kEngineVersion = "0.1.0";

// XXH3, 128 bits: a collision would give a wrong answer, so keep them
// unlikely. It hashes the 44 MB of a 100k-event file in a few milliseconds.
// It is no MAC: the cache trusts only snapshots no one else can write.
Hash128 hash_of(std::string_view prefix, std::string_view bytes) {
  XXH3_state_t state;
  XXH3_INITSTATE(&state);
  XXH3_128bits_reset(&state);
  XXH3_128bits_update(&state, prefix.data(), prefix.size());
  XXH3_128bits_update(&state, bytes.data(), bytes.size());
  const XXH128_hash_t h = XXH3_128bits_digest(&state);
  return {h.low64, h.high64};
}

struct Header {
  Hash128 key;
  std::uint64_t text_size = 0;
  std::uint64_t payload_size = 0;
  Hash128 check;
};

// Everything the checksum covers: all of the header before the checksum.
void write_header_start(Writer& w, const Header& h) {
  w.str(kMagic);
  w.u32(kSnapshotVersion);
  w.u64(h.key.low), w.u64(h.key.high), w.u64(h.text_size), w.u64(h.payload_size);
}

const std::size_t kHeaderStartSize = [] {
  Writer w;
  write_header_start(w, {});
  return w.bytes().size();
}();
const std::size_t kHeaderSize = kHeaderStartSize + 16;

void write_actor(Writer& w, const Actor& a) {
  w.str(a.id), w.str(a.name), w.str(a.role), w.str(a.affiliation), w.location(a.location);
}
Actor read_actor(Reader& r) {
  Actor a;
  a.id = r.str(), a.name = r.str(), a.role = r.str(), a.affiliation = r.str();
  a.location = r.location();
  return a;
}

void write_source(Writer& w, const Source& s) {
  w.str(s.id), w.str(s.title), w.str(s.publisher), w.str(s.author), w.str(s.url);
  w.location(s.location);
  w.u8(s.date ? 1 : 0);
  if (s.date) w.date(*s.date);
}
Source read_source(Reader& r) {
  Source s;
  s.id = r.str(), s.title = r.str(), s.publisher = r.str(), s.author = r.str(), s.url = r.str();
  s.location = r.location();
  if (r.u8() != 0) s.date = r.date();
  return s;
}

void write_event(Writer& w, const Event& e) {
  w.str(e.id), w.str(e.title), w.date(e.date), w.str(e.kind), w.strings(e.actors);
  w.str(e.place), w.strings(e.tags), w.str(e.summary), w.strings(e.sources);
  w.location(e.location);
}
Event read_event(Reader& r) {
  Event e;
  e.id = r.str(), e.title = r.str(), e.date = r.date(), e.kind = r.str();
  e.actors = r.strings(), e.place = r.str(), e.tags = r.strings(), e.summary = r.str();
  e.sources = r.strings(), e.location = r.location();
  return e;
}

// Relation ends as event positions: no ids to look up when reading, and
// every end resolves by construction.
void write_relation(Writer& w, const Relation& rel, Endpoints ends) {
  w.u32(ends.from), w.u32(ends.to), w.u8(static_cast<std::uint8_t>(rel.kind));
  w.strings(rel.sources), w.strings(rel.claimed_by), w.strings(rel.disputed_by);
  w.str(rel.note), w.location(rel.location);
}
bool read_relation(Reader& r, const std::vector<Event>& events, Relation& rel, Endpoints& ends) {
  ends.from = r.u32(), ends.to = r.u32();
  const std::uint8_t kind = r.u8();
  if (!r.ok() || ends.from >= events.size() || ends.to >= events.size() ||
      kind > static_cast<std::uint8_t>(RelationKind::contradicts)) {
    return false;
  }
  rel.from = events[ends.from].id, rel.to = events[ends.to].id;
  rel.kind = static_cast<RelationKind>(kind);
  rel.sources = r.strings(), rel.claimed_by = r.strings(), rel.disputed_by = r.strings();
  rel.note = r.str(), rel.location = r.location();
  return r.ok();
}

void write_warning(Writer& w, const Diagnostic& d) {
  w.location(d.location), w.u8(static_cast<std::uint8_t>(d.severity));
  w.str(d.message), w.str(d.hint);
}
Diagnostic read_warning(Reader& r, const std::string& file) {
  Diagnostic d;
  d.file = file;
  d.location = r.location();
  d.severity = r.u8() == 0 ? Severity::error : Severity::warning;
  d.message = r.str(), d.hint = r.str();
  return d;
}

// The fewest bytes a record can take: what an empty one encodes to. A
// count in the snapshot is checked against the bytes left with it, so
// reserving that many records is safe. (An empty date encodes as no text,
// shorter than any date that parses, so the bound stays a lower one.)
template <typename Write>
std::size_t smallest(Write write) {
  Writer w;
  write(w);
  return w.bytes().size();
}
const std::size_t kMinActor = smallest([](Writer& w) { write_actor(w, {}); });
const std::size_t kMinSource = smallest([](Writer& w) { write_source(w, {}); });
const std::size_t kMinEvent = smallest([](Writer& w) { write_event(w, {}); });
const std::size_t kMinRelation = smallest([](Writer& w) { write_relation(w, {}, {}); });
const std::size_t kMinWarning = smallest([](Writer& w) { write_warning(w, {}); });

std::string encode_payload(const EventGraph& graph, const std::vector<Diagnostic>& warnings) {
  Writer w;
  w.str(graph.title());
  w.u32(static_cast<std::uint32_t>(graph.actors().size()));
  for (const Actor& a : graph.actors()) write_actor(w, a);
  w.u32(static_cast<std::uint32_t>(graph.sources().size()));
  for (const Source& s : graph.sources()) write_source(w, s);
  w.u32(static_cast<std::uint32_t>(graph.events().size()));
  for (const Event& e : graph.events()) write_event(w, e);
  w.u32(static_cast<std::uint32_t>(graph.relations().size()));
  for (RelationIndex i = 0; i < graph.relations().size(); ++i) {
    write_relation(w, graph.relation(i), graph.endpoints(i));
  }
  w.u32(static_cast<std::uint32_t>(warnings.size()));
  for (const Diagnostic& d : warnings) write_warning(w, d);
  return std::move(w.bytes());
}

bool decode_payload(Reader& r, Dataset& data, std::vector<Endpoints>& ends,
                    std::vector<Diagnostic>& warnings) {
  data.title = r.str();
  std::uint32_t n = r.count(kMinActor);
  data.actors.reserve(n);
  for (; n > 0 && r.ok(); --n) data.actors.push_back(read_actor(r));
  n = r.count(kMinSource);
  data.sources.reserve(n);
  for (; n > 0 && r.ok(); --n) data.sources.push_back(read_source(r));
  n = r.count(kMinEvent);
  data.events.reserve(n);
  for (; n > 0 && r.ok(); --n) data.events.push_back(read_event(r));
  n = r.count(kMinRelation);
  data.relations.reserve(n);
  ends.reserve(n);
  for (; n > 0 && r.ok(); --n) {
    Relation rel;
    Endpoints end{};
    if (!read_relation(r, data.events, rel, end)) return false;
    data.relations.push_back(std::move(rel));
    ends.push_back(end);
  }
  for (n = r.count(kMinWarning); n > 0 && r.ok(); --n) {
    warnings.push_back(read_warning(r, data.file));
  }
  return r.ok() && r.at_end();
}

}  // namespace

Hash128 key_of(std::string_view file_text) { return hash_of(kEngineVersion, file_text); }

// Reads through one small buffer: a warm run needs the key, not the text,
// and on the 2-core test machine reading 44 MB into fresh memory took
// 0.4 s (every new page costs ~9 us).
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

std::string hex(std::uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = kDigits[v & 15];
  return s;
}

std::string seal_snapshot(std::string_view file_text, std::string_view payload) {
  Header h;
  h.key = key_of(file_text);
  h.text_size = file_text.size();
  h.payload_size = payload.size();
  Writer w;
  write_header_start(w, h);
  // The checksum covers the header too: a snapshot relabelled with another
  // file's key and size no longer checks out.
  const Hash128 check = hash_of(w.bytes(), payload);
  w.u64(check.low), w.u64(check.high);
  w.bytes() += payload;
  return std::move(w.bytes());
}

std::optional<LoadResult> decode_keyed(std::string_view bytes, const Hash128& file_key,
                                       std::uint64_t file_size, const std::string& file) {
  Reader header(bytes);
  if (header.str() != kMagic || header.u32() != kSnapshotVersion) return std::nullopt;
  Header h;
  h.key.low = header.u64(), h.key.high = header.u64();
  h.text_size = header.u64(), h.payload_size = header.u64();
  h.check.low = header.u64(), h.check.high = header.u64();
  if (!header.ok() || h.text_size != file_size || !(h.key == file_key) ||
      h.payload_size != bytes.size() - kHeaderSize) {
    return std::nullopt;
  }
  const std::string_view payload = bytes.substr(kHeaderSize);
  if (!(hash_of(bytes.substr(0, kHeaderStartSize), payload) == h.check)) return std::nullopt;

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

}  // namespace detail

std::string encode_snapshot(std::string_view file_text, const EventGraph& graph,
                            const std::vector<Diagnostic>& warnings) {
  return detail::seal_snapshot(file_text, detail::encode_payload(graph, warnings));
}

std::optional<LoadResult> decode_snapshot(std::string_view bytes, std::string_view file_text,
                                          const std::string& file) {
  auto result = detail::decode_keyed(bytes, detail::key_of(file_text), file_text.size(), file);
  if (result && !result->diagnostics.empty()) result->source = std::string(file_text);
  return result;
}

}  // namespace eventgraph
