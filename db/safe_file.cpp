#include "db/safe_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <streambuf>

namespace hsg::db {

namespace {

constexpr int kNameAttempts = 8;

std::string system_error(std::string_view doing, const std::filesystem::path& file) {
  return fmt::format("cannot {} {}: {}", doing, file.string(), std::strerror(errno));
}

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

// A stream buffer over a file descriptor: std::ofstream cannot open with O_EXCL|O_NOFOLLOW.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  FdBuffer(const FdBuffer&) = delete;
  FdBuffer& operator=(const FdBuffer&) = delete;
  // What passed through may be a secret key.
  ~FdBuffer() override { ::explicit_bzero(buffer_.data(), buffer_.size()); }

 protected:
  int_type overflow(int_type c) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  int sync() override {
    const auto size = static_cast<std::size_t>(pptr() - pbase());
    if (!write_all(fd_, pbase(), size)) return -1;
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return 0;
  }

 private:
  int fd_;
  std::array<char, 1 << 16> buffer_{};
};

struct Closer {
  explicit Closer(int descriptor) : fd(descriptor) {}
  int fd;
  Closer(const Closer&) = delete;
  Closer& operator=(const Closer&) = delete;
  ~Closer() { ::close(fd); }
};

std::filesystem::path folder_of(const std::filesystem::path& target) {
  const std::filesystem::path folder = target.parent_path();
  return folder.empty() ? std::filesystem::path(".") : folder;
}

std::optional<std::string> random_hex(std::size_t bytes) {
  std::array<unsigned char, 16> random{};
  if (bytes > random.size() ||
      ::getrandom(random.data(), bytes, 0) != static_cast<ssize_t>(bytes)) {
    return std::nullopt;
  }
  std::string hex;
  for (std::size_t i = 0; i < bytes; ++i) hex += fmt::format("{:02x}", random[i]);
  return hex;
}

// The folder's own entry must reach the disk too, or a crash can lose the rename.
void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

struct SafeFile::Open {
  std::filesystem::path target;
  std::filesystem::path temp;
  int fd = -1;
  FdBuffer buffer;
  std::ostream stream;
  bool done = false;

  Open(std::filesystem::path target_path, std::filesystem::path temp_path, int descriptor)
      : target(std::move(target_path)),
        temp(std::move(temp_path)),
        fd(descriptor),
        buffer(descriptor),
        stream(&buffer) {}

  ~Open() {
    if (fd >= 0) ::close(fd);
    if (!done) ::unlink(temp.c_str());
  }
};

std::optional<std::string> unwritable_target(const std::filesystem::path& target) {
  struct stat status {};
  if (::lstat(target.c_str(), &status) != 0) {
    if (errno == ENOENT) return std::nullopt;
    return system_error("write", target);
  }
  if (S_ISLNK(status.st_mode)) {
    return fmt::format("{} is a symbolic link; hsg does not write through one", target.string());
  }
  if (S_ISDIR(status.st_mode)) return fmt::format("{} is a directory", target.string());
  if (!S_ISREG(status.st_mode)) return fmt::format("{} is not a regular file", target.string());
  return std::nullopt;
}

DbResult<SafeFile> SafeFile::create(const std::filesystem::path& target, mode_t mode) {
  if (auto problem = unwritable_target(target)) return DbError{*problem};
  const std::filesystem::path folder = folder_of(target);
  for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
    const auto suffix = random_hex(8);
    if (!suffix) return DbError{system_error("choose a temporary name for", target)};
    const std::filesystem::path temp =
        folder / fmt::format(".{}.hsg-{}", target.filename().string(), *suffix);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                          S_IRUSR | S_IWUSR);
    if (fd < 0 && errno == EEXIST) continue;
    if (fd < 0) return DbError{system_error("write", target)};
    auto open = std::make_unique<Open>(target, temp, fd);
    if (::fchmod(fd, mode) != 0) return DbError{system_error("write", target)};
    return SafeFile(std::move(open));
  }
  return DbError{fmt::format("cannot write {}: no free temporary name", target.string())};
}

SafeFile::SafeFile(std::unique_ptr<Open> open) : open_(std::move(open)) {}
SafeFile::SafeFile(SafeFile&&) noexcept = default;
SafeFile::~SafeFile() = default;

std::ostream& SafeFile::stream() { return open_->stream; }

DbResult<Done> SafeFile::finish() {
  if (!open_->stream.flush()) return DbError{system_error("write", open_->target)};
  if (::fsync(open_->fd) != 0) return DbError{system_error("write", open_->target)};
  const int fd = open_->fd;
  open_->fd = -1;
  if (::close(fd) != 0) return DbError{system_error("write", open_->target)};
  return Done{};
}

DbResult<Done> SafeFile::commit() {
  if (auto finished = finish(); !finished.ok()) return finished;
  if (::rename(open_->temp.c_str(), open_->target.c_str()) != 0) {
    return DbError{system_error("write", open_->target)};
  }
  open_->done = true;
  sync_folder(folder_of(open_->target));
  return Done{};
}

DbResult<Done> SafeFile::commit_new(std::string_view refusal_if_exists) {
  if (auto finished = finish(); !finished.ok()) return finished;
  if (::link(open_->temp.c_str(), open_->target.c_str()) != 0) {
    if (errno == EEXIST) return DbError{std::string(refusal_if_exists)};
    return DbError{system_error("create", open_->target)};
  }
  sync_folder(folder_of(open_->target));
  return Done{};  // the temporary name is unlinked by ~Open
}

DbResult<Done> append_to_file(const std::filesystem::path& target, std::string_view text,
                              const ExistingCheck& check, std::uintmax_t limit) {
  if (auto problem = unwritable_target(target)) return DbError{*problem};
  const int fd = ::open(target.c_str(), O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
                        S_IRUSR | S_IWUSR);
  if (fd < 0) {
    if (errno == ELOOP) return DbError{*unwritable_target(target)};
    return DbError{system_error("open", target)};
  }
  const Closer closer{fd};
  struct stat status {};
  if (::fstat(fd, &status) != 0) return DbError{system_error("read", target)};
  if (!S_ISREG(status.st_mode))
    return DbError{fmt::format("{} is not a regular file", target.string())};
  const auto size = static_cast<std::uintmax_t>(status.st_size);
  if (size > limit) {
    return DbError{fmt::format("{} is too large ({} bytes) to be what hsg wrote there",
                               target.string(), size)};
  }
  std::string existing(size, '\0');
  if (size > 0 && ::pread(fd, existing.data(), size, 0) != static_cast<ssize_t>(size)) {
    return DbError{system_error("read", target)};
  }
  if (auto problem = check(existing)) return DbError{*problem};
  const std::string line_break = !existing.empty() && existing.back() != '\n' ? "\n" : "";
  const std::string appended = line_break + std::string(text);
  if (!write_all(fd, appended.data(), appended.size()) || ::fsync(fd) != 0) {
    return DbError{system_error("append to", target)};
  }
  sync_folder(folder_of(target));
  return Done{};
}

}  // namespace hsg::db
