#pragma once
// The real orgdesk-server binary as a child process, for tests that must kill it (SIGKILL) and
// start it again on the same database.
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace orgdesk::server::testing {

class ServerProcess {
  public:
    // Starts `binary` with `arguments` plus "--port 0", its output going to `logPath` (its
    // standard error to `errorPath`, when given), and waits (up to 30 s) for the line that says
    // which port it serves on. Throws std::runtime_error when it does not come.
    ServerProcess(const std::string& binary, const std::vector<std::string>& arguments,
                  const std::string& logPath, const std::string& errorPath = {});
    ~ServerProcess();  // kills it, if still running
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    std::uint16_t port() const { return port_; }

    // SIGKILL: no chance to finish anything, as in a crash or power loss.
    void kill_now();
    // SIGTERM, then waits for the exit; returns the exit status (0 for a clean stop).
    int stop();
    // SIGTERM only, for a test that watches the server stop; wait_for_exit() then says how.
    void terminate();
    // Waits for the exit; the exit status (0 for a clean stop), -1 for a death by a signal.
    int wait_for_exit();

  private:
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
};

// Runs `binary` with `arguments` to its end (as a one-off command such as `backup`), its output
// going to `logPath`; returns the exit status, -1 for a death by a signal.
int run_to_completion(const std::string& binary, const std::vector<std::string>& arguments,
                      const std::string& logPath);

// The whole text of a file; "" when there is none.
std::string read_text(const std::string& path);

}  // namespace orgdesk::server::testing
