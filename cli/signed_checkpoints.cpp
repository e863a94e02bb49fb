#include "cli/signed_checkpoints.h"

#include <fmt/core.h>

#include "cli/store_options.h"
#include "db/audit_log.h"
#include "db/safe_file.h"
#include "db/signed_checkpoints.h"

namespace hsg::cli {

namespace {

std::int64_t seq_of(const std::string& checkpoint) {
  return std::stoll(checkpoint.substr(0, checkpoint.find(':')));
}

// The checkpoints already in `file`, each of whose signatures must hold with the public
// half of `key_file`: a line someone else wrote (or altered) is not one to sign after.
std::vector<std::string> earlier_checkpoints(const std::optional<std::string>& file,
                                             const std::string& key_file) {
  std::vector<std::string> earlier;
  if (!file || !std::filesystem::exists(*file)) return earlier;
  const db::PublicKey key = unwrap(db::public_key_of(key_file));
  for (const db::SignedCheckpoint& line : unwrap(db::read_checkpoint_file(*file))) {
    if (!db::signature_holds(key, line)) {
      throw InputError(fmt::format(
          "refusing to sign: the signature of checkpoint {} ({} line {}) does not verify with "
          "the public key of {}",
          line.checkpoint, *file, line.line, key_file));
    }
    earlier.push_back(line.checkpoint);
  }
  return earlier;
}

// Whether the store verifies and still holds every checkpoint in `earlier` (of `file`).
void require_sound_log(db::Database& database, const std::optional<std::string>& file,
                       const std::vector<std::string>& earlier) {
  const db::VerifyReport report = unwrap(db::AuditLog(database).verify(earlier));
  if (report.ok) return;
  std::string problem = report.problem;
  if (!report.schema_problems.empty()) {
    problem = report.schema_problems.front();
  } else if (!report.adoption_problems.empty()) {
    problem = report.adoption_problems.front();
  } else if (report.bad_checkpoint) {
    problem += fmt::format(" (already in {})", *file);
  }
  throw InputError(fmt::format(
      "refusing to sign: the audit log does not verify: {}; run 'hsg audit verify'", problem));
}

}  // namespace

int audit_keygen(const Args& args, Io& io) {
  CommandLine command_line(
      "audit keygen",
      {"hsg audit keygen --secret-key FILE --public-key FILE",
       "Makes an Ed25519 key pair for signing checkpoints. The secret key (mode 0600) belongs\n"
       "to the auditor, away from the database and whoever can write it; the public key is\n"
       "what hsg audit verify --public-key checks signatures with. Never overwrites a file.",
       "hsg audit keygen --secret-key auditor.key --public-key auditor.pub"});
  command_line.add()("secret-key", po::value<std::string>()->required()->value_name("FILE"),
                     "where to write the secret key (must not exist)")(
      "public-key", po::value<std::string>()->required()->value_name("FILE"),
      "where to write the public key (must not exist)");
  if (!command_line.parse(args, io)) return 0;
  const std::string secret = command_line.get<std::string>("secret-key");
  const std::string public_file = command_line.get<std::string>("public-key");
  const db::PublicKey key = unwrap(db::write_key_pair(secret, public_file));
  io.out << fmt::format("wrote secret key {} (mode 0600) and public key {}\npublic key: {}\n",
                        secret, public_file, key.hex());
  return 0;
}

int audit_checkpoint(const Args& args, Io& io) {
  CommandLine command_line(
      "audit checkpoint",
      {"hsg audit checkpoint [--sign KEYFILE [--checkpoints FILE]] [--db PATH]",
       "Prints SEQ:HASH of the last audit event, to hand to an auditor. With --sign, first\n"
       "checks that every checkpoint already in FILE is signed with this key, and that the\n"
       "log verifies and still holds each; then prints the checkpoint signed with the secret\n"
       "key, 'SEQ:HASH SIGNATURE', or appends it to FILE: the auditor's checkpoint file, kept\n"
       "apart from the database.",
       "hsg audit checkpoint --sign auditor.key --checkpoints auditor.checkpoints"});
  command_line.add()("sign", po::value<std::string>()->value_name("KEYFILE"),
                     "sign the checkpoint with this secret key (hsg audit keygen)")(
      "checkpoints", po::value<std::string>()->value_name("FILE"),
      "with --sign: append the signed checkpoint to this file");
  add_database_option(command_line);
  if (!command_line.parse(args, io)) return 0;
  if (command_line.has("checkpoints") && !command_line.has("sign")) {
    command_line.fail("--checkpoints holds signed checkpoints: give --sign KEYFILE too");
  }
  db::Database database = open_database(command_line);
  const std::string checkpoint = unwrap(db::AuditLog(database).checkpoint());
  if (!command_line.has("sign")) {
    io.out << checkpoint << "\n";
    return 0;
  }
  std::optional<std::string> file;
  if (command_line.has("checkpoints")) file = command_line.get<std::string>("checkpoints");
  if (seq_of(checkpoint) == 0) throw InputError("nothing to sign: the audit log is empty");
  if (file) {
    if (auto problem = db::unwritable_target(*file)) throw InputError(*problem);
  }
  const std::string key_file = command_line.get<std::string>("sign");
  require_sound_log(database, file, earlier_checkpoints(file, key_file));
  const std::string line = unwrap(db::sign_checkpoint(key_file, checkpoint));
  if (!file) {
    io.out << line << "\n";
    return 0;
  }
  unwrap(db::append_checkpoint(*file, line));
  io.out << fmt::format("signed checkpoint {} appended to {}\n", checkpoint, *file);
  return 0;
}

void add_signed_checkpoint_options(CommandLine& command_line) {
  command_line.add()("checkpoints", po::value<std::string>()->value_name("FILE"),
                     "a file of signed checkpoints (hsg audit checkpoint --sign): check each")(
      "public-key", po::value<std::string>()->value_name("FILE"),
      "with --checkpoints: the public key their signatures must verify with");
}

CheckpointsToVerify checkpoints_to_verify(const CommandLine& command_line) {
  CheckpointsToVerify wanted;
  if (command_line.has("checkpoint")) {
    wanted.checkpoints.push_back(command_line.get<std::string>("checkpoint"));
    wanted.sources.emplace_back();
  }
  if (command_line.has("checkpoints") != command_line.has("public-key")) {
    command_line.fail("--checkpoints FILE and --public-key FILE go together");
  }
  if (!command_line.has("checkpoints")) return wanted;
  const std::string file = command_line.get<std::string>("checkpoints");
  const std::string key_file = command_line.get<std::string>("public-key");
  const db::PublicKey key = unwrap(db::read_public_key(key_file));
  const auto lines = unwrap(db::read_checkpoint_file(file));
  if (lines.empty()) throw InputError(fmt::format("{} holds no signed checkpoints", file));
  for (const db::SignedCheckpoint& line : lines) {
    if (!wanted.bad_signature && !db::signature_holds(key, line)) {
      wanted.bad_signature = fmt::format(
          "the signature of checkpoint {} ({} line {}) does not verify with the public key {}",
          line.checkpoint, file, line.line, key_file);
    }
    wanted.checkpoints.push_back(line.checkpoint);
    wanted.sources.push_back(fmt::format(" (signed, {} line {})", file, line.line));
    wanted.newest_signed_seq = std::max(wanted.newest_signed_seq, seq_of(line.checkpoint));
  }
  wanted.signed_count = lines.size();
  return wanted;
}

std::string signed_summary(const CommandLine& command_line, const CheckpointsToVerify& checked,
                           const std::string& head) {
  if (checked.signed_count == 0) return "";
  return fmt::format("{} signed checkpoint(s) in {} hold, up to event {} of {}\n",
                     checked.signed_count, command_line.get<std::string>("checkpoints"),
                     checked.newest_signed_seq, seq_of(head));
}

}  // namespace hsg::cli
