/* Stress: THREADS threads × CALLS mixed calls on shared handles (one model, catalog,
 * assessment, match result and portfolio), each answer compared with the one the main
 * thread got before the threads started. Run under helgrind or ThreadSanitizer by
 * scripts/test-sanitize.sh; every call's status is checked, and errors are per thread.
 * Usage: test_stress SAMPLE_RESPONSES.csv [CALLS per thread, default 10000] */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transform_model.h"

#define THREADS 8

static const tm_model *model;
static const tm_catalog *catalog;
static const tm_assessment *assessment;
static const tm_match_result *matched;
static const tm_portfolio *portfolio;
static const char *csv_text;
static long calls_per_thread = 10000;

/* What every thread must see: filled by the main thread alone. */
static struct {
  double score;
  int32_t level;
  size_t dimensions, items, interventions, ingredients, json_length, excluded;
  double n_effective[16];
  const char *top_id;
  double top_score;
} expected;

typedef struct {
  long calls, mismatches;
  char first[200];
} tally;

static void mismatch(tally *t, const char *what, long i) {
  if (t->mismatches++ == 0) snprintf(t->first, sizeof t->first, "%s (call %ld)", what, i);
}

static size_t json_length_of_assessment(void) {
  char *json = NULL;
  if (tm_assessment_to_json(assessment, &json) != TM_STATUS_OK) return 0;
  size_t n = strlen(json);
  tm_string_free(json);
  return n;
}

static void *work(void *arg) {
  tally *t = arg;
  char message[256];
  for (long i = 0; i < calls_per_thread; i++, t->calls++) {
    switch (i % 16) {
    case 0: {
      double s;
      int32_t l;
      if (tm_assessment_overall(assessment, &s, &l) != TM_STATUS_OK || s != expected.score || l != expected.level)
        mismatch(t, "overall", i);
      break;
    }
    case 1:
    case 2: {
      size_t d = (size_t)(i / 16) % expected.dimensions;
      double v = -1;
      tm_status st = tm_assessment_dimension_figure(assessment, d, TM_FIGURE_N_EFFECTIVE, &v);
      if (st != TM_STATUS_OK || v != expected.n_effective[d]) mismatch(t, "figure", i);
      break;
    }
    case 3:
      if (tm_assessment_dimension_count(assessment) != expected.dimensions) mismatch(t, "dimension count", i);
      break;
    case 4: {
      const char *id = NULL;
      double s = 0;
      if (tm_match_result_ingredient(matched, 0, &id, &s) != TM_STATUS_OK || strcmp(id, expected.top_id) != 0 ||
          s != expected.top_score)
        mismatch(t, "ingredient", i);
      break;
    }
    case 5:
      if (tm_model_item_count(model) != expected.items || tm_model_dimension_count(model) != expected.dimensions)
        mismatch(t, "model counts", i);
      break;
    case 6:
      if (tm_catalog_intervention_count(catalog) != expected.interventions) mismatch(t, "catalog count", i);
      break;
    case 7: {
      /* An error of this thread, with a message naming this call: never another thread's. */
      char json[64];
      snprintf(json, sizeof json, "{\"call\": %ld", i);
      tm_model *bad = NULL;
      if (tm_model_from_json(json, &bad) != TM_STATUS_PARSE_ERROR || bad != NULL) mismatch(t, "bad model", i);
      size_t written = 0;
      if (tm_last_error_message(message, sizeof message, &written) != TM_STATUS_OK ||
          written != tm_last_error_length() || strstr(message, "model JSON") == NULL)
        mismatch(t, "last error", i);
      break;
    }
    case 8: {
      double v;
      if (tm_assessment_dimension_figure(assessment, 999, TM_FIGURE_N_EFFECTIVE, &v) != TM_STATUS_OUT_OF_RANGE)
        mismatch(t, "out of range", i);
      break;
    }
    case 9:
      if (i % 64 == 9) {
        if (json_length_of_assessment() != expected.json_length) mismatch(t, "assessment json", i);
      } else if (tm_match_result_count(matched) != expected.ingredients) {
        mismatch(t, "result count", i);
      }
      break;
    case 10:
      if (i % 256 == 10) {
        tm_match_result *m = NULL;
        const char *id = NULL;
        double s;
        if (tm_catalog_match(catalog, "ældre medicin i hjemmeplejen", NULL, NULL, &m) != TM_STATUS_OK ||
            tm_match_result_ingredient(m, 0, &id, &s) != TM_STATUS_OK || strcmp(id, expected.top_id) != 0)
          mismatch(t, "match", i);
        tm_match_result_free(m);
      }
      break;
    case 11:
      if (i % 512 == 11) {
        tm_assess_options o = tm_assess_options_default();
        o.bootstrap = 0;
        tm_assessment *a = NULL;
        double s;
        int32_t l;
        if (tm_assess_csv(model, csv_text, &o, &a) != TM_STATUS_OK || tm_assessment_overall(a, &s, &l) != TM_STATUS_OK ||
            s != expected.score)
          mismatch(t, "assess", i);
        tm_assessment_free(a);
      }
      break;
    case 12:
      if (i % 512 == 12) {
        char *json = NULL;
        tm_portfolio_options po = tm_portfolio_options_default();
        if (tm_portfolio_analyse(portfolio, &po, &json) != TM_STATUS_OK || strstr(json, "\"alignment\"") == NULL)
          mismatch(t, "portfolio", i);
        tm_string_free(json);
      }
      break;
    case 13: {
      const char *v = tm_version();
      if (v == NULL || strcmp(v, TM_VERSION) != 0) mismatch(t, "version", i);
      break;
    }
    case 14:
      if (tm_assessment_excluded(assessment) != expected.excluded) mismatch(t, "excluded", i);
      break;
    default: {
      tm_model *m = NULL;
      if (tm_model_overlay(NULL, "{}", &m) != TM_STATUS_NULL_POINTER || m != NULL) mismatch(t, "null base", i);
      break;
    }
    }
  }
  return NULL;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)n + 1);
  if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
    free(text);
    text = NULL;
  }
  if (text) text[n] = 0;
  fclose(f);
  return text;
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  if (argc > 2) calls_per_thread = atol(argv[2]);
  char *text = slurp(argv[1]);
  tm_model *m = NULL;
  tm_catalog *c = NULL;
  tm_assessment *a = NULL;
  tm_match_result *r = NULL;
  tm_portfolio *p = NULL;
  tm_assess_options o = tm_assess_options_default();
  o.bootstrap = 0;
  if (!text || tm_model_default(&m) != TM_STATUS_OK || tm_catalog_sample(&c) != TM_STATUS_OK ||
      tm_assess_csv(m, text, &o, &a) != TM_STATUS_OK ||
      tm_catalog_match(c, "ældre medicin i hjemmeplejen", NULL, NULL, &r) != TM_STATUS_OK ||
      tm_portfolio_sample(&p) != TM_STATUS_OK) {
    fprintf(stderr, "test_stress: setup failed\n");
    return 1;
  }
  model = m, catalog = c, assessment = a, matched = r, portfolio = p, csv_text = text;
  expected.dimensions = tm_assessment_dimension_count(a);
  expected.items = tm_model_item_count(m);
  expected.interventions = tm_catalog_intervention_count(c);
  expected.ingredients = tm_match_result_count(r);
  expected.json_length = json_length_of_assessment();
  expected.excluded = tm_assessment_excluded(a);
  if (tm_assessment_overall(a, &expected.score, &expected.level) != TM_STATUS_OK ||
      tm_match_result_ingredient(r, 0, &expected.top_id, &expected.top_score) != TM_STATUS_OK ||
      expected.dimensions > 16 || expected.json_length == 0)
    return 1;
  for (size_t d = 0; d < expected.dimensions; d++)
    if (tm_assessment_dimension_figure(a, d, TM_FIGURE_N_EFFECTIVE, &expected.n_effective[d]) != TM_STATUS_OK) return 1;

  pthread_t threads[THREADS];
  tally tallies[THREADS];
  memset(tallies, 0, sizeof tallies);
  for (int i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, work, &tallies[i]);
  for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
  long calls = 0, mismatches = 0;
  for (int i = 0; i < THREADS; i++) {
    calls += tallies[i].calls;
    mismatches += tallies[i].mismatches;
    if (tallies[i].mismatches) fprintf(stderr, "thread %d: %ld mismatches, first: %s\n", i, tallies[i].mismatches, tallies[i].first);
  }
  /* The main thread made no failing call: its last error is still empty. */
  if (tm_last_error_length() != 0) mismatches++;
  tm_portfolio_free(p);
  tm_match_result_free(r);
  tm_assessment_free(a);
  tm_catalog_free(c);
  tm_model_free(m);
  free(text);
  if (mismatches || calls != THREADS * calls_per_thread) {
    fprintf(stderr, "test_stress: %ld mismatches in %ld calls\n", mismatches, calls);
    return 1;
  }
  printf("test_stress: %d threads × %ld calls agree\n", THREADS, calls_per_thread);
  return 0;
}
