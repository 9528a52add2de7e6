// Dates as other tools write them, turned into EDTF of exactly the
// precision they carry. Internal to engine/import*.cpp.
#pragma once

#include "engine/edtf.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eventgraph::detail {

/// An astronomical year as EDTF writes it: "2022", "0000" (1 BCE), "-0499"
/// (500 BCE), "Y12000".
std::string edtf_year(std::int64_t astronomical);

/// The EDTF date of a year, optionally a month, optionally a day (only with
/// a month): "2022", "2022-03", "2022-03-29". Invalid calendar dates (month
/// 13, 29 February of a common year) come back with parse_edtf's error.
EdtfParseResult edtf_from_parts(std::int64_t astronomical_year, std::optional<int> month,
                                std::optional<int> day);

/// TimelineJS numbers years as people do: -500 is 500 BCE, shown "500 BCE"
/// (TimelineJS drops the sign and adds "BCE"). Astronomically that is -499;
/// TimelineJS year 0 stands for no year and is nullopt.
std::optional<std::int64_t> astronomical_from_timelinejs(std::int64_t year);
/// The other way: astronomical 0 (1 BCE) is TimelineJS -1.
std::int64_t timelinejs_from_astronomical(std::int64_t year);

/// A spreadsheet cell as EDTF: EDTF itself ("2022-03", "2022?", "-0499",
/// "2022-03/2022-04"); a year of fewer than four digits ("985"); a year
/// with an era ("500 BCE", "44 BC", "AD 79", "1066 CE"); and the timestamp
/// spreadsheets write ("2022-03-29 00:00:00"), of which the day counts.
/// `dropped` is set to what was left out (the time of day), if anything.
/// On failure returns nullopt with `error` set.
std::optional<std::string> spreadsheet_date(std::string_view cell, std::string* error,
                                            std::string* dropped);

}  // namespace eventgraph::detail
