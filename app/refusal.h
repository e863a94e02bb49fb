// How a use case refuses what its user can fix: a value carrying every problem as the
// lines to show, thrown inside the layer and returned at its edge (app/result.h).
//
// Diagnostics located in a file keep the compiler-like "file:line:column: message" form
// so editors can jump to them; other problems read "hsg: error: message". A front end
// shows the lines (the command line on stderr with exit 1, the web application on the
// page); anything else thrown is an internal error.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "rules/diagnostic.h"

namespace hsg::app {

class Refusal : public std::runtime_error {
 public:
  explicit Refusal(const std::string& message)
      : std::runtime_error(message), lines_{"hsg: error: " + message} {}
  explicit Refusal(const std::vector<rules::Diagnostic>& diagnostics)
      : std::runtime_error("invalid input") {
    for (const rules::Diagnostic& diagnostic : diagnostics)
      lines_.push_back(diagnostic.to_string());
  }
  // Several plain messages at once (e.g. every problem with a set of answers).
  static Refusal of_messages(const std::vector<std::string>& messages) {
    Refusal error(messages.empty() ? std::string("invalid input") : messages.front());
    error.lines_.clear();
    for (const std::string& message : messages) error.lines_.push_back("hsg: error: " + message);
    return error;
  }
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  std::vector<std::string> lines_;
};

}  // namespace hsg::app
