// A command refuses bad input the way every use case does (app/refusal.h): main() prints
// the lines on stderr, nothing on stdout, and exits 1.
#pragma once

#include "app/refusal.h"

namespace hsg::cli {

using InputError = app::Refusal;

}  // namespace hsg::cli
