// The one way hsg writes a file outside its database: exports, reports, saved answers,
// key files and the auditor's checkpoint file.
//
// SafeFile::create(target) makes a temporary file in the target's folder, named
// ".NAME.hsg-" and 16 random hex digits, opened O_CREAT|O_EXCL|O_NOFOLLOW with mode 0600
// (or the mode given, set with fchmod so umask cannot widen or narrow it). What is
// written to stream() goes there. commit() flushes, fsyncs, renames it over the target
// and fsyncs the folder, so the target is either as it was or wholly the new text, never
// half-written; commit_new() does the same but never replaces an existing target (a
// hard link, which fails if the name is taken). A SafeFile destroyed uncommitted, or
// whose commit fails, removes its temporary file. A target that is a symbolic link, a
// directory or anything but a regular file is refused before anything is created: hsg
// writes only where it was told, never through a link.
//
// append_to_file(target, text, check) adds text to the end of a file (creating it,
// mode 0600), opened O_NOFOLLOW and checked to be a regular file; `check` sees what the
// file already holds, read through the same descriptor, and can refuse to append.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "db/result.h"

namespace hsg::db {

class SafeFile {
 public:
  static DbResult<SafeFile> create(const std::filesystem::path& target, mode_t mode = 0600);
  SafeFile(SafeFile&&) noexcept;
  SafeFile& operator=(SafeFile&&) = delete;
  ~SafeFile();

  std::ostream& stream();
  // Replaces the target.
  DbResult<Done> commit();
  // Creates the target; refuses, naming it, if something already has its name.
  DbResult<Done> commit_new(std::string_view refusal_if_exists);

 private:
  struct Open;
  explicit SafeFile(std::unique_ptr<Open> open);
  DbResult<Done> finish();
  std::unique_ptr<Open> open_;
};

// Why `target` cannot be written (a symbolic link, a directory, not a regular file), or
// nothing when it is a regular file or does not exist.
std::optional<std::string> unwritable_target(const std::filesystem::path& target);

using ExistingCheck = std::function<std::optional<std::string>(std::string_view existing)>;

// Appends `text` (preceded by "\n" when the file's last line has none) after `check`
// accepts what the file holds, at most `limit` bytes of it.
DbResult<Done> append_to_file(const std::filesystem::path& target, std::string_view text,
                              const ExistingCheck& check, std::uintmax_t limit);

}  // namespace hsg::db
