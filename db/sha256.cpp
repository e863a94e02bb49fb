#include "db/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace hsg::db {

std::string sha256_hex(std::string_view bytes) { return sha256_hex({bytes}); }

namespace {

// Fetched once: EVP_sha256() makes OpenSSL 3 look the implementation up again on every
// digest, which showed in the profile of recording allocations.
const EVP_MD* sha256_method() {
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> method(
      EVP_MD_fetch(nullptr, "SHA256", nullptr), &EVP_MD_free);
  if (method == nullptr) throw std::runtime_error("libcrypto has no SHA-256");
  return method.get();
}

}  // namespace

std::string sha256_hex(std::initializer_list<std::string_view> parts) {
  // One context per thread, reset by each DigestInit: allocating and cleansing a fresh
  // one cost as much as hashing a replayed trace.
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
      EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  bool ok = context != nullptr && EVP_DigestInit_ex(context.get(), sha256_method(), nullptr) == 1;
  for (std::string_view part : parts) {
    ok = ok && EVP_DigestUpdate(context.get(), part.data(), part.size()) == 1;
  }
  std::array<unsigned char, 32> digest{};
  unsigned int length = 0;
  ok = ok && EVP_DigestFinal_ex(context.get(), digest.data(), &length) == 1 && length == 32;
  if (!ok) throw std::runtime_error("libcrypto could not compute SHA-256");
  constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (unsigned char byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0f];
  }
  return hex;
}

}  // namespace hsg::db
