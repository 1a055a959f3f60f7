// The normal build: requests go over the network to the Orgdesk server.
#include "app/web/fetch_client.hpp"

namespace orgdesk::app::web {

Transport& transport() {
    static FetchClient client;
    return client;
}

}  // namespace orgdesk::app::web
