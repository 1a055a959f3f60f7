// --public-url on the real orgdesk-server binary (issue 21, finding 5): a value that is not an
// http or https address of a host stops the server before it opens anything, saying what is
// wrong; a good one is where the answers' absolute links point, whatever Host a request names.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "server/http_client.hpp"
#include "server/process_test_support.hpp"
#include "server/server_fixture.hpp"
#include "server/server_process.hpp"

namespace orgdesk::server::testing {
namespace {

TEST(PublicUrlFlag, ABadValueStopsTheServerAtStartAndSaysWhatIsWrong) {
    const auto dir = make_temp_dir();
    const std::vector<std::pair<std::string, std::string>> refused = {
        {"ftp://portal.example.com", "must start with http:// or https://"},
        {"portal.example.com", "must start with http:// or https://"},
        {"https://portal.example.com/portal", "must not have a path"},
        {"https://portal.example.com/?tenant=1", "must not have a query"},
        {"https://", "has no host"},
        {"https://portal.example.com:99999", "port must be a number from 1 to 65535"},
    };
    for (const auto& [value, says] : refused) {
        const auto log = (dir / "server.log").string();
        const int status = run_to_completion(
            ORGDESK_SERVER_BINARY,
            {"--db", (dir / "orgdesk.db").string(), "--port", "0", "--public-url", value}, log);
        const auto output = read_text(log);
        EXPECT_NE(status, 0) << value << ": " << output;
        EXPECT_NE(output.find("--public-url"), std::string::npos) << value << ": " << output;
        EXPECT_NE(output.find(says), std::string::npos) << value << ": " << output;
        EXPECT_EQ(output.find("serving on"), std::string::npos) << value << ": " << output;
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "orgdesk.db")) << "opened the database first";
}

TEST(PublicUrlFlag, AbsoluteLinksUseItWhateverTheHostHeaderSays) {
    const auto dir = make_temp_dir();
    ServerProcess server(ORGDESK_SERVER_BINARY,
                         {"--db", (dir / "orgdesk.db").string(), "--demo", "--public-url",
                          "https://Portal.Example.com/"},
                         (dir / "server.log").string());
    const HttpClient client(server.port());
    const auto seller = sign_in_to(client, "seller@demo.test");
    const auto orders =
        client.send({"GET",
                     "/api/v1/orders?status=PendingApproval",
                     {},
                     {{"Authorization", "Bearer " + seller.token}, {"Host", "evil.example"}}});
    ASSERT_EQ(orders.status, 200) << orders.body;
    const auto items = orders.json().at("items");
    ASSERT_FALSE(items.empty());
    for (const auto& order : items) {
        const auto id = order.at("id").get<std::string>();
        EXPECT_EQ(order.at("links").at("approve"),
                  "https://portal.example.com/api/v1/orders/" + id + "/approve");
    }
    EXPECT_EQ(orders.header("Strict-Transport-Security"), "max-age=31536000; includeSubDomains");
    EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace orgdesk::server::testing
