// Signed checkpoints: the audit chain's head, signed with Ed25519 (libsodium), kept in a
// file apart from the database — the auditor's copy.
//
// A checkpoint "SEQ:HASH" (db/audit_log.h) only helps if it is kept where whoever can
// write the database cannot reach; signed, it also cannot be altered in that copy or
// made up later by someone without the secret key. The formats, exactly (all text,
// lowercase hex, one line each, ending in "\n"):
//   secret key file  "hsg-ed25519-secret-key " + 128 hex digits (libsodium's 64-byte
//                    secret key: the seed, then the public key); mode 0600
//   public key file  "hsg-ed25519-public-key " + 64 hex digits (the 32-byte public key)
//   checkpoint file  one line per signed checkpoint: "SEQ:HASH SIGNATURE", where
//                    SIGNATURE is 128 hex digits, the Ed25519 signature (RFC 8032) of the
//                    bytes "hsg-checkpoint-v1 SEQ:HASH" (no line break)
// Key files are never overwritten. A file that is not wholly in its format is refused
// with its name and line, so a checkpoint is never appended to the database by mistake.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "db/result.h"

namespace hsg::db {

struct PublicKey {
  std::array<unsigned char, 32> bytes{};
  std::string hex() const;
};

// Writes a new key pair (secret key 0600); refuses if either file exists.
DbResult<PublicKey> write_key_pair(const std::filesystem::path& secret_key_file,
                                   const std::filesystem::path& public_key_file);

DbResult<PublicKey> read_public_key(const std::filesystem::path& file);

struct SignedCheckpoint {
  std::size_t line = 0;    // in its file, from 1
  std::string checkpoint;  // "SEQ:HASH"
  std::string signature;   // 128 hex digits
};

// The public half of the secret key in `secret_key_file` (refused as sign_checkpoint
// refuses it), to check the file's earlier signatures before adding one.
DbResult<PublicKey> public_key_of(const std::filesystem::path& secret_key_file);

// The checkpoint-file line (without "\n") signing `checkpoint` with the secret key in
// `secret_key_file`; refuses a key file others may read.
DbResult<std::string> sign_checkpoint(const std::filesystem::path& secret_key_file,
                                      std::string_view checkpoint);

// Every line of a checkpoint file; a missing file is an error, an empty one holds none.
DbResult<std::vector<SignedCheckpoint>> read_checkpoint_file(const std::filesystem::path& file);

// Appends one line made by sign_checkpoint(), creating the file if missing, after
// checking that what the file already holds is signed checkpoints.
DbResult<Done> append_checkpoint(const std::filesystem::path& file, std::string_view line);

bool signature_holds(const PublicKey& key, const SignedCheckpoint& signed_checkpoint);

}  // namespace hsg::db
