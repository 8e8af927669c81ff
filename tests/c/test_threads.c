/* 8 threads share one model and one catalog and must get identical results.
 * Usage: test_threads SAMPLE_RESPONSES.csv */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "transform_model.h"

#define THREADS 8

static const tm_model *model;
static const tm_catalog *catalog;
static const char *csv_path;

typedef struct {
  double score;
  char top_ingredient[64];
  int ok;
} result;

static void *work(void *arg) {
  result *r = arg;
  r->ok = 0;
  tm_assess_options o = tm_assess_options_default();
  o.bootstrap = 100;
  o.seed = 3;
  tm_assessment *a = NULL;
  if (tm_assess_file(model, csv_path, &o, &a) != TM_STATUS_OK) return NULL;
  int32_t level;
  if (tm_assessment_overall(a, &r->score, &level) != TM_STATUS_OK) return NULL;
  tm_assessment_free(a);
  tm_match_result *m = NULL;
  if (tm_catalog_match(catalog, "ældre medicin i hjemmeplejen", NULL, NULL, &m) != TM_STATUS_OK) return NULL;
  const char *id;
  double s;
  if (tm_match_result_ingredient(m, 0, &id, &s) != TM_STATUS_OK) return NULL;
  strncpy(r->top_ingredient, id, sizeof r->top_ingredient - 1);
  r->top_ingredient[sizeof r->top_ingredient - 1] = 0;
  tm_match_result_free(m);
  /* Errors are per thread: this failure must not leak into another thread's message. */
  tm_model *bad = NULL;
  if (tm_model_from_json("{", &bad) != TM_STATUS_PARSE_ERROR) return NULL;
  r->ok = 1;
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  csv_path = argv[1];
  tm_model *m = NULL;
  tm_catalog *c = NULL;
  if (tm_model_default(&m) != TM_STATUS_OK || tm_catalog_sample(&c) != TM_STATUS_OK) return 1;
  model = m;
  catalog = c;
  pthread_t threads[THREADS];
  result results[THREADS];
  memset(results, 0, sizeof results);
  for (int i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, work, &results[i]);
  for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
  int failures = 0;
  for (int i = 0; i < THREADS; i++) {
    if (!results[i].ok) failures++;
    if (results[i].score != results[0].score) failures++;
    if (strcmp(results[i].top_ingredient, results[0].top_ingredient) != 0) failures++;
  }
  /* The main thread's last error is still empty. */
  if (tm_last_error_length() != 0) failures++;
  tm_model_free(m);
  tm_catalog_free(c);
  if (failures) {
    fprintf(stderr, "test_threads: %d failure(s)\n", failures);
    return 1;
  }
  printf("test_threads: %d threads agree (score %.6f, top ingredient %s)\n", THREADS, results[0].score,
         results[0].top_ingredient);
  return 0;
}
