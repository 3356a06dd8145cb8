// OpenSSL's libcrypto, which every Debian machine already has, for the one digest the journal's
// hash chain and the account's cache names need: SHA-256 in one call, or through one EVP
// context reused line after line.
#ifndef ACTIONPLAN_LIBCRYPTO_SHIM_H
#define ACTIONPLAN_LIBCRYPTO_SHIM_H

#include <openssl/evp.h>
#include <openssl/sha.h>

#endif
