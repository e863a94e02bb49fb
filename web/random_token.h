// Secrets the server hands out (session ids, CSRF tokens): 32 bytes from libsodium's
// randombytes_buf as 64 lowercase hex digits, and the one way they are compared.
#pragma once

#include <string>
#include <string_view>

namespace hsg::web {

std::string random_token();

// Equal in constant time for tokens of the same length (sodium_memcmp), so the time a
// refusal takes does not tell how much of a guess was right; tokens of another length
// (or empty) are never equal.
bool tokens_equal(std::string_view expected, std::string_view given);

}  // namespace hsg::web
