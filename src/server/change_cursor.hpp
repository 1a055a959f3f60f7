#pragma once
// The cursors of GET /api/v1/changes, sealed so that they tell a client nothing. The change
// feed's sequence counts every change on this server, in every tenant: in the clear, a sandbox
// could read other tenants' activity from it (and, with the run's start time beside it, when the
// server started). A cursor is the sequence encrypted and authenticated (libsodium's secretbox)
// under a key drawn at random for this run, with a fresh random nonce each time: two cursors of
// one position look unrelated, and only this run of this server can open them.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/change_feed.hpp"

namespace orgdesk::server {

class ChangeCursors {
  public:
    using Sequence = platform::ChangeFeed::Sequence;

    ChangeCursors();  // draws the key; throws std::runtime_error when libsodium cannot start
    ~ChangeCursors();
    ChangeCursors(const ChangeCursors&) = delete;
    ChangeCursors& operator=(const ChangeCursors&) = delete;

    std::string seal(Sequence sequence) const;

    struct Opened {
        enum class Kind {
            Position,  // sealed here: `sequence` is where the client was
            // Shaped like a cursor but not one of this run: from before a restart, from another
            // instance sharing the database, from before cursors were sealed ("<epoch>.<seq>"),
            // or altered. The client may have missed anything: it starts over.
            Foreign,
            Malformed,  // not a cursor at all
        };
        Kind kind = Kind::Malformed;
        Sequence sequence = 0;
    };
    Opened open(std::string_view text) const;

  private:
    std::array<unsigned char, 32> key_{};  // crypto_secretbox_KEYBYTES, checked in the .cpp
};

}  // namespace orgdesk::server
