/* The national benchmark through the C API: the JSON of tm_benchmark_json equals the
 * CLI's `benchmark` output for the same files; too few peers, duplicate codes and NULL
 * arguments are refused with their status and message.
 * Usage: test_benchmark A.json B.json C.json CLI_BENCHMARK.json (CLI: benchmark A B C --of 147) */
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

static int last_error_contains(const char *needle) {
  char buf[1024];
  if (tm_last_error_message(buf, sizeof buf, NULL) != TM_STATUS_OK) return 0;
  return strstr(buf, needle) != NULL;
}

static char *read_all(const char *path) {
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

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: test_benchmark A.json B.json C.json CLI_BENCHMARK.json\n");
    return 2;
  }
  const char *texts[4];
  for (int i = 0; i < 3; i++) texts[i] = read_all(argv[i + 1]);
  char *expected = read_all(argv[4]);
  CHECK(texts[0] && texts[1] && texts[2] && expected);

  char *out = NULL;
  CHECK(tm_benchmark_json(texts, 3, "147", "all", &out) == TM_STATUS_OK);
  /* The CLI prints the same JSON followed by a newline. */
  CHECK(out && strncmp(out, expected, strlen(out)) == 0 && strlen(expected) == strlen(out) + 1);
  tm_string_free(out);

  out = NULL;
  CHECK(tm_benchmark_json(texts, 2, NULL, NULL, &out) == TM_STATUS_VALIDATION_ERROR);
  CHECK(out == NULL && last_error_contains("at least 3"));

  texts[3] = texts[0];
  CHECK(tm_benchmark_json(texts, 4, NULL, NULL, &out) == TM_STATUS_VALIDATION_ERROR);
  CHECK(last_error_contains("appears twice"));

  CHECK(tm_benchmark_json(texts, 3, NULL, "region", &out) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(last_error_contains("region"));
  CHECK(tm_benchmark_json(NULL, 3, NULL, NULL, &out) == TM_STATUS_NULL_POINTER);
  const char *bad[3] = {"{}", texts[1], texts[2]};
  CHECK(tm_benchmark_json(bad, 3, NULL, NULL, &out) == TM_STATUS_PARSE_ERROR);
  CHECK(last_error_contains("assessments[0]"));

  for (int i = 0; i < 3; i++) free((void *)texts[i]);
  free(expected);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("benchmark C tests passed\n");
  return 0;
}
