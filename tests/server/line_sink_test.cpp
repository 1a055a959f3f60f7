#include "server/line_sink.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/logger.h>

namespace orgdesk::server {
namespace {

TEST(LineSink, LinesLoggedFromSeveralThreadsComeOutWholeInThePattern) {
    std::array<int, 2> pipeEnds{};
    ASSERT_EQ(::pipe(pipeEnds.data()), 0);
    auto sink = std::make_shared<LineSink>(pipeEnds[1]);
    spdlog::logger logger("test", sink);
    logger.set_pattern("%l %v");

    constexpr int kThreads = 4;
    constexpr int kLines = 200;  // 800 short lines fit in the pipe's buffer
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&logger, t] {
            for (int i = 0; i < kLines; ++i)
                logger.info("thread {} line {}", t, i);
        });
    }
    for (auto& thread : threads)
        thread.join();
    ::close(pipeEnds[1]);

    std::string text;
    std::array<char, 4096> chunk{};
    ssize_t got = 0;
    while ((got = ::read(pipeEnds[0], chunk.data(), chunk.size())) > 0)
        text.append(chunk.data(), static_cast<std::size_t>(got));
    ::close(pipeEnds[0]);

    std::set<std::string> expected;
    for (int t = 0; t < kThreads; ++t) {
        for (int i = 0; i < kLines; ++i)
            expected.insert("info thread " + std::to_string(t) + " line " + std::to_string(i));
    }
    std::set<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        EXPECT_TRUE(lines.insert(line).second) << "twice: " << line;
    EXPECT_EQ(lines, expected);
}

}  // namespace
}  // namespace orgdesk::server
