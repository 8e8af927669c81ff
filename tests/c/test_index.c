/* tm_index_save / tm_index_load: a loaded index matches as its catalog does; broken files
 * are errors with a message, never a crash. Usage: test_index CATALOG.json SCRATCH_DIR */
#include "check.h"

static char *match_json(const tm_catalog *c) {
  tm_match_result *r = NULL;
  char *json = NULL;
  CHECK(tm_catalog_match(c, "Flere ledige i vores boligområder skal i job", NULL, NULL, &r) == TM_STATUS_OK);
  if (r) {
    CHECK(tm_match_result_to_json(r, &json) == TM_STATUS_OK);
    tm_match_result_free(r);
  }
  return json;
}

/* Writes the first `len` bytes of `from` to `to`, with byte `flip` (if < len) xor 1. */
static void copy_prefix(const char *from, const char *to, long len, long flip) {
  FILE *in = fopen(from, "rb");
  FILE *out = fopen(to, "wb");
  CHECK(in != NULL && out != NULL);
  if (!in || !out) return;
  for (long i = 0; i < len; i++) {
    int ch = fgetc(in);
    if (ch == EOF) break;
    fputc(i == flip ? ch ^ 1 : ch, out);
  }
  fclose(in);
  fclose(out);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_index CATALOG.json SCRATCH_DIR\n");
    return 2;
  }
  char path[1024], broken[1024];
  snprintf(path, sizeof path, "%s/catalog.tmi", argv[2]);
  snprintf(broken, sizeof broken, "%s/broken.tmi", argv[2]);

  tm_catalog *c = NULL;
  CHECK(tm_catalog_from_file(argv[1], &c) == TM_STATUS_OK);
  CHECK(tm_index_save(c, path) == TM_STATUS_OK);
  tm_catalog *loaded = NULL;
  CHECK(tm_index_load(path, &loaded) == TM_STATUS_OK);
  CHECK(loaded != NULL && tm_catalog_intervention_count(loaded) == tm_catalog_intervention_count(c));
  char *a = match_json(c), *b = match_json(loaded);
  CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
  tm_string_free(a);
  tm_string_free(b);

  /* Broken files: *out stays untouched, the message names the problem. */
  tm_catalog *untouched = (tm_catalog *)0x1;
  copy_prefix(path, broken, 100, -1);
  CHECK(tm_index_load(broken, &untouched) == TM_STATUS_PARSE_ERROR && last_error_contains("truncated"));
  copy_prefix(path, broken, 1L << 30, 200);
  CHECK(tm_index_load(broken, &untouched) == TM_STATUS_PARSE_ERROR && last_error_contains("checksum"));
  copy_prefix(argv[1], broken, 1L << 30, -1);
  CHECK(tm_index_load(broken, &untouched) == TM_STATUS_PARSE_ERROR &&
        last_error_contains("not a transform-model index"));
  CHECK(untouched == (tm_catalog *)0x1);
  snprintf(broken, sizeof broken, "%s/no-such-dir/x.tmi", argv[2]);
  CHECK(tm_index_load(broken, &untouched) == TM_STATUS_IO_ERROR);
  CHECK(tm_index_save(c, broken) == TM_STATUS_IO_ERROR);
  CHECK(tm_index_save(NULL, path) == TM_STATUS_NULL_POINTER);
  CHECK(tm_index_load(NULL, &untouched) == TM_STATUS_NULL_POINTER);

  tm_catalog_free(loaded);
  tm_catalog_free(c);
  if (failures) fprintf(stderr, "%d failure(s)\n", failures);
  else printf("test_index: ok\n");
  return failures != 0;
}
