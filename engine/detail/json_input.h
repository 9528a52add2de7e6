// Reading JSON input for the importers: nlohmann/json behind one door, with
// syntax errors at a line and column, duplicate keys refused (the JSON
// library would keep the last silently), and a depth limit. Internal.
#pragma once

#include "engine/diagnostic.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace eventgraph::detail {

struct JsonInput {
  nlohmann::json document;
  std::optional<Diagnostic> error;
};

/// Parses `text`; never throws. Objects keep their keys sorted (nlohmann's
/// default), so readers walk them in a stable order.
JsonInput parse_json_input(std::string_view text, const std::string& file, int max_depth = 64);

/// `/events/3/start_date` for messages: the RFC 6901 pointer with `~` and
/// `/` escaped.
std::string pointer_child(const std::string& pointer, std::string_view key);
std::string pointer_child(const std::string& pointer, std::size_t index);

/// "text", "a number", "a list", "a map", "true or false", "null".
std::string_view describe_json(const nlohmann::json& value);

}  // namespace eventgraph::detail
