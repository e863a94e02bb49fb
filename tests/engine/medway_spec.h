// The medway rule set of domain.md written out in C++, independently of
// rules/medway.toml, so the engine's tests do not depend on the TOML loader.
#pragma once

#include <catch2/catch.hpp>

#include "engine/answers.h"
#include "engine/problem.h"
#include "engine/ruleset.h"

namespace Catch {
template <>
struct StringMaker<hsg::engine::Problem> {
  static std::string convert(const hsg::engine::Problem& problem) {
    return "{" + problem.path + ": " + problem.message + "}";
  }
};
}  // namespace Catch

namespace hsg::test {

engine::RulesetSpec medway_spec();
engine::Ruleset medway_ruleset();

// Resolves "area=option" answers, every other area answered "none"; fails the test
// if they do not resolve.
engine::Answers medway_answers(const engine::Ruleset& ruleset,
                               std::initializer_list<engine::NamedAnswer> given);

}  // namespace hsg::test
