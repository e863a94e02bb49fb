// hsg audit replay: recompute recorded allocations and report any that differ.
//
// `audit_replay` is the subcommand (one allocation, or --all in a range); `hsg audit
// verify --replay` shares its pass (app/audit/replay_pass.h) and its text.
#pragma once

#include <cstdint>
#include <vector>

#include "app/audit/replay.h"
#include "app/audit/replay_pass.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "db/allocations.h"
#include "db/database.h"

namespace hsg::cli {

// Text for people: one line per allocation, then one indented line per differing field.
void write_replay_result(std::ostream& out, const app::ReplayResult& result);

int audit_replay(const Args& args, Io& io);

}  // namespace hsg::cli
