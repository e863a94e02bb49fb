// How a command refuses bad input: an exception carrying the lines to show the user.
//
// Commands throw InputError for anything the user can fix (exit 1); main() prints its
// lines on stderr and nothing on stdout. Diagnostics located in a file keep the
// compiler-like "file:line:column: message" form so editors can jump to them; other
// problems read "hsg: error: message". Anything else thrown is an internal error (exit 2).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "rules/diagnostic.h"

namespace hsg::cli {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message)
      : std::runtime_error(message), lines_{"hsg: error: " + message} {}
  explicit InputError(const std::vector<rules::Diagnostic>& diagnostics)
      : std::runtime_error("invalid input") {
    for (const rules::Diagnostic& diagnostic : diagnostics)
      lines_.push_back(diagnostic.to_string());
  }
  // Several plain messages at once (e.g. every problem with a set of answers).
  static InputError of_messages(const std::vector<std::string>& messages) {
    InputError error(messages.empty() ? std::string("invalid input") : messages.front());
    error.lines_.clear();
    for (const std::string& message : messages) error.lines_.push_back("hsg: error: " + message);
    return error;
  }
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  std::vector<std::string> lines_;
};

}  // namespace hsg::cli
