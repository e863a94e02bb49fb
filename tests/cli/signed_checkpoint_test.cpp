// hsg audit keygen, hsg audit checkpoint --sign and hsg audit verify --checkpoints: an
// auditor's file of signed checkpoints, each signature and each checkpoint checked.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "tests/cli/store_fixture.h"

namespace {

using hsg::test::ProcessResult;
using hsg::test::read_file;
using hsg::test::StoreFixture;
using hsg::test::write_file;

// hsg audit keygen: it touches no database, so it takes no --db (StoreFixture::run adds one).
ProcessResult keygen_run(std::vector<std::string> args) {
  args.insert(args.begin(), {"audit", "keygen"});
  return hsg::test::run_hsg(args);
}
ProcessResult keygen(const std::vector<std::string>& args) {
  ProcessResult result = keygen_run(args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return result;
}

std::string chomp(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// A store (events 1-3) with the auditor's key pair and file names in its directory.
struct Audited {
  Audited() { keygen({"--secret-key", key, "--public-key", pub}); }
  std::string head() const { return chomp(store.ok({"audit", "checkpoint"}).out); }
  std::string sign() const { return chomp(store.ok({"audit", "checkpoint", "--sign", key}).out); }
  ProcessResult verify() const {
    return store.run({"audit", "verify", "--checkpoints", file, "--public-key", pub});
  }
  StoreFixture store;
  std::string key = (store.dir() / "auditor.key").string();
  std::string pub = (store.dir() / "auditor.pub").string();
  std::string file = (store.dir() / "auditor.checkpoints").string();
};

}  // namespace

TEST_CASE("keygen: a 0600 secret key and a public key, never overwritten") {
  const StoreFixture store;
  const std::string key = (store.dir() / "k").string();
  const std::string pub = (store.dir() / "k.pub").string();
  const ProcessResult made = keygen({"--secret-key", key, "--public-key", pub});
  const std::string public_text = read_file(pub);
  REQUIRE(public_text.size() == 23 + 64 + 1);
  CHECK(public_text.starts_with("hsg-ed25519-public-key "));
  CHECK(made.out == "wrote secret key " + key + " (mode 0600) and public key " + pub +
                        "\npublic key: " + public_text.substr(23, 64) + "\n");
  const std::string secret_text = read_file(key);
  CHECK(secret_text.size() == 23 + 128 + 1);
  CHECK(secret_text.starts_with("hsg-ed25519-secret-key "));
  CHECK(secret_text.substr(23 + 64, 64) == public_text.substr(23, 64));  // seed, then public
  struct stat status {};
  REQUIRE(::stat(key.c_str(), &status) == 0);
  CHECK((status.st_mode & 0777U) == 0600U);

  const ProcessResult again =
      keygen_run({"--secret-key", key, "--public-key", (store.dir() / "other.pub").string()});
  CHECK(again.exit_code == 1);
  CHECK(again.err ==
        "hsg: error: " + key + " already exists; hsg audit keygen never overwrites a key file\n");
  CHECK(read_file(key) == secret_text);
  CHECK_FALSE(std::filesystem::exists(store.dir() / "other.pub"));
  const std::string fresh = (store.dir() / "fresh.key").string();
  CHECK(keygen_run({"--secret-key", fresh, "--public-key", pub}).exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(fresh));
  CHECK(read_file(pub) == public_text);
}

TEST_CASE("checkpoint --sign: 'SEQ:HASH SIGNATURE', the same each time for one key") {
  const Audited audited;
  const std::string line = audited.sign();
  CHECK(line.size() == audited.head().size() + 1 + 128);
  CHECK(line.starts_with(audited.head() + " "));
  CHECK(audited.sign() == line);  // Ed25519 signatures are deterministic
  write_file(audited.file, line + "\n");
  const ProcessResult verified = audited.verify();
  CHECK(verified.exit_code == 0);
  CHECK(verified.out == "ok: 4 events and 4 records verified; head " + audited.head() + "\n" +
                            "1 signed checkpoint(s) in " + audited.file +
                            " hold, up to event 4 of 4\n");
}

TEST_CASE("checkpoint --sign --checkpoints appends, and verify checks every one, with --replay") {
  const Audited audited;
  const std::string first = audited.head();
  audited.store.ok({"audit", "checkpoint", "--sign", audited.key, "--checkpoints", audited.file});
  audited.store.ok(
      {"agree", "1", "--amount", "2405", "--reason", "As assessed", "--actor", "asha"});
  CHECK(audited.store
            .ok({"audit", "checkpoint", "--sign", audited.key, "--checkpoints", audited.file})
            .out == "signed checkpoint " + audited.head() + " appended to " + audited.file + "\n");
  const std::string text = read_file(audited.file);
  CHECK(text.starts_with(first + " "));
  CHECK(text.find("\n" + audited.head() + " ") == 1 + first.size() + 128);
  CHECK(std::count(text.begin(), text.end(), '\n') == 2);
  audited.store.ok({"client", "add", "C-2", "--group", "refugees", "--actor", "asha"});
  CHECK(audited.verify().out == "ok: 6 events and 6 records verified; head " + audited.head() +
                                    "\n2 signed checkpoint(s) in " + audited.file +
                                    " hold, up to event 5 of 6\n");
  CHECK(audited.store
            .ok({"audit", "verify", "--replay", "--checkpoints", audited.file, "--public-key",
                 audited.pub})
            .out == "ok: 6 events and 6 records verified, 1 allocations replayed identical; head " +
                        audited.head() + "\n2 signed checkpoint(s) in " + audited.file +
                        " hold, up to event 5 of 6\n");
}

TEST_CASE("verify --checkpoints: a changed signature, checkpoint or key is a failure") {
  const Audited audited;
  const std::string line = audited.sign();
  const std::string head = audited.head();
  const std::string bad_signature = "hsg: audit verification FAILED: the signature of checkpoint ";
  SECTION("a digit of the signature changed") {
    std::string changed = line;
    changed.back() = changed.back() == '0' ? '1' : '0';
    write_file(audited.file, changed + "\n");
    const ProcessResult result = audited.verify();
    CHECK(result.exit_code == 1);
    CHECK(result.err == bad_signature + head + " (" + audited.file +
                            " line 1) does not verify with the public key " + audited.pub + "\n");
  }
  SECTION("the checkpoint changed under its signature") {
    const std::string other = "2:" + std::string(64, 'a');
    write_file(audited.file, line + "\n" + other + line.substr(head.size()) + "\n");
    CHECK(audited.verify().err == bad_signature + other + " (" + audited.file +
                                      " line 2) does not verify with the public key " +
                                      audited.pub + "\n");
  }
  SECTION("another key") {
    const std::string other_key = (audited.store.dir() / "other.key").string();
    const std::string other_pub = (audited.store.dir() / "other.pub").string();
    keygen({"--secret-key", other_key, "--public-key", other_pub});
    write_file(audited.file, line + "\n");
    const ProcessResult result = audited.store.run(
        {"audit", "verify", "--checkpoints", audited.file, "--public-key", other_pub});
    CHECK(result.exit_code == 1);
    CHECK(result.err == bad_signature + head + " (" + audited.file +
                            " line 1) does not verify with the public key " + other_pub + "\n");
  }
}

TEST_CASE("verify --checkpoints: a log cut short after a signed checkpoint is named") {
  const Audited audited;
  audited.store.ok(
      {"agree", "1", "--amount", "2405", "--reason", "As assessed", "--actor", "asha"});
  const std::string head = audited.head();
  audited.store.ok({"audit", "checkpoint", "--sign", audited.key, "--checkpoints", audited.file});
  audited.store.sql(
      "DROP TRIGGER audit_events_no_delete; DROP TRIGGER decisions_no_delete;"
      "DELETE FROM decisions; DELETE FROM audit_events WHERE seq = 5;"
      "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events\n"
      "BEGIN SELECT RAISE(ABORT, 'append-only: audit_events rows are never deleted'); END;"
      "CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions\n"
      "BEGIN SELECT RAISE(ABORT, 'append-only: decisions rows are never deleted'); END;");
  CHECK(audited.store.run({"audit", "verify"}).exit_code == 0);  // the chain alone cannot tell
  const ProcessResult result = audited.verify();
  CHECK(result.exit_code == 1);
  CHECK(result.err == "hsg: audit verification FAILED: the log has been cut short: checkpoint " +
                          head + " names event 5, but the last event is 4 (signed, " +
                          audited.file + " line 1)\n");
}

TEST_CASE("signed checkpoints: wrong files and options are refused, nothing written") {
  const Audited audited;
  const auto refused = [&](const std::vector<std::string>& args, const std::string& message) {
    INFO(args.at(1));
    CHECK(audited.store.refused(args) == "hsg: error: " + message + "\n");
  };
  refused({"audit", "verify", "--checkpoints", audited.file},
          "--checkpoints FILE and --public-key FILE go together (see 'hsg audit verify --help')");
  refused({"audit", "checkpoint", "--checkpoints", audited.file},
          "--checkpoints holds signed checkpoints: give --sign KEYFILE too (see 'hsg audit "
          "checkpoint --help')");
  refused({"audit", "verify", "--checkpoints", audited.file, "--public-key", audited.pub},
          "cannot read " + audited.file + ": No such file or directory");
  write_file(audited.file, "");
  refused({"audit", "verify", "--checkpoints", audited.file, "--public-key", audited.pub},
          audited.file + " holds no signed checkpoints");
  write_file(audited.file, audited.sign() + "\n3:abc\n");
  refused({"audit", "verify", "--checkpoints", audited.file, "--public-key", audited.pub},
          audited.file +
              " line 2 is not a signed checkpoint ('SEQ:HASH SIGNATURE', as hsg audit checkpoint "
              "--sign writes)");
  refused({"audit", "verify", "--checkpoints", audited.file, "--public-key", audited.key},
          audited.key +
              " is not an hsg public key file (one line: 'hsg-ed25519-public-key' and 64 "
              "lowercase hex digits; see hsg audit keygen)");
  refused({"audit", "checkpoint", "--sign", audited.pub},
          audited.pub +
              " is not an hsg secret key file (one line: 'hsg-ed25519-secret-key' and 128 "
              "lowercase hex digits; see hsg audit keygen)");
  // Appending to the database by mistake would corrupt it: refused, as any other file.
  const std::string db_before = read_file(audited.store.path());
  refused({"audit", "checkpoint", "--sign", audited.key, "--checkpoints", audited.store.path()},
          audited.store.path() +
              " line 1 is not a signed checkpoint ('SEQ:HASH SIGNATURE', as hsg audit checkpoint "
              "--sign writes)");
  CHECK(read_file(audited.store.path()) == db_before);
  ::chmod(audited.key.c_str(), 0644);
  refused({"audit", "checkpoint", "--sign", audited.key},
          "secret key " + audited.key + " may be read by others (mode 0644); make it 0600");
}

TEST_CASE("checkpoint --sign: a log that does not verify is not signed") {
  const Audited audited;
  audited.store.sql("DROP TRIGGER decisions_no_update;");
  CHECK(audited.store.refused(
            {"audit", "checkpoint", "--sign", audited.key, "--checkpoints", audited.file}) ==
        "hsg: error: refusing to sign: the audit log does not verify: trigger decisions_no_update "
        "on decisions is missing; run 'hsg audit verify'\n");
  CHECK_FALSE(std::filesystem::exists(audited.file));
}

TEST_CASE("checkpoint --sign: a line the key did not sign is refused, naming it, file unchanged") {
  const Audited audited;
  const std::string own = audited.sign();
  const std::string head = audited.head();
  const std::string other_key = (audited.store.dir() / "other.key").string();
  keygen({"--secret-key", other_key, "--public-key", (audited.store.dir() / "other.pub").string()});
  const std::string foreign =
      chomp(audited.store.ok({"audit", "checkpoint", "--sign", other_key}).out);
  SECTION("signed with another key") { write_file(audited.file, own + "\n" + foreign + "\n"); }
  SECTION("a digit of its own signature changed") {
    std::string changed = own;
    changed.back() = changed.back() == '0' ? '1' : '0';
    write_file(audited.file, own + "\n" + changed + "\n");
  }
  const std::string before = read_file(audited.file);
  CHECK(audited.store.refused(
            {"audit", "checkpoint", "--sign", audited.key, "--checkpoints", audited.file}) ==
        "hsg: error: refusing to sign: the signature of checkpoint " + head + " (" + audited.file +
            " line 2) does not verify with the public key of " + audited.key + "\n");
  CHECK(read_file(audited.file) == before);
}
