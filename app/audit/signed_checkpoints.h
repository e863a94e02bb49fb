// Signed checkpoints: an auditor's Ed25519 key pair, a checkpoint of the audit log signed
// with it, and a file of signed checkpoints read back to verify the log against
// (`hsg audit keygen | checkpoint --sign | verify --checkpoints`, and the web's audit page).
//
// The key and file formats are db/signed_checkpoints.h's. A checkpoint is signed only if
// every checkpoint already in the file bears a signature of the signing key (checked with
// its public half), the log verifies now (schema, adoptions, chain and rows) and each of
// those checkpoints still holds, so a signature never vouches for a log that is already
// known to be bad, nor follows lines someone without the key wrote. Every refusal comes
// before anything is written; files are given as paths, read and written only here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/result.h"
#include "db/database.h"
#include "db/signed_checkpoints.h"

namespace hsg::app {

struct KeyPairRequest {
  std::string secret_key_file;  // must not exist; written mode 0600
  std::string public_key_file;  // must not exist
};

// The new pair's public key.
Result<db::PublicKey> make_key_pair(const KeyPairRequest& request);

struct CheckpointRequest {
  std::optional<std::string> secret_key_file;   // sign with this key
  std::optional<std::string> checkpoints_file;  // append the signed line here (needs a key)
};

struct Checkpoint {
  std::string checkpoint;                  // "SEQ:HASH" of the last audit event
  std::optional<std::string> signed_line;  // "SEQ:HASH SIGNATURE" when a key was given
  bool appended = false;                   // the signed line was appended to the file
};

// The log's checkpoint, signed (and appended) as asked. Signing an empty log, an
// unwritable file, a file with a line the key did not sign, or a log that does not verify
// (or no longer holds a checkpoint of the file) is a Refusal.
Result<Checkpoint> take_checkpoint(db::Database& database, const CheckpointRequest& request);

struct VerifyCheckpointsRequest {
  std::optional<std::string> checkpoint;        // "SEQ:HASH" given by hand
  std::optional<std::string> checkpoints_file;  // one without the other is a Refusal
  std::optional<std::string> public_key_file;
};

// What verify is to require: the checkpoint given by hand (if any), then each signed
// checkpoint of the file, each with the words that name it in a failure.
struct CheckpointsToVerify {
  std::vector<std::string> checkpoints;      // "SEQ:HASH", for db::AuditLog::verify
  std::vector<std::string> sources;          // "" or " (signed, FILE line N)", one per checkpoint
  std::optional<std::string> bad_signature;  // the first signature that does not hold
  std::string file;                          // the checkpoints file, if one was read
  std::size_t signed_count = 0;
  std::int64_t newest_signed_seq = 0;
};

// An unreadable or malformed key or file, or a file with no checkpoints, is a Refusal; a
// signature that does not hold is not: it is bad_signature, for verify to report as a
// failed verification.
Result<CheckpointsToVerify> checkpoints_to_verify(const VerifyCheckpointsRequest& request);

// The line verify adds on success when signed checkpoints were checked ("" otherwise);
// `head` is the log's "SEQ:HASH".
std::string signed_summary(const CheckpointsToVerify& checked, const std::string& head);

}  // namespace hsg::app
