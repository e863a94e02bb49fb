#include "tests/cli/run_process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hsg::test {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "hsg-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

namespace {

ProcessResult run_program(const char* program, const std::vector<std::string>& args,
                          const RunOptions& options) {
  TempDir io;
  write_file(io / "stdin", options.stdin_text);
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    const int in = open((io / "stdin").c_str(), O_RDONLY);
    const std::filesystem::path out_path =
        options.stdout_path.empty() ? io / "stdout" : options.stdout_path;
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open((io / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    if (chdir(options.working_directory.c_str()) != 0) _exit(127);
    for (const std::string& variable : options.environment) {
      putenv(const_cast<char*>(variable.c_str()));
    }
    std::vector<char*> argv{const_cast<char*>(program)};
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execvp(program, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
          read_file(io / "stdout"), read_file(io / "stderr")};
}

}  // namespace

std::string run_sqlite(const std::string& database, const std::string& sql) {
  const ProcessResult result = run_program("sqlite3", {database, sql}, {});
  if (result.exit_code != 0) throw std::runtime_error("sqlite3 failed: " + result.err);
  return result.out;
}

ProcessResult run_hsg(const std::vector<std::string>& args, const RunOptions& options) {
  return run_program(HSG_BINARY, args, options);
}

}  // namespace hsg::test
