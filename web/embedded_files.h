// The page templates (web/templates/*.mustache) and static files (web/static/*), compiled
// into the binary by CMake (web/embed_files.cmake), so an installed hsg serves them with
// nothing beside it.
#pragma once

#include <optional>
#include <string_view>

namespace hsg::web {

// The text of the file named `name` ("layout.mustache", "style.css"), or nothing.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace hsg::web
