// How `hsg user add` and `hsg user password` take a new password without it ever being
// an argument (which any user of the machine could read in the process list).
//
// --password-stdin: the first line of standard input, its "\n" or "\r\n" dropped (so
// `printf '%s\n' "$PW" | hsg user add …` and a file both work). Without it, on a
// terminal: asked twice on stderr with echo off, and the two must match. Without it and
// not on a terminal: an InputError naming --password-stdin. The rules a password must
// meet are the use case's (app/users/user_accounts.h).
#pragma once

#include <string>

#include "cli/command_line.h"
#include "cli/io.h"

namespace hsg::cli {

void add_password_option(CommandLine& command_line);
std::string read_password(const CommandLine& command_line, Io& io);

}  // namespace hsg::cli
