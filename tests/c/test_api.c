/* Exercises every function of the C API, every error path, and checks figures against the
 * Rust CLI. Usage: test_api SAMPLE_RESPONSES.csv EXPECTED_OVERALL_SCORE CATALOG.json */
#include <math.h>
#include "check.h"

static void test_version(void) {
  CHECK(strcmp(tm_version(), TM_VERSION) == 0);
}

static void test_errors_and_messages(void) {
  tm_model *m = NULL;
  /* NULL pointers are checked, never dereferenced; out stays untouched. */
  CHECK(tm_model_from_json(NULL, &m) == TM_STATUS_NULL_POINTER);
  CHECK(m == NULL);
  CHECK(last_error_contains("`json` is NULL"));
  CHECK(tm_model_default(NULL) == TM_STATUS_NULL_POINTER);
  /* Invalid UTF-8. */
  const char bad_utf8[] = {'{', (char)0xC3, (char)0x28, '}', 0};
  CHECK(tm_model_from_json(bad_utf8, &m) == TM_STATUS_INVALID_UTF8);
  /* Bad JSON and a JSON path in the message. */
  CHECK(tm_model_from_json("{ not json", &m) == TM_STATUS_PARSE_ERROR);
  CHECK(tm_model_from_file("/nonexistent/model.json", &m) == TM_STATUS_IO_ERROR);
  /* The message accessors: length, truncation, full copy. */
  size_t len = tm_last_error_length();
  CHECK(len > 10);
  char small[8];
  size_t written = 0;
  CHECK(tm_last_error_message(small, sizeof small, &written) == TM_STATUS_BUFFER_TOO_SMALL);
  CHECK(written == len);
  CHECK(strlen(small) == sizeof small - 1);
  CHECK(tm_last_error_message(NULL, 10, NULL) == TM_STATUS_NULL_POINTER);
  /* A success clears the message. */
  CHECK(tm_model_default(&m) == TM_STATUS_OK);
  CHECK(tm_last_error_length() == 0);
  tm_model_free(m);
  /* Freeing NULL is harmless. */
  tm_model_free(NULL);
  tm_assessment_free(NULL);
  tm_portfolio_free(NULL);
  tm_catalog_free(NULL);
  tm_match_result_free(NULL);
  tm_string_free(NULL);
}

static void test_model(void) {
  tm_model *m = NULL;
  CHECK(tm_model_default(&m) == TM_STATUS_OK);
  CHECK(tm_model_dimension_count(m) == 10);
  CHECK(tm_model_item_count(m) == 68); /* dtm 2027.1: models/dtm-2027.1.json has 68 items */
  CHECK(tm_model_dimension_count(NULL) == 0);
  char *json = NULL;
  CHECK(tm_model_to_json(m, &json) == TM_STATUS_OK);
  CHECK(json != NULL && strstr(json, "\"Driftskommune\"") != NULL);
  /* Round trip through JSON. */
  tm_model *again = NULL;
  CHECK(tm_model_from_json(json, &again) == TM_STATUS_OK);
  CHECK(tm_model_item_count(again) == 68);
  tm_model_free(again);
  tm_string_free(json);
  /* Overlay: add an item; an unknown dimension is a validation error naming its path. */
  tm_model *o = NULL;
  /* A new id, asked of a role that judges D1 and can observe its referent. */
  CHECK(tm_model_overlay(m, "{\"items\":[{\"id\":\"D1_99\",\"dimension\":\"D1\",\"roles\":[\"politician\"],"
                            "\"referent\":\"municipality\",\"text\":{\"da\":\"x\",\"en\":\"x\"}}]}", &o) == TM_STATUS_OK);
  CHECK(tm_model_item_count(o) == 69);
  tm_model_free(o);
  o = NULL;
  CHECK(tm_model_overlay(m, "{\"items\":[{\"id\":\"X\",\"dimension\":\"D99\",\"text\":{\"da\":\"x\",\"en\":\"x\"}}]}", &o) == TM_STATUS_VALIDATION_ERROR);
  CHECK(o == NULL);
  CHECK(last_error_contains("unknown dimension `D99`"));
  tm_model_free(m);
}

/* Bundled models by id: the default is `dtm`; 2026.1 and `ci` stay loadable. */
static void test_bundled_models(void) {
  tm_model *m = NULL;
  CHECK(tm_model_bundled("ci", &m) == TM_STATUS_OK);
  CHECK(tm_model_dimension_count(m) == 5 && tm_model_item_count(m) == 20);
  tm_model_free(m);
  m = NULL;
  CHECK(tm_model_bundled("dtm@2026.1", &m) == TM_STATUS_OK);
  CHECK(tm_model_item_count(m) == 39);
  tm_model_free(m);
  m = NULL;
  tm_model *d = NULL;
  CHECK(tm_model_bundled("dtm", &m) == TM_STATUS_OK && tm_model_default(&d) == TM_STATUS_OK);
  CHECK(tm_model_item_count(m) == tm_model_item_count(d));
  tm_model_free(m);
  tm_model_free(d);
  m = NULL;
  CHECK(tm_model_bundled("dtm@2025.9", &m) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(m == NULL);
  CHECK(last_error_contains("dtm@2025.9") && last_error_contains("dtm@2026.1"));
  CHECK(tm_model_bundled(NULL, &m) == TM_STATUS_NULL_POINTER);
  CHECK(tm_model_bundled("ci", NULL) == TM_STATUS_NULL_POINTER);
}

static void test_assessment(const char *csv_path, double expected) {
  tm_model *m = NULL;
  CHECK(tm_model_default(&m) == TM_STATUS_OK);
  tm_assess_options o = tm_assess_options_default();
  CHECK(o.min_group_size == 5 && o.bootstrap == 1000 && o.weighting == TM_WEIGHTING_BALANCED);
  CHECK(o.allow_small_groups == 0 && o.min_dispersion_n == 10 && o.min_common_items == 2);
  o.bootstrap = 200;
  o.seed = 7;
  tm_assessment *a = NULL;
  CHECK(tm_assess_file(m, csv_path, &o, &a) == TM_STATUS_OK);
  double score = 0;
  int32_t level = 0;
  CHECK(tm_assessment_overall(a, &score, &level) == TM_STATUS_OK);
  CHECK(fabs(score - expected) < 1e-12);
  CHECK(level >= 1 && level <= 5);
  CHECK(tm_assessment_dimension_count(a) == 10);
  CHECK(tm_assessment_excluded(a) == 4);
  for (size_t i = 0; i < tm_assessment_dimension_count(a); i++) {
    tm_dimension_result d;
    CHECK(tm_assessment_dimension(a, i, &d) == TM_STATUS_OK);
    CHECK(d.id != NULL && d.id[0] == 'D');
    CHECK(d.has_score && d.score >= 1.0 && d.score <= 5.0);
    CHECK(d.level >= 1 && d.level <= 5); /* the level rule is the core's (contract v3), not floor(score) */
    CHECK(d.has_ci && d.ci_low <= d.score && d.score <= d.ci_high);
    CHECK(d.n >= 5);
  }
  /* Version 2 figures: P(level) sums to 1, status and effective n are reported. */
  for (size_t i = 0; i < tm_assessment_dimension_count(a); i++) {
    double p_sum = 0, p = 0, status = -1, n_eff = 0;
    for (uint32_t f = TM_FIGURE_P_LEVEL_1; f <= TM_FIGURE_P_LEVEL_5; f++) {
      CHECK(tm_assessment_dimension_figure(a, i, f, &p) == TM_STATUS_OK);
      p_sum += p;
    }
    CHECK(fabs(p_sum - 1.0) < 1e-9);
    CHECK(tm_assessment_dimension_figure(a, i, TM_FIGURE_STATUS, &status) == TM_STATUS_OK);
    CHECK(status == 0 || status == 1 || status == 2);
    CHECK(tm_assessment_dimension_figure(a, i, TM_FIGURE_N_EFFECTIVE, &n_eff) == TM_STATUS_OK);
    CHECK(n_eff > 0);
    /* Codes from the figure registry: gap = max(target − score, 0); se with the interval. */
    tm_dimension_result d;
    double target = 0, gap = -1, se = 0;
    CHECK(tm_assessment_dimension(a, i, &d) == TM_STATUS_OK);
    CHECK(tm_assessment_dimension_figure(a, i, TM_FIGURE_TARGET, &target) == TM_STATUS_OK);
    CHECK(tm_assessment_dimension_figure(a, i, TM_FIGURE_GAP, &gap) == TM_STATUS_OK);
    CHECK(fabs(gap - fmax(target - d.score, 0.0)) < 1e-12);
    CHECK(tm_assessment_dimension_figure(a, i, TM_FIGURE_SE, &se) == TM_STATUS_OK);
    CHECK(se > 0 && se < d.ci_high - d.ci_low);
  }
  double fig = 0;
  CHECK(tm_assessment_dimension_figure(a, 0, 999, &fig) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(tm_assessment_gap_count(a) > 0);
  for (size_t i = 0; i < tm_assessment_gap_count(a); i++) {
    tm_gap g;
    CHECK(tm_assessment_gap(a, i, &g) == TM_STATUS_OK);
    CHECK(g.significant == -1 || (g.p_adjusted >= g.p && (g.significant == (g.p_adjusted < 0.05))));
  }
  tm_gap g;
  CHECK(tm_assessment_gap(a, tm_assessment_gap_count(a), &g) == TM_STATUS_OUT_OF_RANGE);
  tm_dimension_result d;
  CHECK(tm_assessment_dimension(a, 10, &d) == TM_STATUS_OUT_OF_RANGE);
  CHECK(last_error_contains("dimension 10 of 10"));
  char *json = NULL;
  CHECK(tm_assessment_to_json(a, &json) == TM_STATUS_OK);
  CHECK(strstr(json, "\"excluded_for_anonymity\": 4") != NULL);
  tm_string_free(json);
  tm_assessment_free(a);

  /* CSV text in, long JSON in. */
  a = NULL;
  const char *csv =
      "respondent,role,D1_1,D1_9,D1_5\nA,top_manager,4,4,2\nB,top_manager,5,4,1\nC,top_manager,3,4,2\n"
      "D,top_manager,4,5,2\nE,top_manager,4,4,3\n";
  o.bootstrap = 0;
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_OK);
  tm_assessment_free(a);
  a = NULL;
  CHECK(tm_assess_json(m, "[{\"respondent\":\"A\",\"role\":\"frontline\",\"item\":\"D2_7\",\"value\":4}]", &o, &a) == TM_STATUS_ANONYMITY_REFUSED);
  CHECK(a == NULL);
  CHECK(last_error_contains("anonymity"));
  /* Anonymity refusal: 3 respondents < k = 5. */
  CHECK(tm_assess_csv(m, "respondent,role,D1_1\nA,top_manager,4\nB,top_manager,3\nC,top_manager,2\n", &o, &a) == TM_STATUS_ANONYMITY_REFUSED);
  /* Bad inputs name row, column and value. */
  CHECK(tm_assess_csv(m, "respondent,role,D1_1\nA,top_manager,9\n", &o, &a) == TM_STATUS_VALIDATION_ERROR);
  CHECK(last_error_contains("row 2, column `D1_1`: value 9"));
  CHECK(tm_assess_csv(m, "respondent,role,Q9\nA,top_manager,3\n", &o, &a) == TM_STATUS_VALIDATION_ERROR);
  CHECK(tm_assess_csv(m, "", &o, &a) == TM_STATUS_PARSE_ERROR);
  CHECK(tm_assess_file(m, "/nonexistent.csv", &o, &a) == TM_STATUS_IO_ERROR);
  CHECK(tm_assess_csv(NULL, csv, &o, &a) == TM_STATUS_NULL_POINTER);
  CHECK(tm_assess_csv(m, csv, &o, NULL) == TM_STATUS_NULL_POINTER);
  o.weighting = 7;
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(last_error_contains("weighting 7"));
  o.weighting = TM_WEIGHTING_POOLED;
  o.min_group_size = 0;
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(a == NULL);
  /* The anonymity floor: k = 2 refused even when allowed; k = 4 only when allowed. */
  o.min_group_size = 2;
  o.allow_small_groups = 1;
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(last_error_contains("below 3"));
  o.min_group_size = 4;
  o.allow_small_groups = 0;
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(last_error_contains("allow_small_groups"));
  o.allow_small_groups = 1;
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_OK);
  tm_assessment_free(a);
  a = NULL;
  o.allow_small_groups = 0;
  o.min_group_size = 5;
  /* NULL options mean the defaults. */
  CHECK(tm_assess_file(m, csv_path, NULL, &a) == TM_STATUS_OK);
  tm_assessment_free(a);
  CHECK(tm_assessment_overall(NULL, &score, &level) == TM_STATUS_NULL_POINTER);
  CHECK(tm_assessment_dimension_count(NULL) == 0);
  tm_model_free(m);
}

static void test_portfolio(void) {
  tm_portfolio *p = NULL;
  CHECK(tm_portfolio_sample(&p) == TM_STATUS_OK);
  tm_portfolio_options o = tm_portfolio_options_default();
  CHECK(o.horizon == 5 && o.year == 0);
  o.lang = TM_LANG_EN;
  char *json = NULL;
  CHECK(tm_portfolio_analyse(p, &o, &json) == TM_STATUS_OK);
  CHECK(strstr(json, "\"closure_candidates\"") != NULL && strstr(json, "\"cross_fertilisation\"") != NULL);
  CHECK(strstr(json, "serves no mission") != NULL);
  tm_string_free(json);
  o.lang = 5;
  CHECK(tm_portfolio_analyse(p, &o, &json) == TM_STATUS_INVALID_ARGUMENT);
  tm_portfolio_free(p);
  p = NULL;
  CHECK(tm_portfolio_from_json("{\"municipality\":{\"name\":\"x\"},\"missions\":[],\"initiatives\":[{\"id\":\"a\"}]}", &p) == TM_STATUS_PARSE_ERROR);
  CHECK(last_error_contains("initiatives[0]"));
  CHECK(tm_portfolio_from_json("{\"municipality\":{\"name\":\"x\"},\"missions\":[],\"initiatives\":[]}", &p) == TM_STATUS_OK);
  CHECK(tm_portfolio_analyse(p, NULL, &json) == TM_STATUS_VALIDATION_ERROR);
  CHECK(last_error_contains("no analysis year"));
  tm_portfolio_free(p);
  CHECK(tm_portfolio_from_file("/nonexistent.json", &p) == TM_STATUS_IO_ERROR);
}

static void test_catalog(const char *catalog_path) {
  tm_catalog *c = NULL;
  CHECK(tm_catalog_sample(&c) == TM_STATUS_OK);
  CHECK(tm_catalog_intervention_count(c) >= 60);
  tm_match_options o = tm_match_options_default();
  CHECK(o.top == 10 && o.retrieve == 50);
  o.top = 5;
  tm_match_result *r = NULL;
  CHECK(tm_catalog_match(c, "ledige i boligområder skal i job", "{\"target_groups\":[\"ledige\"],\"context\":{\"urbanity\":\"rural\"},\"exclude\":[\"opsoegende_kontakt\"]}", &o, &r) == TM_STATUS_OK);
  CHECK(tm_match_result_count(r) == 5);
  double prev = 2.0;
  for (size_t i = 0; i < tm_match_result_count(r); i++) {
    const char *id = NULL;
    double score = 0;
    CHECK(tm_match_result_ingredient(r, i, &id, &score) == TM_STATUS_OK);
    CHECK(id != NULL && strcmp(id, "opsoegende_kontakt") != 0);
    CHECK(score > 0 && score <= prev);
    prev = score;
  }
  const char *id;
  double score;
  CHECK(tm_match_result_ingredient(r, 5, &id, &score) == TM_STATUS_OUT_OF_RANGE);
  char *json = NULL;
  CHECK(tm_match_result_to_json(r, &json) == TM_STATUS_OK);
  CHECK(strstr(json, "\"excluded\": [\n    \"opsoegende_kontakt\"") != NULL);
  tm_string_free(json);
  tm_match_result_free(r);
  r = NULL;
  CHECK(tm_catalog_match(c, "job", "{not json", &o, &r) == TM_STATUS_PARSE_ERROR);
  /* Context values are typed by JSON, as the CLI's --context types them (issue 33): JSON has
   * no infinite number, so inf and NaN are refused, naming the argument. */
  const char *not_finite[] = {"{\"context\":{\"urbanity\":NaN}}", "{\"context\":{\"urbanity\":Infinity}}",
                              "{\"context\":{\"urbanity\":1e999}}"};
  for (size_t i = 0; i < sizeof not_finite / sizeof *not_finite; i++) {
    CHECK(tm_catalog_match(c, "job", not_finite[i], &o, &r) == TM_STATUS_PARSE_ERROR);
    CHECK(last_error_contains("filters_json"));
    CHECK(r == NULL);
  }
  /* A problem text above the limit names the query text, not the catalog. */
  char *long_text = malloc(100002);
  CHECK(long_text != NULL);
  if (long_text) {
    memset(long_text, 'a', 100001);
    long_text[100001] = 0;
    CHECK(tm_catalog_match(c, long_text, NULL, &o, &r) == TM_STATUS_VALIDATION_ERROR);
    CHECK(last_error_contains("query `text`: 100001 characters exceed the limit `query_chars`"));
    free(long_text);
  }
  CHECK(tm_catalog_match(c, NULL, NULL, &o, &r) == TM_STATUS_NULL_POINTER);
  CHECK(tm_catalog_match(c, "job", NULL, NULL, &r) == TM_STATUS_OK);
  tm_match_result_free(r);
  CHECK(tm_catalog_similar(c, "dosisdispensering af medicin", NULL, 3, &json) == TM_STATUS_OK);
  CHECK(strstr(json, "\"relevance\"") != NULL);
  tm_string_free(json);
  CHECK(tm_catalog_partners(c, "561", 3, &json) == TM_STATUS_OK);
  CHECK(strstr(json, "\"shared_problems\"") != NULL);
  tm_string_free(json);
  CHECK(tm_catalog_partners(c, "999", 3, &json) == TM_STATUS_VALIDATION_ERROR);
  CHECK(last_error_contains("`999` is not the code"));
  /* Partners for a problem, for Holbæk (316: no intervention of its own), in Danish context terms. */
  CHECK(tm_catalog_partners_for_problem(c, "unge uden uddannelse", "{\"context\": {\"kommunegruppe\": \"landkommune\"}}",
                                        "316", 2, &json) == TM_STATUS_OK);
  CHECK(strstr(json, "\"relevance\"") != NULL && strstr(json, "\"context_similarity\"") != NULL);
  tm_string_free(json);
  CHECK(tm_catalog_partners_for_problem(c, "unge uden uddannelse", NULL, "999", 2, &json) == TM_STATUS_VALIDATION_ERROR);
  CHECK(tm_catalog_partners_for_problem(c, "unge uden uddannelse", NULL, NULL, 0, &json) == TM_STATUS_INVALID_ARGUMENT);
  tm_catalog_free(c);
  c = NULL;
  CHECK(tm_catalog_from_file(catalog_path, &c) == TM_STATUS_OK);
  tm_catalog_free(c);
  c = NULL;
  CHECK(tm_catalog_from_json("{\"ingredients\":[],\"interventions\":[{\"id\":\"x\"}]}", &c) == TM_STATUS_PARSE_ERROR);
  CHECK(c == NULL);
}

/* Issue 12 from C: item analysis and the questionnaire through their JSON/file functions. */
static void test_instrument(void) {
  tm_model *m = NULL;
  CHECK(tm_model_default(&m) == TM_STATUS_OK);
  const char *csv =
      "respondent,role,D1_1,D1_9\nA,top_manager,4,4\nB,top_manager,5,4\nC,top_manager,3,2\n"
      "D,top_manager,4,5\nE,top_manager,2,3\n";
  char *json = NULL;
  CHECK(tm_item_analysis_json(m, csv, &json) == TM_STATUS_OK);
  CHECK(json != NULL && strstr(json, "\"items\"") != NULL && strstr(json, "\"alpha_if_deleted\"") != NULL);
  tm_string_free(json);
  json = NULL;
  /* 4 respondents < k = 5: refused, nothing written. */
  CHECK(tm_item_analysis_json(m, "respondent,role,D1_1\nA,top_manager,4\nB,top_manager,3\n", &json) ==
        TM_STATUS_ANONYMITY_REFUSED);
  CHECK(json == NULL);
  /* Under the build's target folder, as scripts/test-c.sh makes it (CARGO_TARGET_DIR or target/). */
  const char *target = getenv("CARGO_TARGET_DIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/c-tests/questionnaire.html", target && *target ? target : "target");
  remove(path);
  CHECK(tm_questionnaire_to_file(m, "html", "frontline", "da", path) == TM_STATUS_OK);
  FILE *f = fopen(path, "r");
  CHECK(f != NULL);
  if (f) {
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    CHECK(strstr(buf, "<html") != NULL);
    fclose(f);
  }
  CHECK(tm_questionnaire_to_file(m, "html", "mayor", "da", path) == TM_STATUS_VALIDATION_ERROR ||
        tm_questionnaire_to_file(m, "html", "mayor", "da", path) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(last_error_contains("mayor"));
  tm_model_free(m);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s SAMPLE.csv EXPECTED_SCORE CATALOG.json\n", argv[0]);
    return 2;
  }
  test_version();
  test_errors_and_messages();
  test_model();
  test_bundled_models();
  test_instrument();
  test_assessment(argv[1], strtod(argv[2], NULL));
  test_portfolio();
  test_catalog(argv[3]);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("test_api: all checks passed\n");
  return 0;
}
