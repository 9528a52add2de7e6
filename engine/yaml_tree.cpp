// The only file that includes yaml-cpp: its event parser feeds a small tree.
#include "engine/detail/yaml_tree.h"

#include "engine/detail/text_checks.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

namespace eventgraph::detail {

std::string_view describe(const YamlNode& node) {
  switch (node.type) {
    case YamlNode::Type::null:
      return "nothing";
    case YamlNode::Type::scalar:
      return "text";
    case YamlNode::Type::sequence:
      return "a list";
    case YamlNode::Type::map:
      return "a map";
    case YamlNode::Type::taken:
      return "an entry";
  }
  return "nothing";
}

namespace {

Location to_location(const YAML::Mark& mark) {
  if (mark.is_null()) return {};
  return {mark.line + 1, mark.column + 1};
}

// Thrown from inside the handler to stop yaml-cpp at once; never leaves
// this file.
struct StopParsing {
  Location location;
  std::string message;
  std::string hint;
};

std::size_t count_nodes(const YamlNode& node) {
  std::size_t count = 1;
  for (const YamlNode& child : node.children) count += count_nodes(child);
  return count;
}

std::size_t count_bytes(const YamlNode& node) {
  std::size_t bytes = node.text.size();
  for (const YamlNode& child : node.children) bytes += count_bytes(child);
  return bytes;
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const YamlLimits& limits, YamlSectionSink* sink)
      : text_(text), limits_(limits), sink_(sink) {}

  YamlNode take_root() { return std::move(root_); }
  // After a stop: the tree read so far, its open nodes closed where they
  // stand; unfinished entries are not offered to the sink (they would be
  // read as entries missing their later keys).
  YamlNode take_partial_root() {
    sink_ = nullptr;
    while (!open_.empty()) close();
    return std::move(root_);
  }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      // yaml-cpp 0.7 starts empty documents forever at a stray token such
      // as a lone ',' without moving on; name the token instead.
      if (mark.pos == first_document_.pos && mark.pos >= 0 &&
          static_cast<std::size_t>(mark.pos) < text_.size()) {
        throw StopParsing{
            to_location(mark),
            "invalid yaml: unexpected '" +
                std::string(1, text_[static_cast<std::size_t>(mark.pos)]) + "'",
            "a file starts with 'eventgraph: 1'; check the line for a stray character"};
      }
      throw StopParsing{to_location(mark), "the file holds more than one yaml document",
                        "an event file is a single document: remove the '---' or '...' "
                        "separator, or split the file"};
    }
    first_document_ = mark;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.location = to_location(mark);
    if (!open_.empty() && open_.back().node.is_sequence()) node.location = item_dash(mark);
    complete(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto found = anchors_.find(anchor);
    if (found == anchors_.end()) {
      throw StopParsing{to_location(mark), "alias refers to an anchor that is not defined", ""};
    }
    const Anchored& anchored = found->second;
    alias_nodes_ += anchored.size;
    if (alias_nodes_ > limits_.max_alias_nodes) {
      throw StopParsing{
          to_location(mark),
          "aliases expand to more than " + std::to_string(limits_.max_alias_nodes) + " nodes",
          "the file repeats an anchor inside anchors (an 'alias bomb'); write "
          "the values out instead"};
    }
    alias_bytes_ += anchored.bytes;
    if (alias_bytes_ > limits_.max_alias_bytes) {
      throw StopParsing{to_location(mark),
                        "aliases expand to more than " +
                            std::to_string(limits_.max_alias_bytes >> 20) + " MiB of text",
                        "the file repeats a big anchored value (an 'alias bomb'); write "
                        "the values out instead"};
    }
    YamlNode copy = anchored.node;
    copy.location = to_location(mark);
    complete(std::move(copy), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.type = YamlNode::Type::scalar;
    node.location = to_location(mark);
    node.text = value;
    complete(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(YamlNode::Type::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(YamlNode::Type::map, mark, anchor);
  }
  void OnMapEnd() override {
    check_keys(open_.back().node);
    close();
  }

 private:
  struct Open {
    YamlNode node;
    YAML::anchor_t anchor = 0;
  };
  struct Anchored {
    YamlNode node;
    std::size_t size = 0;   ///< nodes
    std::size_t bytes = 0;  ///< scalar text
  };

  // yaml-cpp marks an empty list item (`-` and nothing) at the token after
  // it, often on a later line or past the end; the item's '-' is where the
  // reader should look. Walks back over the whitespace between the two.
  Location item_dash(const YAML::Mark& mark) const {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) > text_.size()) return to_location(mark);
    std::size_t i = static_cast<std::size_t>(mark.pos);
    int line = mark.line + 1;
    while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t' || text_[i - 1] == '\r' ||
                     text_[i - 1] == '\n')) {
      if (text_[--i] == '\n') --line;
    }
    if (i == 0 || text_[i - 1] != '-') return to_location(mark);
    const std::size_t dash = i - 1;
    const std::size_t line_start = text_.rfind('\n', dash);
    const std::size_t column = dash - (line_start == std::string_view::npos ? 0 : line_start + 1);
    return {line, static_cast<int>(column) + 1};
  }

  void open(YamlNode::Type type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(open_.size()) >= limits_.max_depth) {
      throw StopParsing{to_location(mark),
                        "nesting too deep at line " + std::to_string(mark.line + 1) +
                            " (more than " + std::to_string(limits_.max_depth) + " levels)",
                        "an event file needs only a few levels of nesting"};
    }
    Open frame;
    frame.node.type = type;
    frame.node.location = to_location(mark);
    frame.anchor = anchor;
    open_.push_back(std::move(frame));
  }

  void close() {
    Open frame = std::move(open_.back());
    open_.pop_back();
    complete(std::move(frame.node), frame.anchor);
  }

  // Attaches a finished node to its parent, offering entries of top-level
  // sections to the sink first.
  void complete(YamlNode node, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = Anchored{node, count_nodes(node), count_bytes(node)};
    if (open_.empty()) {
      root_ = std::move(node);
      return;
    }
    YamlNode& parent = open_.back().node;
    const bool is_map_key = parent.is_map() && parent.children.size() % 2 == 0;
    // yaml-cpp marks an empty value (`title:` and nothing) at the token after
    // it, often on the next line; its key is where the reader should look.
    if (node.type == YamlNode::Type::null && parent.is_map() && !is_map_key) {
      node.location = parent.children.back().location;
    }
    if (sink_ && open_.size() == 2 && !is_map_key) {
      const YamlNode& root = open_.front().node;
      if (root.is_map() && !root.children.empty() && root.children.back().is_scalar()) {
        const YamlNode* key = parent.is_map() ? &parent.children.back() : nullptr;
        if (sink_->take(root.children.back().text, key, node)) {
          YamlNode placeholder;
          placeholder.type = YamlNode::Type::taken;
          placeholder.location = node.location;
          parent.children.push_back(std::move(placeholder));
          return;
        }
      }
    }
    parent.children.push_back(std::move(node));
  }

  // yaml-cpp keeps both copies of a repeated key and returns the first from
  // node["key"], so a repeated key would silently lose data.
  void check_keys(const YamlNode& map) {
    std::vector<std::size_t> scalar_keys;
    for (std::size_t i = 0; i < map.map_size(); ++i) {
      const YamlNode& key = map.key(i);
      if (key.is_scalar()) {
        scalar_keys.push_back(i);
      } else {
        diagnostics_.push_back({"", key.location, Severity::error,
                                "a key must be text, not " + std::string(describe(key)),
                                "write keys as plain words, like 'title:'"});
      }
    }
    std::stable_sort(scalar_keys.begin(), scalar_keys.end(), [&](std::size_t a, std::size_t b) {
      return map.key(a).text < map.key(b).text;
    });
    for (std::size_t i = 1; i < scalar_keys.size(); ++i) {
      const YamlNode& first = map.key(scalar_keys[i - 1]);
      const YamlNode& again = map.key(scalar_keys[i]);
      if (first.text != again.text) continue;
      diagnostics_.push_back(
          {"", again.location, Severity::error, "duplicate key '" + quote(again.text) + "'",
           "'" + quote(again.text) + "' is already set at line " +
               std::to_string(first.location.line) + "; remove or rename one of them"});
    }
  }

  std::string_view text_;
  const YamlLimits& limits_;
  YamlSectionSink* sink_;
  YAML::Mark first_document_;
  YamlNode root_;
  std::vector<Open> open_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::size_t alias_nodes_ = 0;
  std::size_t alias_bytes_ = 0;
  int documents_ = 0;
  std::vector<Diagnostic> diagnostics_;
};

// yaml-cpp rejects `{date: 2022?}` with "unknown token": a plain scalar in a
// flow collection cannot end in '?'. Authors meet this with EDTF qualifiers.
std::string hint_for(const std::string& message, std::string_view text, const YAML::Mark& mark) {
  const std::size_t pos =
      mark.pos > 0 ? std::min(static_cast<std::size_t>(mark.pos), text.size()) : 0;
  std::size_t line_start = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::size_t line_end = text.find('\n', line_start);
  std::string_view line =
      text.substr(line_start, line_end == std::string_view::npos ? std::string_view::npos
                                                                 : line_end - line_start);
  if (message.find("unknown token") != std::string::npos) {
    for (std::size_t i = 1; i < line.size(); ++i) {
      const char c = line[i];
      const char before = line[i - 1];
      if ((c == '?' || c == '~' || c == '%') &&
          ((before >= '0' && before <= '9') || before == 'X')) {
        return "a date with an EDTF qualifier (?, ~ or %) must be quoted inside { } or [ ]: "
               "write date: \"2022?\"";
      }
    }
  }
  // yaml-cpp's messages for these two say nothing of the cause.
  const std::string_view indent = line.substr(0, line.find_first_not_of(" \t"));
  if (indent.find('\t') != std::string_view::npos) {
    return "yaml does not allow tabs for indentation; indent with spaces";
  }
  for (std::size_t cr = text.find('\r'); cr != std::string_view::npos;
       cr = text.find('\r', cr + 1)) {
    if (cr + 1 == text.size() || text[cr + 1] != '\n') {
      return "the file ends lines with a lone carriage return (CR); save it with LF or CRLF line "
             "endings";
    }
  }
  return "";
}

}  // namespace

YamlReadResult read_yaml(std::string_view text, const std::string& file, const YamlLimits& limits,
                         YamlSectionSink* sink) {
  YamlReadResult result;
  TreeBuilder builder(text, limits, sink);
  // yaml-cpp reads from a stream; a string stream over a copy is the cost.
  std::istringstream stream{std::string(text)};
  auto fail = [&](Location location, std::string message, std::string hint) {
    result.diagnostics.push_back(
        {file, location, Severity::error, std::move(message), std::move(hint)});
  };
  try {
    YAML::Parser parser(stream);
    if (parser.HandleNextDocument(builder)) {
      // A second document is an error, raised from OnDocumentStart.
      parser.HandleNextDocument(builder);
    }
    result.ok = true;
  } catch (const StopParsing& stop) {
    fail(stop.location, stop.message, stop.hint);
  } catch (const YAML::DeepRecursion& e) {
    fail(to_location(e.mark), "nesting too deep at line " + std::to_string(e.mark.line + 1),
         "an event file needs only a few levels of nesting");
  } catch (const YAML::Exception& e) {
    fail(to_location(e.mark), "invalid yaml: " + e.msg, hint_for(e.msg, text, e.mark));
  } catch (const std::exception& e) {
    fail({}, std::string("could not read yaml: ") + e.what(), "");
  }
  for (Diagnostic& d : builder.diagnostics()) {
    d.file = file;
    result.diagnostics.push_back(std::move(d));
  }
  result.root = result.ok ? builder.take_root() : builder.take_partial_root();
  return result;
}

}  // namespace eventgraph::detail
