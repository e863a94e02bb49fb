// The interactive questionnaire: each question in turn, options numbered from 1.
//
// Prompts go to io.err so stdout carries only the statement; a bad choice is re-asked;
// the end of input before every question is answered is an InputError.
#pragma once

#include "cli/io.h"
#include "engine/answers.h"
#include "engine/ruleset.h"

namespace hsg::cli {

engine::Answers ask_questions(const engine::Ruleset& ruleset, Io& io);

}  // namespace hsg::cli
