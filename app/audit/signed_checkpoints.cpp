#include "app/audit/signed_checkpoints.h"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>

#include "app/unwrap.h"
#include "db/audit_log.h"
#include "db/safe_file.h"

namespace hsg::app {

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
      throw Refusal(fmt::format(
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
  throw Refusal(fmt::format(
      "refusing to sign: the audit log does not verify: {}; run 'hsg audit verify'", problem));
}

void sign(db::Database& database, const CheckpointRequest& request, Checkpoint& taken) {
  const std::optional<std::string>& file = request.checkpoints_file;
  if (seq_of(taken.checkpoint) == 0) throw Refusal("nothing to sign: the audit log is empty");
  if (file) {
    if (auto problem = db::unwritable_target(*file)) throw Refusal(*problem);
  }
  const std::string& key_file = *request.secret_key_file;
  require_sound_log(database, file, earlier_checkpoints(file, key_file));
  taken.signed_line = unwrap(db::sign_checkpoint(key_file, taken.checkpoint));
  if (!file) return;
  unwrap(db::append_checkpoint(*file, *taken.signed_line));
  taken.appended = true;
}

}  // namespace

Result<db::PublicKey> make_key_pair(const KeyPairRequest& request) {
  return attempt(
      [&] { return unwrap(db::write_key_pair(request.secret_key_file, request.public_key_file)); });
}

Result<Checkpoint> take_checkpoint(db::Database& database, const CheckpointRequest& request) {
  return attempt([&] {
    if (request.checkpoints_file && !request.secret_key_file) {
      throw Refusal("a checkpoints file holds signed checkpoints: give the secret key too");
    }
    Checkpoint taken{unwrap(db::AuditLog(database).checkpoint()), std::nullopt, false};
    if (request.secret_key_file) sign(database, request, taken);
    return taken;
  });
}

Result<CheckpointsToVerify> checkpoints_to_verify(const VerifyCheckpointsRequest& request) {
  return attempt([&] {
    CheckpointsToVerify wanted;
    if (request.checkpoint) {
      unwrap(db::checkpoint_text_problem(*request.checkpoint));
      wanted.checkpoints.push_back(*request.checkpoint);
      wanted.sources.emplace_back();
    }
    if (request.checkpoints_file.has_value() != request.public_key_file.has_value()) {
      throw Refusal("a checkpoints file and the public key to verify it go together");
    }
    if (!request.checkpoints_file) return wanted;
    const std::string& file = *request.checkpoints_file;
    const std::string& key_file = *request.public_key_file;
    const db::PublicKey key = unwrap(db::read_public_key(key_file));
    const auto lines = unwrap(db::read_checkpoint_file(file));
    if (lines.empty()) throw Refusal(fmt::format("{} holds no signed checkpoints", file));
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
    wanted.file = file;
    wanted.signed_count = lines.size();
    return wanted;
  });
}

std::string signed_summary(const CheckpointsToVerify& checked, const std::string& head) {
  if (checked.signed_count == 0) return "";
  return fmt::format("{} signed checkpoint(s) in {} hold, up to event {} of {}\n",
                     checked.signed_count, checked.file, checked.newest_signed_seq, seq_of(head));
}

}  // namespace hsg::app
