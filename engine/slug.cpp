#include "engine/slug.h"

#include "engine/detail/text_checks.h"

#include <array>

namespace eventgraph {

namespace {

// Latin-1 Supplement letters U+00C0..U+00FF, as ASCII ("" for × and ÷).
constexpr std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Latin Extended-A U+0100..U+017F: the base letter of each code point.
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrr"
    "ssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedA.size() == 0x80);

// Cyrillic U+0430..U+044F (а..я).
constexpr std::array<const char*, 32> kCyrillic = {
    "a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "y",    "k", "l", "m", "n", "o",  "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya"};

// Greek U+03B1..U+03C9 (α..ω).
constexpr std::array<const char*, 25> kGreek = {"a", "v", "g", "d", "e",  "z",  "i", "th", "i",
                                                "k", "l", "m", "n", "x",  "o",  "p", "r",  "s",
                                                "s", "t", "y", "f", "ch", "ps", "o"};

// The ASCII letters a code point reads as in a slug; "" when it has none.
std::string_view ascii_of(char32_t c) {
  constexpr std::string_view kAscii = "0123456789abcdefghijklmnopqrstuvwxyz";
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c >= '0' && c <= '9') return kAscii.substr(c - '0', 1);
    if (c >= 'a' && c <= 'z') return kAscii.substr(10 + (c - 'a'), 1);
    return {};
  }
  if (c >= 0xC0 && c <= 0xFF) return kLatin1[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x132 || c == 0x133) return "ij";
    if (c == 0x152 || c == 0x153) return "oe";
    return kLatinExtendedA.substr(c - 0x100, 1);
  }
  if (c == 0x218 || c == 0x219) return "s";  // Romanian comma-below letters
  if (c == 0x21A || c == 0x21B) return "t";
  if (c >= 0x410 && c <= 0x42F) c += 0x20;  // Cyrillic capitals
  if (c >= 0x430 && c <= 0x44F) return kCyrillic[c - 0x430];
  switch (c) {
    case 0x401:
    case 0x451:
      return "e";  // Ё
    case 0x404:
    case 0x454:
      return "ye";  // Є
    case 0x406:
    case 0x456:
      return "i";  // І
    case 0x407:
    case 0x457:
      return "yi";  // Ї
    case 0x490:
    case 0x491:
      return "g";  // Ґ
    case 0x40E:
    case 0x45E:
      return "u";  // Ў
    case 0x408:
    case 0x458:
      return "j";  // Ј
    case 0x386:
    case 0x3AC:
      return "a";  // Greek with tonos
    case 0x388:
    case 0x3AD:
      return "e";
    case 0x389:
    case 0x3AE:
    case 0x38A:
    case 0x3AF:
    case 0x390:
    case 0x3CA:
      return "i";
    case 0x38C:
    case 0x3CC:
    case 0x38F:
    case 0x3CE:
      return "o";
    case 0x38E:
    case 0x3CD:
    case 0x3B0:
    case 0x3CB:
      return "y";
    default:
      break;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) c += 0x20;  // Greek capitals
  if (c >= 0x3B1 && c <= 0x3C9) return kGreek[c - 0x3B1];
  return {};
}

}  // namespace

std::string slugify(std::string_view text, std::size_t max_length) {
  std::string slug;
  bool pending_dash = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    std::size_t length = detail::decode_utf8(text, i, c);
    if (length == 0) length = 1, c = 0xFFFD;
    i += length;
    // Apostrophes join a word ("Women's" is "womens"), as in most slugs.
    if (c == '\'' || c == 0x2019) continue;
    const std::string_view letters = ascii_of(c);
    if (letters.empty()) {
      pending_dash = !slug.empty();
      continue;
    }
    if (pending_dash) slug += '-';
    pending_dash = false;
    slug += letters;
  }
  if (slug.size() > max_length) {
    const std::size_t dash = slug.rfind('-', max_length);
    slug.resize(dash != std::string::npos && dash >= max_length / 2 ? dash : max_length);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug;
}

bool SlugAllocator::reserve(const std::string& id) { return taken_.insert(id).second; }

std::string SlugAllocator::allocate(std::string_view text, std::string_view fallback) {
  std::string base = slugify(text);
  if (base.empty()) base = std::string(fallback);
  if (taken_.insert(base).second) return base;
  std::size_t& suffix = next_suffix_[base];
  if (suffix < 2) suffix = 2;
  while (true) {
    std::string candidate = base + "-" + std::to_string(suffix++);
    if (taken_.insert(candidate).second) return candidate;
  }
}

}  // namespace eventgraph
