#pragma once
// Two writers of the same JSON, with one interface, so a codec is written once for both:
// JsonTextWriter prints straight into a string (the server's answers: no tree of maps and
// strings to build first, which cost more than the rest of a read), JsonTreeWriter builds a
// nlohmann::json (what merges, audit diffs and tests work on).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace orgdesk::core {

class JsonTextWriter {
  public:
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(std::string_view name);
    // Text is written as UTF-8; invalid UTF-8 becomes U+FFFD, as nlohmann's dump with
    // error_handler_t::replace does: a stored name must never take an answer down.
    void string(std::string_view text);
    void number(std::int64_t n);
    void null();
    std::string take() && { return std::move(out_); }

  private:
    void before_value();
    std::string out_;
    bool needsComma_ = false;
};

class JsonTreeWriter {
  public:
    void begin_object() { open(nlohmann::json::object()); }
    void end_object() { open_.pop_back(); }
    void begin_array() { open(nlohmann::json::array()); }
    void end_array() { open_.pop_back(); }
    void key(std::string_view name) { key_ = name; }
    void string(std::string_view text) { slot() = std::string(text); }
    void number(std::int64_t n) { slot() = n; }
    void null() { slot() = nullptr; }
    void json(nlohmann::json value) { slot() = std::move(value); }  // a subtree built elsewhere
    nlohmann::json take() && { return std::move(root_); }

  private:
    nlohmann::json& slot();
    void open(nlohmann::json empty);
    nlohmann::json root_;
    // The containers being filled; a parent is not changed while a child is open, so these
    // pointers stay valid.
    std::vector<nlohmann::json*> open_;
    std::string key_;
};

// Shorthands for codecs, for either writer.
template <class Out>
void field(Out& out, std::string_view name, std::string_view text) {
    out.key(name);
    out.string(text);
}

template <class Out>
void field(Out& out, std::string_view name, std::int64_t n) {
    out.key(name);
    out.number(n);
}

template <class Out>
void field(Out& out, std::string_view name, const std::vector<std::string>& texts) {
    out.key(name);
    out.begin_array();
    for (const auto& text : texts)
        out.string(text);
    out.end_array();
}

}  // namespace orgdesk::core
