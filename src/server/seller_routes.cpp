#include "server/seller_routes.hpp"

#include <vector>

#include "server/problems.hpp"
#include "server/responses.hpp"

namespace orgdesk::server {
namespace {

StringResponse list_sellers(platform::Store& store, const core::Principal& who) {
    const auto scope = core::scope_of(who);
    std::vector<platform::Partner> sellers;
    switch (scope.level) {
        case core::TenantLevel::Distributor:
            sellers = store.list_sellers(scope.id);
            break;
        case core::TenantLevel::Seller:
            if (auto seller = store.find_partner(scope.id))
                sellers.push_back(*seller);
            break;
        case core::TenantLevel::Customer:
            return problem_response(
                core::make_error(core::ErrorKind::Forbidden, "forbidden",
                                 "Only distributor and seller staff work with sellers."));
    }
    core::Json items = core::Json::array();
    for (const auto& seller : sellers)
        items.push_back({{"id", seller.id}, {"name", seller.name}});
    return json_response(http::status::ok, {{"items", items}});
}

}  // namespace

void add_seller_routes(Router& router, platform::Store& store) {
    router.add(
        {http::verb::get,
         "/api/v1/sellers",
         Access::SignedIn,
         {},
         [&store](const RequestContext& c) { return list_sellers(store, c.caller->principal); }});
}

}  // namespace orgdesk::server
