#pragma once
// A SQLite database file in a fresh temporary folder, removed with the test.
#include <filesystem>
#include <random>
#include <string>

namespace orgdesk::testing {

class TempDatabase {
  public:
    TempDatabase() {
        std::random_device random;
        dir_ = std::filesystem::temp_directory_path() /
               ("orgdesk-test-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(dir_);
    }
    ~TempDatabase() {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    std::string path() const { return (dir_ / "orgdesk.db").string(); }

  private:
    std::filesystem::path dir_;
};

}  // namespace orgdesk::testing
