// hsg audit keygen and hsg audit checkpoint [--sign KEY [--checkpoints FILE]], and the
// options of the signed checkpoints hsg audit verify --checkpoints FILE --public-key KEY
// checks. What is signed and when is app/audit/signed_checkpoints.h's.
#pragma once

#include "app/audit/signed_checkpoints.h"
#include "cli/command_line.h"
#include "cli/commands.h"

namespace hsg::cli {

int audit_keygen(const Args& args, Io& io);
int audit_checkpoint(const Args& args, Io& io);

// --checkpoints FILE and --public-key FILE, for hsg audit verify.
void add_signed_checkpoint_options(CommandLine& command_line);

// --checkpoint (if given), then each signed checkpoint of --checkpoints. Refuses one of
// --checkpoints and --public-key without the other, and (as InputError) an unreadable or
// malformed key or file.
app::CheckpointsToVerify checkpoints_to_verify(const CommandLine& command_line);

}  // namespace hsg::cli
