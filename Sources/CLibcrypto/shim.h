// OpenSSL's libcrypto, which every Debian machine already has, for the one digest the journal's
// hash chain and the account's cache names need: SHA-256, in one call of our own.
#ifndef ACTIONPLAN_LIBCRYPTO_SHIM_H
#define ACTIONPLAN_LIBCRYPTO_SHIM_H

// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but not removed; they
// are the digest itself, without the providers EVP goes through.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

/// The SHA-256 of `count` bytes at `bytes`, into the 32 at `digest`. OpenSSL 3's one-call SHA256()
/// looks the algorithm up among its providers on every call, and the first call loads the
/// providers and openssl.cnf: 8 M instructions of a 370 M warm `list`, for the same digest.
static inline void actionplan_sha256(const void *bytes, size_t count, unsigned char *digest) {
    SHA256_CTX context;
    SHA256_Init(&context);
    SHA256_Update(&context, bytes, count);
    SHA256_Final(digest, &context);
}

#endif
