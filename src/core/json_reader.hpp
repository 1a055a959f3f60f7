#pragma once
// Reads fields of a JSON object without throwing (exceptions are off in the Wasm build),
// collecting a FieldError for each missing or mistyped field. Shared by the codecs.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/json_writer.hpp"
#include "core/time_format.hpp"

namespace orgdesk::core {

using Json = nlohmann::json;

inline const Json& null_json() {
    static const Json null;
    return null;
}

// Reads fields of one JSON object, collecting a FieldError for each missing or mistyped field
// instead of throwing.
class Reader {
  public:
    Reader(const Json& json, std::vector<FieldError>& errors, std::string path = {})
        : json_(json), errors_(errors), path_(std::move(path)) {}

    bool valid_object() const { return json_.is_object(); }

    std::string text(const char* key) { return optional_text(key, true).value_or(""); }

    std::optional<std::string> optional_text(const char* key, bool required = false) {
        const Json* v = find(key);
        if (v == nullptr || v->is_null()) {
            if (required)
                fail(key, "is required");
            return std::nullopt;
        }
        if (!v->is_string()) {
            fail(key, "must be a string");
            return std::nullopt;
        }
        return v->get<std::string>();
    }

    std::int64_t integer(const char* key) {
        const Json* v = find(key);
        if (v == nullptr || !v->is_number_integer()) {
            fail(key, "must be a whole number");
            return 0;
        }
        return v->get<std::int64_t>();
    }

    std::int64_t timestamp(const char* key) {
        const auto value = optional_text(key, true);
        if (!value)
            return 0;
        const auto ms = parse_iso8601(*value);
        if (!ms)
            fail(key, "must be an ISO 8601 UTC time");
        return ms.value_or(0);
    }

    std::vector<std::string> texts(const char* key) {
        std::vector<std::string> out;
        const Json* v = find(key);
        if (v == nullptr || v->is_null())
            return out;
        if (!v->is_array()) {
            fail(key, "must be a list of strings");
            return out;
        }
        for (const auto& item : *v) {
            if (!item.is_string()) {
                fail(key, "must be a list of strings");
                return {};
            }
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    // `parse` is a callable, not a function pointer: clang 14 (Emscripten 3.1.6) mistypes
    // pointers to these overloaded-by-name functions in Wasm, which would trap when called.
    template <class Enum, class Parse>
    Enum choice(const char* key, Parse parse, Enum fallback) {
        const auto value = optional_text(key, true);
        if (!value)
            return fallback;
        const auto parsed = parse(*value);
        if (!parsed)
            fail(key, "has an unknown value \"" + *value + "\"");
        return parsed.value_or(fallback);
    }

    // A nested object; a missing one reads as empty (and, if required, is reported).
    Reader child(const char* key, bool required = false) {
        const Json* v = find(key);
        if (v != nullptr && !v->is_null() && !v->is_object())
            fail(key, "must be an object");
        if ((v == nullptr || v->is_null()) && required)
            fail(key, "is required");
        const bool usable = v != nullptr && v->is_object();
        return Reader(usable ? *v : null_json(), errors_, field(key) + ".");
    }

    bool has(const char* key) const {
        const Json* v = find(key);
        return v != nullptr && !v->is_null();
    }

    const Json* find(const char* key) const {
        if (!json_.is_object())
            return nullptr;
        const auto it = json_.find(key);
        return it == json_.end() ? nullptr : &*it;
    }

    void fail(const char* key, const std::string& message) {
        errors_.push_back({field(key), message});
    }

  private:
    std::string field(const char* key) const { return path_ + key; }

    const Json& json_;
    std::vector<FieldError>& errors_;
    std::string path_;
};

// {"items": [...], "nextCursor": ..., "counts": {status: n}}: a page of any list, written by
// either JSON writer; `write_item(out, item)` writes one item.
template <class Out, class Item, class Status, class WriteItem>
void write_page(Out& out, const std::vector<Item>& items,
                const std::optional<std::string>& nextCursor, const std::map<Status, int>& counts,
                WriteItem write_item) {
    out.begin_object();
    out.key("items");
    out.begin_array();
    for (const auto& item : items)
        write_item(out, item);
    out.end_array();
    out.key("nextCursor");
    if (nextCursor)
        out.string(*nextCursor);
    else
        out.null();
    out.key("counts");
    out.begin_object();
    for (const auto& [status, n] : counts)
        field(out, to_string(status), static_cast<std::int64_t>(n));
    out.end_object();
    out.end_object();
}

template <class Item, class Status>
Json page_json(const std::vector<Item>& items, const std::optional<std::string>& nextCursor,
               const std::map<Status, int>& counts) {
    JsonTreeWriter out;
    write_page(out, items, nextCursor, counts,
               [](JsonTreeWriter& o, const Item& item) { o.json(to_json(item)); });
    return std::move(out).take();
}

inline Error invalid(std::vector<FieldError> fields,
                     std::string message = "The data is not valid.") {
    return make_error(ErrorKind::InvalidInput, "invalid-input", std::move(message),
                      std::move(fields));
}

inline Error not_an_object() {
    return invalid({{"", "must be a JSON object"}}, "The data must be a JSON object.");
}

}  // namespace orgdesk::core
