#include "cli/signed_checkpoints.h"

#include <fmt/core.h>

#include "cli/option_values.h"
#include "cli/store_options.h"

namespace hsg::cli {

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
  const app::KeyPairRequest request{command_line.get<std::string>("secret-key"),
                                    command_line.get<std::string>("public-key")};
  const db::PublicKey key = unwrap(app::make_key_pair(request));
  io.out << fmt::format("wrote secret key {} (mode 0600) and public key {}\npublic key: {}\n",
                        request.secret_key_file, request.public_key_file, key.hex());
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
  const app::CheckpointRequest request{optional_text(command_line, "sign"),
                                       optional_text(command_line, "checkpoints")};
  const app::Checkpoint taken = unwrap(app::take_checkpoint(database, request));
  if (taken.appended) {
    io.out << fmt::format("signed checkpoint {} appended to {}\n", taken.checkpoint,
                          *request.checkpoints_file);
  } else {
    io.out << taken.signed_line.value_or(taken.checkpoint) << "\n";
  }
  return 0;
}

void add_signed_checkpoint_options(CommandLine& command_line) {
  command_line.add()("checkpoints", po::value<std::string>()->value_name("FILE"),
                     "a file of signed checkpoints (hsg audit checkpoint --sign): check each")(
      "public-key", po::value<std::string>()->value_name("FILE"),
      "with --checkpoints: the public key their signatures must verify with");
}

app::CheckpointsToVerify checkpoints_to_verify(const CommandLine& command_line) {
  if (command_line.has("checkpoints") != command_line.has("public-key")) {
    command_line.fail("--checkpoints FILE and --public-key FILE go together");
  }
  return unwrap(app::checkpoints_to_verify({optional_text(command_line, "checkpoint"),
                                            optional_text(command_line, "checkpoints"),
                                            optional_text(command_line, "public-key")}));
}

}  // namespace hsg::cli
