#include "app/users/password_hash.h"

#include <sodium.h>

#include <array>
#include <semaphore>
#include <stdexcept>

namespace hsg::app {

namespace {

void ensure_sodium() {
  // A function-local static is initialised once even when threads race to it.
  static const bool initialised = sodium_init() >= 0;
  if (!initialised) throw std::runtime_error("libsodium could not be initialised");
}

// A fixed hash made with the same limits as every stored hash (m=65536 KiB, t=2, the
// INTERACTIVE ones), so verifying against it costs what verifying a real one does. Being a
// literal, the first sign-in with an unknown name costs no extra hash to make it.
constexpr char kDummyHash[] =
    "$argon2id$v=19$m=65536,t=2,p=1$FxBVepHcmYntBScZgCxIxQ$XxVc+MyArw3I/"
    "aJaS+uuYx8Y5VSxcWLbD0V13PWVTbk";

// Each hash or verification takes 64 MiB for its time: a burst of sign-ins (a server's
// workers all at once) must queue here rather than take gigabytes, and a failed allocation
// must not be read as a wrong password (libsodium's verify returns -1 for both).
constexpr std::ptrdiff_t kConcurrentHashes = 4;

class HashSlot {
 public:
  HashSlot() { slots().acquire(); }
  ~HashSlot() { slots().release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;

 private:
  static std::counting_semaphore<kConcurrentHashes>& slots() {
    static std::counting_semaphore<kConcurrentHashes> instance(kConcurrentHashes);
    return instance;
  }
};

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  const HashSlot slot;
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("cannot hash the password: out of memory");
  }
  return std::string(out.data());
}

bool password_matches(std::string_view stored_hash, std::string_view password) {
  ensure_sodium();
  const std::string terminated(stored_hash);  // libsodium reads a NUL-terminated string
  const HashSlot slot;
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void spend_verify_time(std::string_view password) {
  static_cast<void>(password_matches(kDummyHash, password));
}

}  // namespace hsg::app
