// hsg audit keygen and hsg audit checkpoint [--sign KEY [--checkpoints FILE]], and the
// signed checkpoints hsg audit verify --checkpoints FILE --public-key KEY checks.
//
// The key and file formats are db/signed_checkpoints.h's. A checkpoint is signed only if
// every checkpoint already in the file bears a signature of the signing key (checked with
// its public half), the log verifies now (schema, adoptions, chain and rows) and each of
// those checkpoints still holds, so a signature never vouches for a log that is already
// known to be bad, nor follows lines someone without the key wrote.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "cli/commands.h"

namespace hsg::cli {

int audit_keygen(const Args& args, Io& io);
int audit_checkpoint(const Args& args, Io& io);

// --checkpoints FILE and --public-key FILE, for hsg audit verify.
void add_signed_checkpoint_options(CommandLine& command_line);

// What verify is to require: --checkpoint (if given), then each signed checkpoint of
// --checkpoints, each with the words that name it in a failure.
struct CheckpointsToVerify {
  std::vector<std::string> checkpoints;      // "SEQ:HASH", for db::AuditLog::verify
  std::vector<std::string> sources;          // "" or " (signed, FILE line N)", one per checkpoint
  std::optional<std::string> bad_signature;  // the first signature that does not hold
  std::size_t signed_count = 0;
  std::int64_t newest_signed_seq = 0;
};
// Throws InputError for an unreadable or malformed key or file, or one option without
// the other.
CheckpointsToVerify checkpoints_to_verify(const CommandLine& command_line);
// The line verify adds on success when signed checkpoints were checked ("" otherwise).
std::string signed_summary(const CommandLine& command_line, const CheckpointsToVerify& checked,
                           const std::string& head);

}  // namespace hsg::cli
