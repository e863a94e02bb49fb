// A client's answers from the command line: --answers FILE, repeated --answer AREA=OPTION,
// or, on a terminal with neither, the questionnaire. Shared by assess, allocate and review.
#pragma once

#include "cli/command_line.h"
#include "cli/io.h"
#include "engine/answers.h"
#include "engine/ruleset.h"

namespace hsg::cli {

// Declares --answers and --answer on `command_line`.
void add_answer_options(CommandLine& command_line);

// The answers the options give; every problem (unknown area or option, missing areas, a
// malformed --answer) is an InputError. `allow_questionnaire`: ask on a terminal.
engine::Answers read_answers(const CommandLine& command_line, const engine::Ruleset& ruleset,
                             Io& io, bool allow_questionnaire);

}  // namespace hsg::cli
