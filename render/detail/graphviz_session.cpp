#include "render/detail/graphviz_session.h"

#include <cctype>
#include <sstream>

namespace eventgraph::detail {

namespace {

std::string& captured_messages() {
  static std::string messages;
  return messages;
}

int capture_message(char* message) {
  captured_messages() += message;
  return 0;
}

std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

GraphvizSession::GraphvizSession() : lock_(graphviz_mutex()) {
  captured_messages().clear();
  previous_ = agseterrf(capture_message);
  agseterr(AGWARN);
  static GVC_t* shared = gvContext();  // loads the installed plugins once
  gvc_ = shared;
}

GraphvizSession::~GraphvizSession() { agseterrf(previous_); }

void GraphvizSession::take_messages(const std::string& file, std::vector<Diagnostic>& out) {
  std::istringstream lines(captured_messages());
  captured_messages().clear();
  Severity severity = Severity::warning;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("Error: ")) severity = Severity::error, line.erase(0, 7);
    if (line.starts_with("Warning: ")) severity = Severity::warning, line.erase(0, 9);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    if (!line.empty()) out.push_back({file, {}, severity, "graphviz: " + line, ""});
  }
}

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), chars(value), const_cast<char*>(""));
}

void set_html(void* object, const char* name, const std::string& html) {
  Agraph_t* root = agroot(object);
  Agsym_t* sym = agattr(root, agobjkind(object), const_cast<char*>(name), nullptr);
  if (sym == nullptr) sym = agattr(root, agobjkind(object), const_cast<char*>(name), chars(""));
  char* value = agstrdup_html(root, chars(html));
  agxset(object, sym, value);
  agstrfree(root, value);
}

}  // namespace eventgraph::detail
