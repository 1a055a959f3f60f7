#include "platform/store_codecs.hpp"

#include <nlohmann/json.hpp>

namespace orgdesk::platform {

std::string to_json_array(const std::vector<std::string>& items) {
    return nlohmann::json(items).dump();
}

std::vector<std::string> from_json_array(const std::string& text) {
    if (text == "[]")
        return {};  // most lists are empty: a page of organizations skips a parse per column
    const auto json = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (!json.is_array())
        return out;
    for (const auto& item : json) {
        if (item.is_string())
            out.push_back(item.get<std::string>());
    }
    return out;
}

std::string lines_to_json(const std::vector<core::OrderLine>& lines) {
    nlohmann::json json = nlohmann::json::array();
    for (const auto& l : lines) {
        json.push_back({{"sku", l.sku},
                        {"name", l.name},
                        {"quantity", l.quantity},
                        {"unitPrice", l.unitPrice},
                        {"billingPeriod", core::to_string(l.billingPeriod)}});
    }
    return json.dump();
}

std::vector<core::OrderLine> lines_from_json(const std::string& text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    std::vector<core::OrderLine> lines;
    if (!json.is_array())
        return lines;
    for (const auto& item : json) {
        core::OrderLine l;
        l.sku = item.value("sku", "");
        l.name = item.value("name", "");
        l.quantity = item.value("quantity", 0);
        l.unitPrice = item.value("unitPrice", core::MinorUnits{0});
        l.billingPeriod = core::parse_billing_period(item.value("billingPeriod", ""))
                              .value_or(core::BillingPeriod::Monthly);
        lines.push_back(std::move(l));
    }
    return lines;
}

}  // namespace orgdesk::platform
