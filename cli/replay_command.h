// hsg audit replay: recompute recorded allocations and report any that differ.
//
// `audit_replay` is the subcommand (one allocation, or --all in a range); `hsg audit
// verify --replay` shares its pass (app/audit/replay_pass.h) and its text
// (app/present/replay_text.h).
#pragma once

#include "cli/commands.h"
#include "cli/io.h"

namespace hsg::cli {

int audit_replay(const Args& args, Io& io);

}  // namespace hsg::cli
