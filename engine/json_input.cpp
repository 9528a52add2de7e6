#include "engine/detail/json_input.h"

#include "engine/detail/text_checks.h"

#include <set>
#include <vector>

namespace eventgraph::detail {

namespace {

using nlohmann::json;

Location location_of_byte(std::string_view text, std::size_t byte) {
  Location at{1, 1};
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

// Tracks where the parser is, to name a duplicate key by its pointer.
struct Frame {
  bool array = false;
  std::size_t index = 0;
  std::string pointer;
  std::set<std::string> keys;
  std::string key;  ///< the key whose value is being read
};

}  // namespace

std::string pointer_child(const std::string& pointer, std::string_view key) {
  std::string out = pointer + "/";
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string pointer_child(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

std::string_view describe_json(const json& value) {
  if (value.is_string()) return "text";
  if (value.is_number()) return "a number";
  if (value.is_array()) return "a list";
  if (value.is_object()) return "a map";
  if (value.is_boolean()) return "true or false";
  return "null";
}

JsonInput parse_json_input(std::string_view text, const std::string& file, int max_depth) {
  JsonInput result;
  std::vector<Frame> frames;
  std::optional<std::string> problem;
  // The pointer of the value that starts now, in the innermost container.
  auto child_pointer = [&]() -> std::string {
    if (frames.empty()) return "";
    Frame& f = frames.back();
    return f.array ? pointer_child(f.pointer, f.index) : pointer_child(f.pointer, f.key);
  };
  auto element_done = [&] {
    if (!frames.empty() && frames.back().array) ++frames.back().index;
  };
  json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (problem) return false;
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        if (depth >= max_depth) {
          problem = "nesting too deep at " + child_pointer() + " (more than " +
                    std::to_string(max_depth) + " levels)";
          return false;
        }
        frames.push_back({event == json::parse_event_t::array_start, 0, child_pointer(), {}, {}});
        break;
      case json::parse_event_t::key:
        if (!frames.empty()) {
          const std::string key = parsed.get<std::string>();
          if (!frames.back().keys.insert(key).second) {
            problem =
                "duplicate key '" + quote(key) + "' in " +
                (frames.back().pointer.empty() ? "the top-level object" : frames.back().pointer);
            return false;
          }
          frames.back().key = key;
        }
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames.empty()) frames.pop_back();
        element_done();
        break;
      case json::parse_event_t::value:
        element_done();
        break;
    }
    return true;
  };
  try {
    result.document = json::parse(text.begin(), text.end(), callback, true, false);
  } catch (const json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
    std::string message = e.what();
    if (const std::size_t colon = message.find(": "); colon != std::string::npos) {
      message = message.substr(colon + 2);
    }
    result.error =
        Diagnostic{file, location_of_byte(text, e.byte == 0 ? 0 : e.byte - 1), Severity::error,
                   "invalid JSON: " + message, "check the file with a JSON validator"};
    return result;
  } catch (const json::exception& e) {
    result.error =
        Diagnostic{file, {}, Severity::error, std::string("invalid JSON: ") + e.what(), ""};
    return result;
  }
  if (problem) {
    result.error = Diagnostic{file, {}, Severity::error, *problem, "each key may appear once"};
    result.document = json();
  } else if (result.document.is_discarded()) {
    result.error = Diagnostic{file, {}, Severity::error, "invalid JSON", ""};
  }
  return result;
}

}  // namespace eventgraph::detail
