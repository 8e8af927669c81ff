/* The national benchmark through the C API: the JSON of tm_benchmark_json equals the
 * CLI's `benchmark` output for the same files; too few peers, duplicate codes and NULL
 * arguments are refused with their status and message.
 * Usage: test_benchmark A.json B.json C.json CLI_BENCHMARK.json (CLI: benchmark A B C --of 147) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transform_model.h"

#include "check.h"

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
