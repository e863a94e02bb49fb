// Passwords as libsodium keeps them: crypto_pwhash_str (argon2id, with its own random
// salt, at OPSLIMIT_INTERACTIVE and MEMLIMIT_INTERACTIVE, about 64 MiB and a tenth of a
// second per hash), checked with crypto_pwhash_str_verify.
//
// Private to app/users/. Promises: sodium_init is called once, before the first use,
// from whichever thread comes first; the password is never copied anywhere but into
// libsodium. A hash that cannot be made (out of memory) throws std::runtime_error.
#pragma once

#include <string>
#include <string_view>

namespace hsg::app {

// The "$argon2id$v=19$m=…,t=…,p=…$salt$hash" string.
std::string hash_password(std::string_view password);

// Whether `password` is the one `stored_hash` was made from (false for a malformed hash).
bool password_matches(std::string_view stored_hash, std::string_view password);

// Spends the time of a password_matches call on a fixed hash and forgets the answer, so
// a sign-in with an unknown name takes as long as one with a known name.
void spend_verify_time(std::string_view password);

}  // namespace hsg::app
