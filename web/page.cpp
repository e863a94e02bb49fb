#include "web/page.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <stdexcept>

#include "app/users/permissions.h"
#include "web/embedded_files.h"

namespace hsg::web {

namespace {

std::string template_text(std::string_view name) {
  const auto text = embedded_file(name);
  if (!text) throw std::logic_error(fmt::format("no template {}", name));
  return std::string(*text);
}

}  // namespace

std::string render_page(std::string_view content, const Data& data) {
  kainjow::mustache::mustache layout(template_text("layout.mustache"));
  if (!layout.is_valid()) throw std::logic_error("layout.mustache: " + layout.error_message());
  Data filled = data;
  const std::string content_text = template_text(content);
  filled.set("content", kainjow::mustache::partial([content_text] { return content_text; }));
  std::string page = layout.render(filled);
  if (!layout.is_valid()) {
    throw std::logic_error(fmt::format("{}: {}", content, layout.error_message()));
  }
  return page;
}

namespace {

// The main menu shows each signed-in user the pages their roles may open, no others.
void set_navigation(Data& data, const std::vector<app::Role>& roles) {
  const auto may = [&](app::Permission permission) { return app::permits(roles, permission); };
  data.set("nav_add_client", may(app::Permission::add_client));
  data.set("nav_finance", may(app::Permission::read_ledger));
  data.set("nav_audit", may(app::Permission::read_audit));
  data.set("nav_whatif", may(app::Permission::run_whatif));
  data.set("nav_outcomes", may(app::Permission::read_outcomes));
  data.set("nav_admin", may(app::Permission::manage_users));
}

}  // namespace

void send_page(Exchange& exchange, int status, std::string_view title, std::string_view content,
               Data data, const std::vector<std::string>& problems) {
  data.set("title", std::string(title));
  if (exchange.user) {
    data.set("user", exchange.user->name);
    data.set("csrf", exchange.user->csrf_token);
    set_navigation(data, exchange.user->roles);
  }
  data.set("has_problems", !problems.empty());
  data.set("problems", list_of(problems));
  exchange.response.status = status;
  exchange.response.set_content(render_page(content, data), "text/html; charset=utf-8");
}

std::string render_fragment(std::string_view fragment, const Data& data) {
  kainjow::mustache::mustache view(template_text(fragment));
  std::string text = view.render(data);
  if (!view.is_valid())
    throw std::logic_error(fmt::format("{}: {}", fragment, view.error_message()));
  return text;
}

void stream_page(Exchange& exchange, std::string_view title, std::string_view content, Data data,
                 std::function<void(const StreamWriter& write)> body) {
  // Not a character mustache escapes, and not one a page's own data holds.
  static const std::string kMarker = "\x1ehsg-stream\x1e";
  data.set("stream", kMarker);
  send_page(exchange, 200, title, content, std::move(data));
  std::string page = std::move(exchange.response.body);
  exchange.response.body.clear();
  const auto at = page.find(kMarker);
  if (at == std::string::npos)
    throw std::logic_error(fmt::format("{} has no {{{{stream}}}}", content));
  std::string rest = page.substr(at + kMarker.size());
  page.resize(at);
  // set_chunked_content_provider adds its own Content-Type, beside send_page's.
  exchange.response.headers.erase("Content-Type");
  // httplib compresses a chunked text/html answer for a client that accepts gzip or br,
  // and its compressor holds every piece until the end, which would send the progress
  // with the verdict. The Request is httplib's own non-const object, so dropping the
  // header here is defined; it only stops the compression of this answer.
  const_cast<httplib::Request&>(exchange.request).headers.erase("Accept-Encoding");
  exchange.response.set_chunked_content_provider(
      "text/html; charset=utf-8",
      [top = std::move(page), rest = std::move(rest), body = std::move(body)](
          std::size_t /*offset*/, httplib::DataSink& sink) {
        bool open = sink.write(top.data(), top.size());
        const StreamWriter write = [&](std::string_view html) {
          open = open && sink.write(html.data(), html.size());
          return open;
        };
        // Outside httplib's own handler guard: nothing may escape onto its worker thread.
        constexpr std::string_view kFailed =
            "<p id=\"stream-failed\" class=\"problem\">hsg could not complete this; it has "
            "been logged.</p>";
        try {
          body(write);
        } catch (const std::exception& error) {
          spdlog::error("streamed page: internal error: {}", error.what());
          write(kFailed);
        } catch (...) {
          spdlog::error("streamed page: internal error of an unknown kind");
          write(kFailed);
        }
        write(rest);
        sink.done();
        return true;
      });
}

void send_message(Exchange& exchange, int status, std::string_view title,
                  std::string_view message) {
  Data data;
  data.set("message", std::string(message));
  send_page(exchange, status, title, "message.mustache", std::move(data));
}

void redirect(Exchange& exchange, const std::string& location) {
  exchange.response.status = 303;
  exchange.response.set_header("Location", location);
}

void send_json(Exchange& exchange, int status, const nlohmann::ordered_json& body) {
  exchange.response.status = status;
  exchange.response.set_content(body.dump(2) + "\n", "application/json");
}

void send_json_error(Exchange& exchange, int status, std::string_view message,
                     const std::vector<std::string>& problems) {
  send_json(exchange, status, {{"error", message}, {"problems", problems}});
}

std::vector<std::string> problems_of(const app::Refusal& refusal) {
  constexpr std::string_view kPrefix = "hsg: error: ";
  std::vector<std::string> problems;
  for (const std::string& line : refusal.lines()) {
    problems.push_back(line.starts_with(kPrefix) ? line.substr(kPrefix.size()) : line);
  }
  return problems;
}

std::string path_segment(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                       (byte >= '0' && byte <= '9') || c == '.' || c == '_' || c == '-';
    if (plain) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned>(byte));
    }
  }
  return out;
}

Data list_of(const std::vector<std::string>& items) {
  Data list{Data::type::list};
  for (const std::string& item : items) list.push_back(Data(item));
  return list;
}

}  // namespace hsg::web
