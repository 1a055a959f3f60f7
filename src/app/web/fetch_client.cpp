#include "app/web/fetch_client.hpp"

#include <emscripten/fetch.h>

#include <cstring>
#include <memory>
#include <string>

#include "app/web/browser.hpp"

namespace orgdesk::app::web {

// What one request needs to outlive the call: its body and headers are read by the browser
// after send() returns.
struct FetchClient::Call {
    FetchClient* client;
    RequestId id;
    Purpose purpose;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headerValues;
    bool longPoll;
    std::vector<const char*> headers;  // pointers into headerValues, ending with nullptr
};

void FetchClient::send(const HttpRequest& request) {
    auto call = std::make_unique<Call>(Call{this,
                                            request.id,
                                            request.purpose,
                                            request.body,
                                            request_headers(request),
                                            request.longPoll,
                                            {}});
    for (const auto& [name, value] : call->headerValues) {
        call->headers.push_back(name.c_str());
        call->headers.push_back(value.c_str());
    }
    call->headers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, request.method.c_str(), sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.requestHeaders = call->headers.data();
    if (!call->body.empty()) {
        attr.requestData = call->body.data();
        attr.requestDataSize = call->body.size();
    }
    attr.onsuccess = on_done;
    attr.onerror = on_done;
    attr.userData = call.release();
    waiting_.started(request);
    emscripten_fetch(&attr, request.path.c_str());
}

void FetchClient::on_done(emscripten_fetch_t* fetch) {
    std::unique_ptr<Call> call(static_cast<Call*>(fetch->userData));
    std::string body;
    if (fetch->data != nullptr && fetch->numBytes > 0) {
        body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
    }
    // status 0 means the server could not be reached at all.
    call->client->answers_.push_back(
        HttpAnswered{call->id, call->purpose, static_cast<int>(fetch->status), std::move(body)});
    call->client->waiting_.finished(call->longPoll);
    emscripten_fetch_close(fetch);
    wake();
}

std::vector<HttpAnswered> FetchClient::take_answers() {
    std::vector<HttpAnswered> answers;
    answers.swap(answers_);
    return answers;
}

}  // namespace orgdesk::app::web
