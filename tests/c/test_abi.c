/* The ABI contract (docs/c-api.md): the ABI version, struct sizes without hidden padding,
 * every byte of an out-struct written (0xFF pre-filled buffers), uint8_t flags that are
 * exactly 0 or 1; the options shared with the CLI and Python (ignore_columns, baseline,
 * text in a language, filters_json keys); zero for top/retrieve/horizon refused; the
 * anonymity floor; which calls leave the last error alone.
 * Usage: test_abi SAMPLE_RESPONSES.csv */
#include "check.h"

#define MEMBER_SIZE(type, member) sizeof(((type *)0)->member)

/* The CSV with a `timestamp` column appended to every line. */
static char *with_timestamp_column(const char *csv) {
  size_t lines = 0;
  for (const char *p = csv; *p; p++) lines += *p == '\n';
  char *out = malloc(strlen(csv) + lines * 16 + 32);
  char *w = out;
  int header = 1;
  for (const char *p = csv; *p; p++) {
    if (*p == '\n') {
      const char *cell = header ? ",timestamp" : ",2026-11-29";
      w += sprintf(w, "%s", cell);
      header = 0;
    }
    *w++ = *p;
  }
  *w = 0;
  return out;
}

static void test_version_and_sizes(void) {
  CHECK(tm_abi_version() == TM_ABI_VERSION);
  CHECK(tm_sizeof_assess_options() == sizeof(tm_assess_options));
  CHECK(tm_sizeof_dimension_result() == sizeof(tm_dimension_result));
  CHECK(tm_sizeof_gap() == sizeof(tm_gap));
  CHECK(tm_sizeof_match_options() == sizeof(tm_match_options));
  CHECK(tm_sizeof_plan_options() == sizeof(tm_plan_options));
  CHECK(tm_sizeof_plan_action() == sizeof(tm_plan_action));
  CHECK(tm_sizeof_portfolio_options() == sizeof(tm_portfolio_options));
  /* No hidden padding: each size is the sum of its members. */
  CHECK(sizeof(tm_dimension_result) ==
        5 * sizeof(double) + sizeof(const char *) + sizeof(size_t) + sizeof(int32_t) + 4 * sizeof(uint8_t));
  CHECK(sizeof(tm_plan_action) ==
        2 * sizeof(double) + 4 * sizeof(const char *) + 3 * sizeof(int32_t) + 4 * sizeof(uint8_t));
  CHECK(sizeof(tm_gap) == 5 * sizeof(double) + 2 * sizeof(int32_t));
  CHECK(sizeof(tm_assess_options) == sizeof(uint64_t) + sizeof(const char *const *) + sizeof(size_t) +
                                         sizeof(const char *) + 7 * sizeof(uint32_t) + 4 * sizeof(uint8_t) +
                                         2 * sizeof(const char *const *) + 2 * sizeof(size_t) +
                                         2 * sizeof(const char *) + sizeof(double));
  CHECK(sizeof(tm_plan_options) == sizeof(double) + sizeof(const int32_t *) + sizeof(size_t) + 4 * sizeof(int32_t) +
                                       sizeof(const char *const *) + sizeof(const double *) + sizeof(size_t) +
                                       sizeof(const char *const *) + sizeof(const uint32_t *) + sizeof(size_t));
  CHECK(sizeof(tm_report_options) == 2 * sizeof(uint32_t) + sizeof(const char *const *) + sizeof(const size_t *) +
                                         sizeof(size_t));
  CHECK(MEMBER_SIZE(tm_dimension_result, has_score) == 1 && MEMBER_SIZE(tm_plan_action, has_cost) == 1);
}

/* Every byte of the out-structs is written: buffers pre-filled with 0xFF come back with flags
 * of exactly 0 or 1 and reserved bytes of 0. */
static void test_out_structs_fully_written(tm_model *m, const char *csv) {
  tm_assess_options o = tm_assess_options_default();
  o.bootstrap = 50;
  tm_assessment *a = NULL;
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_OK);
  size_t scored = 0, without_ci = 0;
  for (size_t i = 0; i < tm_assessment_dimension_count(a); i++) {
    tm_dimension_result d;
    memset(&d, 0xFF, sizeof d);
    CHECK(tm_assessment_dimension(a, i, &d) == TM_STATUS_OK);
    CHECK(d.has_score <= 1 && d.has_ci <= 1 && d.has_alpha <= 1 && d.reserved == 0);
    scored += d.has_score;
    without_ci += d.has_ci == 0;
  }
  CHECK(scored == 10);
  for (size_t i = 0; i < tm_assessment_gap_count(a); i++) {
    tm_gap g;
    memset(&g, 0xFF, sizeof g);
    CHECK(tm_assessment_gap(a, i, &g) == TM_STATUS_OK);
    CHECK(g.significant >= -1 && g.significant <= 1);
  }
  tm_plan_options po = tm_plan_options_default();
  CHECK(po.phase_out_quarters == 1 && po.department_names == NULL && po.budget_month_names == NULL);
  po.start_year = 2026;
  tm_portfolio *p = NULL;
  tm_plan *plan = NULL;
  CHECK(tm_portfolio_sample(&p) == TM_STATUS_OK);
  CHECK(tm_plan_new(m, a, p, NULL, &po, &plan) == TM_STATUS_OK);
  size_t actions = 0, with_cost = 0;
  for (size_t ph = 0; ph < tm_plan_phase_count(plan); ph++) {
    for (size_t i = 0; i < tm_plan_action_count(plan, ph); i++) {
      tm_plan_action act;
      memset(&act, 0xFF, sizeof act);
      CHECK(tm_plan_get_action(plan, ph, i, &act) == TM_STATUS_OK);
      CHECK(act.has_cost <= 1 && act.reserved[0] == 0 && act.reserved[1] == 0 && act.reserved[2] == 0);
      actions++;
      with_cost += act.has_cost;
    }
  }
  CHECK(actions > 0);
  tm_plan_free(plan);
  tm_portfolio_free(p);
  tm_assessment_free(a);
}

static void test_anonymity_floor(tm_model *m, const char *csv) {
  tm_assess_options o = tm_assess_options_default();
  o.bootstrap = 0;
  tm_assessment *a = NULL;
  for (uint32_t k = 0; k < 3; k++) {
    o.min_group_size = k;
    o.allow_small_groups = 1;
    CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_INVALID_ARGUMENT && a == NULL);
  }
  o.min_group_size = 3;
  o.allow_small_groups = 0;
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_INVALID_ARGUMENT && a == NULL);
  o.allow_small_groups = 2; /* a flag is 0 or 1, never "truthy" */
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_INVALID_ARGUMENT && last_error_contains("allow_small_groups 2"));
  o.allow_small_groups = 1;
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_OK);
  tm_assessment_free(a);
}

static void test_assess_parity(tm_model *m, const char *csv) {
  tm_assess_options o = tm_assess_options_default();
  o.bootstrap = 0;
  char *extra = with_timestamp_column(csv);
  tm_assessment *a = NULL, *plain = NULL;
  /* An unknown column: the message names the concept and the C field, never a CLI flag. */
  CHECK(tm_assess_csv(m, extra, &o, &a) == TM_STATUS_VALIDATION_ERROR && a == NULL);
  CHECK(last_error_contains("`timestamp`") && last_error_contains("tm_assess_options.ignore_columns"));
  CHECK(!last_error_contains("--ignore-column"));
  const char *ignore[] = {"timestamp"};
  o.ignore_columns = ignore;
  o.ignore_column_count = 1;
  CHECK(tm_assess_csv(m, extra, &o, &a) == TM_STATUS_OK);
  o.ignore_columns = NULL;
  CHECK(tm_assess_csv(m, extra, &o, &plain) == TM_STATUS_NULL_POINTER); /* count 1, NULL list */
  CHECK(last_error_contains("`ignore_columns` is NULL"));
  o.ignore_column_count = 0;
  CHECK(tm_assess_csv(m, csv, &o, &plain) == TM_STATUS_OK);
  char *ja = NULL, *jp = NULL;
  CHECK(tm_assessment_to_json(a, &ja) == TM_STATUS_OK && tm_assessment_to_json(plain, &jp) == TM_STATUS_OK);
  CHECK(ja && jp && strcmp(ja, jp) == 0); /* the skipped column changes nothing */
  /* Baseline: the earlier round's JSON; the result carries the comparison. */
  CHECK(strstr(jp, "\"baseline\": null") != NULL || strstr(jp, "\"baseline\"") == NULL);
  o.baseline_json = jp;
  tm_assessment *b = NULL;
  CHECK(tm_assess_csv(m, csv, &o, &b) == TM_STATUS_OK);
  char *jb = NULL;
  CHECK(tm_assessment_to_json(b, &jb) == TM_STATUS_OK);
  CHECK(jb && strstr(jb, "\"baseline\": {") != NULL);
  o.baseline_json = "{\"not\": \"an assessment\"}";
  tm_assessment *bad = NULL;
  CHECK(tm_assess_csv(m, csv, &o, &bad) == TM_STATUS_VALIDATION_ERROR && bad == NULL);
  CHECK(last_error_contains("baseline"));
  /* Text in a language. */
  char *da = NULL, *en = NULL;
  CHECK(tm_assessment_to_text(a, m, TM_LANG_DA, &da) == TM_STATUS_OK);
  CHECK(tm_assessment_to_text(a, m, TM_LANG_EN, &en) == TM_STATUS_OK);
  CHECK(da && en && strcmp(da, en) != 0 && strstr(en, "D1") != NULL);
  CHECK(tm_assessment_to_text(a, m, 7, &da) == TM_STATUS_INVALID_ARGUMENT && last_error_contains("lang 7"));
  tm_model *ci = NULL;
  CHECK(tm_model_bundled("ci", &ci) == TM_STATUS_OK);
  char *wrong = NULL;
  CHECK(tm_assessment_to_text(a, ci, TM_LANG_EN, &wrong) == TM_STATUS_VALIDATION_ERROR && wrong == NULL);
  tm_model_free(ci);
  tm_string_free(da);
  tm_string_free(en);
  tm_string_free(ja);
  tm_string_free(jp);
  tm_string_free(jb);
  tm_assessment_free(a);
  tm_assessment_free(plain);
  tm_assessment_free(b);
  free(extra);
}

static void test_filters_and_zero(void) {
  tm_catalog *c = NULL;
  CHECK(tm_catalog_sample(&c) == TM_STATUS_OK);
  tm_match_result *r = NULL;
  const char *problem = "ældre medicin i hjemmeplejen";
  CHECK(tm_catalog_match(c, problem, "{\"target_group\": [\"ældre\"]}", NULL, &r) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(r == NULL && last_error_contains("unknown key `target_group`") && last_error_contains("target_groups"));
  CHECK(tm_catalog_match(c, problem, "{\"text\": \"x\"}", NULL, &r) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(tm_catalog_match(c, problem, "[1]", NULL, &r) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(tm_catalog_match(c, problem, "{\"target_groups\": [], \"exclude\": []}", NULL, &r) == TM_STATUS_OK);
  tm_match_result_free(r);
  r = NULL;
  /* Zero is refused for every count, in every function. */
  tm_match_options mo = tm_match_options_default();
  mo.top = 0;
  CHECK(tm_catalog_match(c, problem, NULL, &mo, &r) == TM_STATUS_INVALID_ARGUMENT && last_error_contains("`top`"));
  mo = tm_match_options_default();
  mo.retrieve = 0;
  CHECK(tm_catalog_match(c, problem, NULL, &mo, &r) == TM_STATUS_INVALID_ARGUMENT && last_error_contains("`retrieve`"));
  CHECK(r == NULL);
  char *json = NULL;
  CHECK(tm_catalog_similar(c, problem, NULL, 0, &json) == TM_STATUS_INVALID_ARGUMENT && json == NULL);
  CHECK(tm_catalog_partners(c, "561", 0, &json) == TM_STATUS_INVALID_ARGUMENT && json == NULL);
  /* Every JSON output starts with its schema_version. */
  const char *v1 = "{\n  \"schema_version\": 1,";
  CHECK(tm_catalog_similar(c, problem, NULL, 2, &json) == TM_STATUS_OK && strncmp(json, v1, strlen(v1)) == 0);
  tm_string_free(json);
  CHECK(tm_catalog_partners(c, "561", 2, &json) == TM_STATUS_OK && strncmp(json, v1, strlen(v1)) == 0);
  CHECK(strstr(json, "\"partners\": [") != NULL);
  tm_string_free(json);
  CHECK(tm_catalog_match(c, problem, NULL, NULL, &r) == TM_STATUS_OK);
  CHECK(tm_match_result_to_json(r, &json) == TM_STATUS_OK && strncmp(json, v1, strlen(v1)) == 0);
  tm_string_free(json);
  tm_match_result_free(r);
  r = NULL;
  json = NULL;
  tm_portfolio *p = NULL;
  CHECK(tm_portfolio_sample(&p) == TM_STATUS_OK);
  CHECK(tm_portfolio_analyse(p, NULL, &json) == TM_STATUS_OK && strncmp(json, v1, strlen(v1)) == 0);
  tm_string_free(json);
  json = NULL;
  tm_portfolio_options po = tm_portfolio_options_default();
  po.horizon = 0;
  CHECK(tm_portfolio_analyse(p, &po, &json) == TM_STATUS_INVALID_ARGUMENT && last_error_contains("`horizon`"));
  CHECK(json == NULL);
  tm_portfolio_free(p);
  tm_catalog_free(c);
}

/* tm_last_error_message: the length query; calls that leave the last error alone. */
static void test_last_error_rules(void) {
  tm_model *m = NULL;
  CHECK(tm_model_from_json("{", &m) == TM_STATUS_PARSE_ERROR);
  size_t len = tm_last_error_length(), written = 0;
  CHECK(len > 0);
  CHECK(tm_last_error_message(NULL, 0, &written) == TM_STATUS_BUFFER_TOO_SMALL && written == len);
  char buf[4] = {'x', 'x', 'x', 'x'};
  written = 0;
  CHECK(tm_last_error_message(buf, 0, &written) == TM_STATUS_BUFFER_TOO_SMALL && written == len && buf[0] == 'x');
  CHECK(tm_last_error_message(NULL, 5, &written) == TM_STATUS_NULL_POINTER);
  /* Value-returning functions and the _free functions leave the message. */
  (void)tm_version();
  (void)tm_abi_version();
  (void)tm_model_dimension_count(NULL);
  (void)tm_assess_options_default();
  (void)tm_sizeof_gap();
  tm_model_free(NULL);
  tm_string_free(NULL);
  CHECK(tm_last_error_length() == len);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: test_abi SAMPLE_RESPONSES.csv\n");
    return 2;
  }
  char *csv = read_all(argv[1]);
  CHECK(csv != NULL);
  tm_model *m = NULL;
  CHECK(tm_model_default(&m) == TM_STATUS_OK);
  test_version_and_sizes();
  test_out_structs_fully_written(m, csv);
  test_anonymity_floor(m, csv);
  test_assess_parity(m, csv);
  test_filters_and_zero();
  test_last_error_rules();
  tm_model_free(m);
  free(csv);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("test_abi: all checks passed");
  return 0;
}
