#include "core/time_format.hpp"

#include <cstdio>

namespace orgdesk::core {
namespace {

// Howard Hinnant's civil-date algorithms (public domain), proleptic Gregorian calendar.
struct CivilDate {
    std::int64_t year;
    int month;
    int day;
};

CivilDate civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

}  // namespace

std::string format_iso8601(std::int64_t unixMs) {
    const std::int64_t days = floor_div(unixMs, 86400000);
    const std::int64_t msOfDay = unixMs - days * 86400000;
    const auto date = civil_from_days(days);
    if (date.year < 0 || date.year > 9999) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      static_cast<long long>(date.year), date.month, date.day,
                      static_cast<int>(msOfDay / 3600000), static_cast<int>(msOfDay / 60000 % 60),
                      static_cast<int>(msOfDay / 1000 % 60), static_cast<int>(msOfDay % 1000));
        return buffer;
    }
    // Every answer carries two of these per item: digits written directly, not through printf.
    std::string text = "0000-00-00T00:00:00.000Z";
    const auto put = [&text](std::size_t at, std::int64_t value, std::size_t width) {
        for (std::size_t i = width; i-- > 0; value /= 10)
            text[at + i] = static_cast<char>('0' + value % 10);
    };
    put(0, date.year, 4);
    put(5, date.month, 2);
    put(8, date.day, 2);
    put(11, msOfDay / 3600000, 2);
    put(14, msOfDay / 60000 % 60, 2);
    put(17, msOfDay / 1000 % 60, 2);
    put(20, msOfDay % 1000, 3);
    return text;
}

std::string format_date(std::int64_t unixMs) {
    return format_iso8601(unixMs).substr(0, 10);
}

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
    // Accepts exactly what format_iso8601 writes, with or without milliseconds.
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    int consumed = 0;
    const std::string s(text);
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute,
                    &second, &consumed) != 6) {
        return std::nullopt;
    }
    std::string_view rest = text.substr(static_cast<std::size_t>(consumed));
    if (rest.size() == 5 && rest[0] == '.') {
        int digits = 0;
        if (std::sscanf(s.c_str() + consumed, ".%3d%n", &millis, &digits) != 1 || digits != 4) {
            return std::nullopt;
        }
        rest.remove_prefix(4);
    }
    if (rest != "Z" || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
        second > 60 || year < 0 || hour < 0 || minute < 0 || second < 0 || millis < 0) {
        return std::nullopt;
    }
    const std::int64_t days =
        days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return ((days * 24 + hour) * 60 + minute) * 60000 + second * 1000LL + millis;
}

}  // namespace orgdesk::core
