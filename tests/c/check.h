/* Shared by the C tests: a CHECK that counts failures and prints the last error, and two
 * small helpers. Header-only; the helpers are `static inline` so a test need not use all. */
#ifndef TM_TEST_CHECK_H
#define TM_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transform_model.h"

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      char msg_[512];                                                          \
      tm_last_error_message(msg_, sizeof msg_, NULL);                          \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__,   \
              __LINE__, #cond, msg_);                                          \
      failures++;                                                              \
    }                                                                          \
  } while (0)

static inline int last_error_contains(const char *needle) {
  char buf[2048];
  if (tm_last_error_message(buf, sizeof buf, NULL) != TM_STATUS_OK) return 0;
  return strstr(buf, needle) != NULL;
}

static inline char *read_all(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  size_t got = fread(buf, 1, (size_t)n, f);
  buf[got] = 0;
  fclose(f);
  return buf;
}

#endif
