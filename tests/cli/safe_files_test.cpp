// Issue 20's unsafe output files: every file hsg writes appears whole (a random temporary
// name, O_EXCL|O_NOFOLLOW, fsync, rename), mode 0600, never through a symbolic link or
// over a directory, with nothing left behind when it is refused. And the two
// reproductions beside them: hsg init on an empty 0644 file, and the checkpoint 0:000…0.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "tests/cli/store_fixture.h"

using hsg::test::ProcessResult;
using hsg::test::read_file;
using hsg::test::StoreFixture;
using hsg::test::TempDir;
using hsg::test::write_file;

namespace {

const std::string kWorked = HSG_SOURCE_DIR "/docs/examples/worked-example.toml";
const std::string kMedway = HSG_SOURCE_DIR "/rules/medway.toml";

unsigned mode_of(const std::filesystem::path& path) {
  struct stat status {};
  REQUIRE(::stat(path.c_str(), &status) == 0);
  return status.st_mode & 0777U;
}

// The names in a directory, so a test can see that no temporary file was left.
std::set<std::string> names_in(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

// A store with a posted grant, so an export has lines, and a folder for output files.
struct Exported {
  Exported() {
    store.ok({"agree", "1", "--amount", "2405.00", "--reason", "as assessed", "--actor", "asha"});
    store.ok({"grant", "start", "1", "--start", "2025-02-03", "--held-as", "direct_payment",
              "--actor", "asha"});
    store.ok({"ledger", "post", "--through", "2025-02-03", "--actor", "asha"});
    std::filesystem::create_directory(out);
  }
  ProcessResult export_to(const std::filesystem::path& file) const {
    return store.run({"ledger", "export", "--from", "2025-01-01", "--to", "2026-01-01", "--output",
                      file.string()});
  }
  StoreFixture store;
  std::filesystem::path out = store.dir() / "out";
};

}  // namespace

TEST_CASE("files: ledger export --output replaces a file whole, mode 0600, nothing left over") {
  const Exported exported;
  const std::filesystem::path file = exported.out / "ledger.csv";
  write_file(file, "old\n");
  ::chmod(file.c_str(), 0644);
  const ProcessResult result = exported.export_to(file);
  CHECK(result.exit_code == 0);
  CHECK(result.err == "wrote 6 ledger line(s) to " + file.string() + "\n");
  CHECK(read_file(file).starts_with("posting_id,line,date,"));
  CHECK(mode_of(file) == 0600U);
  CHECK(names_in(exported.out) == std::set<std::string>{"ledger.csv"});
}

TEST_CASE("files: an output that is a symbolic link or a directory is refused, nothing written") {
  const Exported exported;
  const std::filesystem::path victim = exported.store.dir() / "victim.txt";
  write_file(victim, "keep me\n");
  const std::filesystem::path link = exported.out / "ledger.csv";
  std::filesystem::create_symlink(victim, link);
  const std::filesystem::path dangling = exported.out / "dangling.csv";
  std::filesystem::create_symlink(exported.out / "nowhere", dangling);
  const std::filesystem::path folder = exported.out / "folder.csv";
  std::filesystem::create_directory(folder);
  const std::set<std::string> before = names_in(exported.out);

  CHECK(exported.store.refused({"ledger", "export", "--from", "2025-01-01", "--to", "2026-01-01",
                                "--output", link.string()}) ==
        "hsg: error: " + link.string() + " is a symbolic link; hsg does not write through one\n");
  CHECK(exported.store.refused({"ledger", "export", "--from", "2025-01-01", "--to", "2026-01-01",
                                "--output", dangling.string()}) ==
        "hsg: error: " + dangling.string() +
            " is a symbolic link; hsg does not write through one\n");
  CHECK(exported.store.refused({"ledger", "export", "--from", "2025-01-01", "--to", "2026-01-01",
                                "--output", folder.string()}) ==
        "hsg: error: " + folder.string() + " is a directory\n");
  CHECK(exported.store.refused(
            {"assess", "--answers", kWorked, "--date", "2025-01-15", "--save", link.string()}) ==
        "hsg: error: " + link.string() + " is a symbolic link; hsg does not write through one\n");
  // The CSV is opened first; refusing the HTML must take its temporary file away too.
  const std::filesystem::path csv = exported.out / "clients.csv";
  CHECK(exported.store.refused({"whatif", "--rules", kMedway, "--as-of", "2025-12-31", "--csv",
                                csv.string(), "--html", link.string()}) ==
        "hsg: error: " + link.string() + " is a symbolic link; hsg does not write through one\n");
  CHECK(exported.store.refused(
            {"whatif", "--rules", kMedway, "--as-of", "2025-12-31", "--csv", folder.string()}) ==
        "hsg: error: " + folder.string() + " is a directory\n");

  CHECK(read_file(victim) == "keep me\n");
  CHECK_FALSE(std::filesystem::exists(exported.out / "nowhere"));
  CHECK(names_in(exported.out) == before);
}

TEST_CASE("files: whatif --csv/--html and assess --save write whole files, mode 0600") {
  const Exported exported;
  const std::filesystem::path csv = exported.out / "clients.csv";
  const std::filesystem::path html = exported.out / "report.html";
  const std::filesystem::path saved = exported.out / "answers.toml";
  exported.store.ok({"whatif", "--rules", kMedway, "--as-of", "2025-12-31", "--csv", csv.string(),
                     "--html", html.string()});
  exported.store.ok(
      {"assess", "--answers", kWorked, "--date", "2025-01-15", "--save", saved.string()});
  CHECK(read_file(csv).find("\nC-1,") != std::string::npos);
  CHECK(read_file(html).starts_with("<!DOCTYPE html>"));
  CHECK(read_file(saved).find("[answers]") != std::string::npos);
  for (const auto& file : {csv, html, saved}) CHECK(mode_of(file) == 0600U);
  CHECK(names_in(exported.out) ==
        std::set<std::string>{"answers.toml", "clients.csv", "report.html"});
}

TEST_CASE("files: keygen never writes through a link, nor a checkpoint file through one") {
  const StoreFixture store;
  const std::filesystem::path target = store.dir() / "elsewhere.pub";
  const std::filesystem::path pub = store.dir() / "auditor.pub";
  const std::filesystem::path key = store.dir() / "auditor.key";
  std::filesystem::create_symlink(target, pub);
  const ProcessResult refused = hsg::test::run_hsg(
      {"audit", "keygen", "--secret-key", key.string(), "--public-key", pub.string()});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err == "hsg: error: " + pub.string() +
                           " already exists; hsg audit keygen never overwrites a key file\n");
  CHECK_FALSE(std::filesystem::exists(key));
  CHECK_FALSE(std::filesystem::exists(target));

  std::filesystem::remove(pub);
  const ProcessResult made = hsg::test::run_hsg(
      {"audit", "keygen", "--secret-key", key.string(), "--public-key", pub.string()});
  REQUIRE(made.exit_code == 0);
  CHECK(mode_of(key) == 0600U);
  CHECK(mode_of(pub) == 0644U);

  const std::filesystem::path victim = store.dir() / "victim.txt";
  write_file(victim, "keep me\n");
  const std::filesystem::path checkpoints = store.dir() / "auditor.checkpoints";
  std::filesystem::create_symlink(victim, checkpoints);
  CHECK(store.refused({"audit", "checkpoint", "--sign", key.string(), "--checkpoints",
                       checkpoints.string()}) ==
        "hsg: error: " + checkpoints.string() +
            " is a symbolic link; hsg does not write through one\n");
  CHECK(read_file(victim) == "keep me\n");

  std::filesystem::remove(checkpoints);
  store.ok({"audit", "checkpoint", "--sign", key.string(), "--checkpoints", checkpoints.string()});
  CHECK(mode_of(checkpoints) == 0600U);
  const std::string head = store.ok({"audit", "checkpoint"}).out;  // "SEQ:HASH\n"
  const std::string line = read_file(checkpoints);
  CHECK(line.substr(0, head.size() - 1) + "\n" == head);
  CHECK(line.size() == head.size() + 1 + 128);
}

TEST_CASE("files: hsg init refuses an existing empty file others may read, and leaves it") {
  const TempDir dir;
  const std::filesystem::path db = dir / "hsg.db";
  write_file(db, "");
  ::chmod(db.c_str(), 0644);
  const ProcessResult result = hsg::test::run_hsg({"init", "--db", db.string(), "--actor", "asha"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err == "hsg: error: " + db.string() +
                          " is an empty file others may read (mode 0644); a new database must "
                          "be readable by its owner only: remove the file or make it 0600 "
                          "(chmod 600), then try again\n");
  CHECK(mode_of(db) == 0644U);
  CHECK(std::filesystem::file_size(db) == 0);
  CHECK(names_in(dir.path()) == std::set<std::string>{"hsg.db"});

  ::chmod(db.c_str(), 0600);
  const ProcessResult made = hsg::test::run_hsg({"init", "--db", db.string(), "--actor", "asha"});
  CHECK(made.exit_code == 0);
  CHECK(mode_of(db) == 0600U);
}

TEST_CASE("files: audit verify refuses the checkpoint 0:000...0, which any log would pass") {
  const StoreFixture store;
  const std::string zero = "0:" + std::string(64, '0');
  CHECK(store.refused({"audit", "verify", "--checkpoint", zero}) ==
        "hsg: error: checkpoint '" + zero +
            "' names no event (0 is the empty log, which every log extends); take a checkpoint "
            "with hsg audit checkpoint once the log has events\n");
}
