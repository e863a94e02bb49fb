// Pages and answers as the server sends them: a page is a template (web/templates/) inside
// the layout, filled with mustache data that is always escaped ({{x}}, never {{{x}}}); an
// API answer is JSON; a refusal lists its problems in either.
//
// send_page adds what every page shows: its title, the signed-in user and the CSRF token
// for the sign-out form, and the problems (a 422's refusal), to the page's own data.
#pragma once

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/refusal.h"
#include "web/exchange.h"

namespace hsg::web {

using Data = kainjow::mustache::data;

// `content` ("caseload.mustache") rendered inside layout.mustache with `data`.
std::string render_page(std::string_view content, const Data& data);

void send_page(Exchange& exchange, int status, std::string_view title, std::string_view content,
               Data data, const std::vector<std::string>& problems = {});

// `fragment` ("audit_verify_result.mustache") rendered alone with `data`.
std::string render_fragment(std::string_view fragment, const Data& data);

// A 200 page sent in pieces, for a long check that shows its progress as it goes: the
// page as send_page renders it, up to where the content template says {{stream}}; then
// what `body` writes (HTML, escaped by the writer); then the rest of the page. `body`
// runs once the handler has returned, on the same thread (so its store connection is
// this thread's), and must not use the Exchange; `write` answers false once the browser
// has gone, and what is written after that is dropped. An exception from `body` is
// logged, and the page says only that the check could not be completed.
using StreamWriter = std::function<bool(std::string_view html)>;
void stream_page(Exchange& exchange, std::string_view title, std::string_view content, Data data,
                 std::function<void(const StreamWriter& write)> body);
// A short page saying `message` (403, 404, 500).
void send_message(Exchange& exchange, int status, std::string_view title, std::string_view message);
void redirect(Exchange& exchange, const std::string& location);

void send_json(Exchange& exchange, int status, const nlohmann::ordered_json& body);
// {"error": message, "problems": [...]}
void send_json_error(Exchange& exchange, int status, std::string_view message,
                     const std::vector<std::string>& problems = {});

// A refusal's lines as the page or the API shows them: without the "hsg: error: " that
// the command line puts before them.
std::vector<std::string> problems_of(const app::Refusal& refusal);

// A path segment for a client reference: each byte outside [A-Za-z0-9._-] percent-encoded.
std::string path_segment(std::string_view text);

// A mustache list of strings.
Data list_of(const std::vector<std::string>& items);

}  // namespace hsg::web
