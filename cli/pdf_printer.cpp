#include "cli/pdf_printer.h"

#include <fcntl.h>
#include <fmt/core.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

#include "cli/input_error.h"
#include "cli/store_options.h"
#include "db/safe_file.h"

namespace hsg::cli {

namespace {

constexpr auto kTimeout = std::chrono::seconds(120);

std::string browser() {
  const char* named = std::getenv("HSG_CHROMIUM");
  return named != nullptr && *named != '\0' ? named : "chromium";
}

// A private folder for the page, the profile and the PDF, removed when done.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string name = (std::filesystem::temp_directory_path() / "hsg-letter-XXXXXX").string();
    if (mkdtemp(name.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "cannot make a temporary folder");
    }
    path_ = name;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs the browser with `arguments`, its output discarded; its exit status, or -1 when
// it ran past the timeout (it is killed), 127 when it could not be started.
int run_browser(const std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  const pid_t child = fork();
  if (child < 0) throw std::system_error(errno, std::generic_category(), "cannot start chromium");
  if (child == 0) {
    const int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, STDIN_FILENO);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    setpgid(0, 0);  // its helpers go with it when it is killed
    execvp(argv[0], argv.data());
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  int status = 0;
  while (waitpid(child, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-child, SIGKILL);
      waitpid(child, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

void print_pdf(const std::string& html, const std::filesystem::path& target) {
  // Refuse an unwritable target before the browser runs for seconds.
  db::SafeFile out = unwrap(db::SafeFile::create(target, 0644));
  const ScratchFolder scratch;
  const auto page = scratch.path() / "letter.html";
  const auto pdf = scratch.path() / "letter.pdf";
  {
    std::ofstream file(page, std::ios::binary);
    file << html;
    if (!file.flush()) throw std::runtime_error("cannot write the letter to a temporary file");
  }
  const std::string name = browser();
  const int status = run_browser(
      {name, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
       "--no-first-run", "--user-data-dir=" + (scratch.path() / "profile").string(),
       "--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(), "file://" + page.string()});
  if (status == 127) {
    throw InputError(fmt::format(
        "--pdf needs Chromium to print the letter, and '{}' could not be run; install the "
        "Debian package 'chromium' (scripts/setup) or name the browser in $HSG_CHROMIUM, or "
        "use --output FILE.html and print that",
        name));
  }
  if (status != 0) {
    throw InputError(fmt::format("{} could not print the letter (exit status {})", name, status));
  }
  const std::string bytes = read_all(pdf);
  if (bytes.rfind("%PDF-", 0) != 0) {
    throw InputError(fmt::format("{} printed no PDF of the letter", name));
  }
  out.stream() << bytes;
  unwrap(out.commit());
}

}  // namespace hsg::cli
