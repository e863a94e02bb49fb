// GET /static/style.css and /static/assess.js: compiled into the binary, public, cacheable.
#include "web/embedded_files.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

Handler serve_file(std::string name, std::string content_type) {
  return [name = std::move(name), content_type = std::move(content_type)](Exchange& exchange) {
    exchange.response.headers.erase("Cache-Control");
    exchange.response.set_header("Cache-Control", "public, max-age=3600");
    exchange.response.set_content(std::string(embedded_file(name).value()), content_type);
  };
}

}  // namespace

void add_static_routes(RouteTable& table) {
  table.add(Method::get, "/static/style.css", Answer::page, Access::anyone(),
            serve_file("style.css", "text/css; charset=utf-8"));
  table.add(Method::get, "/static/assess.js", Answer::page, Access::anyone(),
            serve_file("assess.js", "text/javascript; charset=utf-8"));
}

}  // namespace hsg::web
