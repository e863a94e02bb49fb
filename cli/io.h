// The streams a command talks to, passed in so tests and the questionnaire can drive it.
#pragma once

#include <istream>
#include <ostream>

namespace hsg::cli {

struct Io {
  std::ostream& out;  // results only
  std::ostream& err;  // errors, prompts, progress
  std::istream& in;
  bool interactive = false;  // stdin and stderr are a terminal
};

}  // namespace hsg::cli
