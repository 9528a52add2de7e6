// Graphviz's global state, held for one render: its context, one caller at
// a time, and its messages captured as diagnostics instead of printed; and
// small RAII and attribute helpers over cgraph. Included only by
// render/graphviz.cpp, the one door to cgraph and gvc.
#pragma once

#include "engine/diagnostic.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace eventgraph::detail {

/// Holds the lock on Graphviz and routes its messages to a buffer, from
/// which take_messages() turns them into diagnostics.
class GraphvizSession {
 public:
  GraphvizSession();
  ~GraphvizSession();
  GraphvizSession(const GraphvizSession&) = delete;
  GraphvizSession& operator=(const GraphvizSession&) = delete;

  /// The context, created once per process: it loads the installed plugins.
  GVC_t* gvc() const { return gvc_; }

  /// Appends the messages captured so far as diagnostics of `file`
  /// ("graphviz: ..."), errors and warnings as Graphviz marked them.
  void take_messages(const std::string& file, std::vector<Diagnostic>& out);

 private:
  std::lock_guard<std::mutex> lock_;
  agusererrf previous_ = nullptr;
  GVC_t* gvc_ = nullptr;
};

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

/// A layout, freed when it goes out of scope.
class Layout {
 public:
  Layout(GVC_t* gvc, Agraph_t* g, const char* engine) : gvc_(gvc), g_(g) {
    ok_ = gvLayout(gvc, g, engine) == 0;
  }
  ~Layout() {
    if (ok_) gvFreeLayout(gvc_, g_);
  }
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;
  bool ok() const { return ok_; }

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
  bool ok_ = false;
};

/// cgraph takes `char*` where it only reads.
inline char* chars(const std::string& s) { return const_cast<char*>(s.c_str()); }

/// Sets a plain attribute on a graph, node or edge.
void set(void* object, const char* name, const std::string& value);
/// Sets an HTML-like label attribute (Graphviz's `<...>` labels).
void set_html(void* object, const char* name, const std::string& html);

}  // namespace eventgraph::detail
