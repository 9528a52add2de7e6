// The pieces of the EDTF grammar that engine/edtf.cpp assembles into dates,
// intervals and sets. Included only by the engine's edtf*.cpp files.
#pragma once

#include "engine/edtf.h"

#include <optional>
#include <string>
#include <string_view>

namespace eventgraph::detail {

/// The lowest level that has every form seen so far, and the first form
/// that needed it.
struct LevelNeed {
  EdtfLevel level = EdtfLevel::zero;
  std::string_view feature;

  /// Records that `feature` needs `level`; the first form of the highest
  /// level is the one messages name.
  void raise(EdtfLevel needed, std::string_view what) {
    if (needed > level) level = needed, feature = what;
  }
  void raise(const LevelNeed& other) { raise(other.level, other.feature); }
};

/// One date as parsed, with the level its forms need.
struct ParsedSingle {
  SingleDate date;
  LevelNeed need;
};

/// Parses the whole of `text` as one date: no '/', no set brackets. On
/// failure returns nullopt and sets `error` to what is wrong, without
/// quoting the whole text (the caller does).
std::optional<ParsedSingle> parse_single_date(std::string_view text, std::string& error);

/// Quotes text for an error message: cut after 40 bytes, with bytes that
/// could break the line or the terminal shown as \xNN.
std::string edtf_quote(std::string_view text);

/// The days of the years `first` to `last`, both included.
DayRange years_range(Year first, Year last);

}  // namespace eventgraph::detail
