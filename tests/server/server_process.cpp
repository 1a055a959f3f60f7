#include "server/server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <thread>

namespace orgdesk::server::testing {

namespace {

// Forks and execs `binary` with `arguments`, its output going to `logPath` (its standard error
// to `errorPath` instead, when one is given).
pid_t spawn(const std::string& binary, const std::vector<std::string>& arguments,
            const std::string& logPath, const std::string& errorPath = {}) {
    // Its output goes to a file, not a pipe: a pipe nobody drains would stall the server once
    // its request log filled the pipe's buffer.
    const int log = open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (log < 0)
        throw std::runtime_error("cannot write " + logPath);
    const int errors =
        errorPath.empty() ? log : open(errorPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (errors < 0)
        throw std::runtime_error("cannot write " + errorPath);
    std::vector<std::string> argv{binary};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(log, STDOUT_FILENO);
        dup2(errors, STDERR_FILENO);
        close(log);
        if (errors != log)
            close(errors);
        std::vector<char*> raw;
        for (auto& a : argv)
            raw.push_back(a.data());
        raw.push_back(nullptr);
        execv(binary.c_str(), raw.data());
        _exit(127);
    }
    close(log);
    if (errors != log)
        close(errors);
    return pid;
}

int exit_status_of(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string read_text(const std::string& path) {
    std::ifstream file(path);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

int run_to_completion(const std::string& binary, const std::vector<std::string>& arguments,
                      const std::string& logPath) {
    return exit_status_of(spawn(binary, arguments, logPath));
}

ServerProcess::ServerProcess(const std::string& binary, const std::vector<std::string>& arguments,
                             const std::string& logPath, const std::string& errorPath) {
    auto withPort = arguments;
    withPort.insert(withPort.end(), {"--port", "0"});
    pid_ = spawn(binary, withPort, logPath, errorPath);
    const auto& bannerPath = errorPath.empty() ? logPath : errorPath;

    // "Orgdesk is serving on http://127.0.0.1:PORT/ ..."
    const std::regex serving(R"(serving on http://[^:]+:(\d+)/)");
    std::string text;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        text = read_text(bannerPath);
        std::smatch match;
        if (std::regex_search(text, match, serving)) {
            port_ = static_cast<std::uint16_t>(std::stoi(match[1].str()));
            return;
        }
    }
    kill_now();
    throw std::runtime_error("orgdesk-server did not start: " + text);
}

ServerProcess::~ServerProcess() {
    kill_now();
}

void ServerProcess::kill_now() {
    if (pid_ <= 0)
        return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

int ServerProcess::stop() {
    terminate();
    return wait_for_exit();
}

void ServerProcess::terminate() {
    if (pid_ > 0)
        kill(pid_, SIGTERM);
}

int ServerProcess::wait_for_exit() {
    if (pid_ <= 0)
        return -1;
    const int status = exit_status_of(pid_);
    pid_ = -1;
    return status;
}

}  // namespace orgdesk::server::testing
