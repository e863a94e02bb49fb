// The sign-in page: shown by GET /login, after a failed sign-in (401, 429), and for any
// page asked for without a session (401). Each showing sets a fresh hsg_login cookie and
// puts the same token in the form, which POST /login requires back (login CSRF).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/exchange.h"

namespace hsg::web {

inline constexpr std::string_view kSignInRefusedText = "Unknown user name or wrong password.";
inline constexpr std::string_view kTooManyAttemptsText =
    "Too many attempts. Try again in a minute.";

// `next`: where to go once signed in, kept only when it is a local path (local_path).
void send_sign_in_page(Exchange& exchange, int status, std::optional<std::string_view> problem,
                       std::string_view next, std::string_view name = {});

// Whether `path` is a path on this server ("/clients/C-1"), not another site
// ("//evil.example", "https://…") nor anything with a control character or backslash.
bool local_path(std::string_view path);

}  // namespace hsg::web
