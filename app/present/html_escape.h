// Text made safe to put in an HTML page, as content or as a quoted attribute: the five
// characters HTML gives meaning to (& < > " ') become entities, every other byte stays.
// The self-contained pages app/ writes (the what-if report, the decision letter) use it.
#pragma once

#include <string>
#include <string_view>

namespace hsg::app {

std::string html_escape(std::string_view text);

}  // namespace hsg::app
