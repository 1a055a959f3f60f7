#pragma once
// Argon2id password hashes (libsodium's crypto_pwhash_str format, interactive limits). Each hash
// takes tens of milliseconds and 64 MiB, so the number running at once is bounded: a burst of
// sign-ins queues here instead of exhausting memory. (The server calls it only from its
// PasswordWorkQueue, so no I/O thread waits here either.)
#include <atomic>
#include <mutex>
#include <semaphore>
#include <string>
#include <string_view>

namespace orgdesk::server {

class PasswordHasher {
  public:
    explicit PasswordHasher(int maxConcurrent = 2);

    std::string hash(std::string_view password);
    bool verify(const std::string& passwordHash, std::string_view password);

    // Spends the same effort as a real verification, for a username that does not exist, so the
    // answer's timing does not tell which usernames do.
    void verify_nothing(std::string_view password);
    // Computes now the hash verify_nothing checks against, which is otherwise made on its first
    // use (that one answer would take twice as long). The server calls it as it starts; the
    // offline sandbox has no passwords and never pays for it (about 3 s in WebAssembly).
    void prepare_decoy();

    // Hashes running now, and the most that ever ran at once: for tests and metrics.
    int running() const { return running_.load(); }
    int peak_running() const { return peak_.load(); }

  private:
    friend class HashSlot;
    std::counting_semaphore<> slots_;
    std::atomic<int> running_{0};
    std::atomic<int> peak_{0};
    std::once_flag decoyMade_;
    std::string decoyHash_;  // a hash of a random password, verified against for unknown users
};

}  // namespace orgdesk::server
