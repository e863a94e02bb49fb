// Running the real hsg binary from tests: arguments, optional stdin, extra environment;
// stdout, stderr and the exit code come back exactly as a user would see them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hsg::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

struct RunOptions {
  std::string stdin_text;
  std::vector<std::string> environment;  // "NAME=value", added to the test's own
  std::filesystem::path working_directory = HSG_SOURCE_DIR;
  // Where stdout goes instead of being captured (e.g. /dev/full, to make writing fail).
  std::filesystem::path stdout_path;
};

ProcessResult run_hsg(const std::vector<std::string>& args, const RunOptions& options = {});

// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Runs the sqlite3 shell on `database` with `sql`; its stdout (rows as a|b|c lines).
std::string run_sqlite(const std::string& database, const std::string& sql);

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);

}  // namespace hsg::test
