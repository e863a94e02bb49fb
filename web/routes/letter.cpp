// GET /allocations/:id/letter: the client's decision letter, the same bytes as
// `hsg letter ID --date TODAY` with the server's letterhead (hsg serve --letterhead) and
// the server's today as its date.
//
// The letter is a self-contained page with its style inline, which the server's usual
// Content-Security-Policy (default-src 'self') would block; this answer carries its own
// policy instead, allowing exactly that style by its SHA-256 and nothing else: no
// scripts, no images, no fetches, no forms, no framing.
#include <sodium.h>

#include <array>
#include <string>

#include "app/letter/decision_letter.h"
#include "web/page.h"
#include "web/routes/route_inputs.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

std::string style_hash() {
  const std::string_view style = app::letter_style();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(style.data()),
                     style.size());
  std::array<char,
             sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)>
      text{};
  sodium_bin2base64(text.data(), text.size(), digest.data(), digest.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  return text.data();
}

void show_letter(Exchange& exchange) {
  const app::LetterRequest request{path_id(exchange), exchange.state.clock.today(),
                                   exchange.state.options.letterhead};
  auto letter = app::decision_letter(exchange.database(), request);
  if (!letter.ok()) {
    send_message(exchange, 404, "Not found", problems_of(letter.refusal()).front());
    return;
  }
  static const std::string policy = "default-src 'none'; style-src 'sha256-" + style_hash() +
                                    "'; frame-ancestors 'none'; form-action 'none'; "
                                    "base-uri 'none'";
  exchange.response.headers.erase("Content-Security-Policy");
  exchange.response.set_header("Content-Security-Policy", policy);
  exchange.response.status = 200;
  exchange.response.set_content(app::letter_html(letter.value()), "text/html; charset=utf-8");
}

}  // namespace

void add_letter_routes(RouteTable& table) {
  table.add(Method::get, "/allocations/:id/letter", Answer::page,
            Access::needs(app::Permission::read_cases), show_letter);
}

}  // namespace hsg::web
