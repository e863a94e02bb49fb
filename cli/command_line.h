// Parsing one command's arguments with Boost.Program_options, the same way everywhere.
//
// Every command has a usage line, a one-paragraph summary, an example and its options;
// `--help` prints them and exits 0. Unknown options, missing values, unexpected
// arguments and text that is not UTF-8 (engine/text.h) become an InputError that ends
// with "see 'hsg COMMAND --help'", quoting the input cut and escaped.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "cli/io.h"

namespace hsg::cli {

namespace po = boost::program_options;

struct CommandHelp {
  std::string usage;    // "hsg assess [--rules FILE] (--answers FILE | --answer AREA=OPTION ...)"
  std::string summary;  // what it does, in a sentence or three
  std::string example;  // one command line a user could type
};

class CommandLine {
 public:
  CommandLine(std::string command, CommandHelp help);
  po::options_description_easy_init add() { return options_.add_options(); }
  // A positional argument named `name` (declared with add()), `count` times (-1: any).
  void positional(const char* name, int count) { positional_.add(name, count); }
  // Parses `args`; false when --help was given (and the help printed to io.out).
  bool parse(const std::vector<std::string>& args, Io& io);
  const po::variables_map& values() const { return values_; }
  bool has(const char* name) const { return values_.count(name) > 0; }
  template <typename T>
  const T& get(const char* name) const {
    return values_[name].as<T>();
  }
  // An InputError naming this command's help.
  [[noreturn]] void fail(const std::string& message) const;

 private:
  std::string command_;
  CommandHelp help_;
  void refuse_invalid_utf8() const;
  // "--reason" for an option, "the argument FILE" for a positional argument.
  std::string display_name(const std::string& name) const;

  po::options_description options_;
  po::positional_options_description positional_;
  po::variables_map values_;
};

}  // namespace hsg::cli
