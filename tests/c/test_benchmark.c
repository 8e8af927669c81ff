/* The national benchmark through the C API: the JSON of tm_benchmark_json equals the
 * CLI's `benchmark` output for the same files; too few peers, duplicate codes and NULL
 * arguments are refused with their status and message. tm_benchmark_text: the CSV has a
 * row per dimension of that JSON, the table its Danish heading.
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

  /* The CLI's --format csv and table: one CSV row per dimension of the JSON (each
   * dimension's object carries an "id"), of_code 147 on every row; the table in Danish. */
  out = NULL;
  CHECK(tm_benchmark_text(texts, 3, "147", "all", 1, TM_LANG_EN, &out) == TM_STATUS_OK);
  const char *dims = strstr(expected, "\"dimensions\"");
  size_t ids = 0, rows = 0, of_rows = 0;
  for (const char *p = dims ? strstr(dims, "\"id\"") : NULL; p; p = strstr(p + 1, "\"id\"")) ids++;
  char *copy = out ? malloc(strlen(out) + 1) : NULL;
  if (copy) memcpy(copy, out, strlen(out) + 1);
  for (char *line = copy ? strtok(copy, "\n") : NULL; line; line = strtok(NULL, "\n")) {
    if (strncmp(line, "dimension,", 10) == 0) continue; /* the header */
    rows++;
    of_rows += strstr(line, ",147,") != NULL;
  }
  free(copy);
  CHECK(out && strncmp(out, "dimension,n,", 12) == 0);
  CHECK(ids > 0 && rows == ids && of_rows == rows);
  tm_string_free(out);
  out = NULL;
  CHECK(tm_benchmark_text(texts, 3, "147", "all", 0, TM_LANG_DA, &out) == TM_STATUS_OK);
  CHECK(out && strncmp(out, "Benchmark: 3 kommuner (alle)", 28) == 0);
  tm_string_free(out);
  out = NULL;
  CHECK(tm_benchmark_text(texts, 3, "147", "all", 2, TM_LANG_DA, &out) == TM_STATUS_INVALID_ARGUMENT && out == NULL);
  CHECK(tm_benchmark_text(texts, 3, "147", "all", 0, 7, &out) == TM_STATUS_INVALID_ARGUMENT && out == NULL);

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
