// db::SafeFile: the target changes only on commit, whole and mode 0600 whatever the umask;
// a file never committed, or refused, leaves nothing behind; commit_new never replaces.
#include "db/safe_file.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>

#include "tests/db/db_fixture.h"

namespace hsg::test {

namespace {

std::string contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<std::string> names_in(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

unsigned mode_of(const std::filesystem::path& path) {
  struct stat status {};
  REQUIRE(::stat(path.c_str(), &status) == 0);
  return status.st_mode & 0777U;
}

}  // namespace

TEST_CASE("safe file: the target is the old text until commit, then wholly the new, 0600") {
  TempDir dir;
  const auto target = dir.file("out.csv");
  std::ofstream(target) << "old\n";
  const mode_t umask_was = ::umask(0);
  db::SafeFile file = ok(db::SafeFile::create(target));
  ::umask(umask_was);
  file.stream() << std::string(200000, 'x') << "\n";
  CHECK(contents(target) == "old\n");
  CHECK(names_in(dir.file("")).size() == 2);  // the target and the temporary file
  ok(file.commit());
  CHECK(contents(target) == std::string(200000, 'x') + "\n");
  CHECK(mode_of(target) == 0600U);
  CHECK(names_in(dir.file("")) == std::set<std::string>{"out.csv"});
}

TEST_CASE("safe file: one never committed leaves nothing, and commit_new never replaces") {
  TempDir dir;
  { db::SafeFile abandoned = ok(db::SafeFile::create(dir.file("a.txt"))); }
  CHECK(names_in(dir.file("")).empty());
  std::ofstream(dir.file("key")) << "mine\n";
  db::SafeFile file = ok(db::SafeFile::create(dir.file("key")));
  file.stream() << "theirs\n";
  CHECK(file.commit_new("key exists").error().message == "key exists");
  CHECK(contents(dir.file("key")) == "mine\n");
}

}  // namespace hsg::test
