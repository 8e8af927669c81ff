/* The breakdown by department through the C API, audited as the CLI's `--by`, and the
 * differencing attack of issue 31 (departments of 6, 5 and 1 politicians: the whole minus
 * the others gives the lone respondent) on a survey of its own (the sample generator, model
 * dtm@2026.1, seed 31): nothing recoverable. Also the structured error fields, typed labels,
 * tables and their exports, an assessment read back from JSON, the item changes between two
 * model versions, and every struct's size against the library's.
 * Usage: test_units SCRATCH_DIR */
#include <math.h>
#include "check.h"

/* The sample's CSV with a `department` column: rows 1-6 "A", 7-11 "B", 12 "C". */
static char *with_departments(const char *csv) {
  size_t n = strlen(csv);
  char *out = malloc(n + 64 * 16 + 32);
  const char *p = csv;
  char *q = out;
  int row = -1; /* the header */
  while (*p) {
    const char *end = strchr(p, '\n');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    memcpy(q, p, len);
    q += len;
    const char *dept = row < 0 ? "department" : row < 6 ? "A" : row < 11 ? "B" : "C";
    q += sprintf(q, ",%s\n", dept);
    row++;
    p += len + (end ? 1 : 0);
  }
  *q = 0;
  return out;
}

static tm_assessment *assess_by_department(tm_model *m, const char *csv) {
  tm_assess_options o = tm_assess_options_default();
  const char *by[] = {"department"};
  o.unit_columns = by;
  o.unit_column_count = 1;
  o.weighting = TM_WEIGHTING_POOLED; /* the whole is every respondent's mean: the attack's premise */
  o.bootstrap = 0;
  tm_assessment *a = NULL;
  CHECK(tm_assess_csv(m, csv, &o, &a) == TM_STATUS_OK);
  return a;
}

/* For every dimension: the whole's n minus the published departments' n is 0 or at least
 * k, so no withheld department (nor its lone respondent) follows by subtraction. */
static void test_attack(tm_model *m) {
  const char *roles[] = {"politician"};
  size_t counts[] = {12};
  char *sample = NULL;
  CHECK(tm_sample_csv(m, 0, 31, roles, counts, 1, &sample) == TM_STATUS_OK);
  char *csv = with_departments(sample);
  tm_assessment *a = assess_by_department(m, csv);
  size_t k = tm_assess_options_default().min_group_size;
  size_t units = tm_assessment_unit_count(a);
  CHECK(units >= 3); /* A, B, C (and perhaps their role cells) */
  size_t primary = 0, secondary = 0;
  CHECK(tm_assessment_suppression(a, &primary, &secondary) == TM_STATUS_OK);
  CHECK(primary >= 1);   /* C's lone respondent */
  CHECK(secondary >= 1); /* and what would give it away */
  int seen_c = 0, recoverable = 0;
  for (size_t d = 0; d < tm_assessment_dimension_count(a); d++) {
    tm_dimension_result whole;
    CHECK(tm_assessment_dimension(a, d, &whole) == TM_STATUS_OK);
    if (!whole.has_score) continue;
    size_t published = 0;
    double sum = 0;
    for (size_t u = 0; u < units; u++) {
      tm_unit_result r;
      CHECK(tm_assessment_unit(a, u, &r) == TM_STATUS_OK);
      if (r.unit != NULL || r.role != NULL) continue;
      CHECK(r.dimension_count == tm_assessment_dimension_count(a));
      tm_unit_dimension ud;
      CHECK(tm_assessment_unit_dimension(a, u, d, &ud) == TM_STATUS_OK);
      CHECK(strcmp(ud.id, whole.id) == 0);
      if (strcmp(r.department, "C") == 0) {
        seen_c = 1;
        CHECK(!ud.has_score && !ud.has_n && isnan(ud.score));
      }
      if (ud.has_score && ud.has_n) {
        CHECK(ud.n >= k);
        published += ud.n;
        sum += ud.score * (double)ud.n;
      }
    }
    size_t rest = whole.n - published;
    if (rest > 0 && rest < k) {
      recoverable++;
      fprintf(stderr, "dimension %s: %zu respondent(s) recoverable, mean %.4f\n", whole.id, rest,
              (whole.score * (double)whole.n - sum) / (double)rest);
    }
  }
  CHECK(seen_c);
  CHECK(recoverable == 0);
  /* Out of range is refused with the count named; NULL is refused. */
  tm_unit_result r;
  CHECK(tm_assessment_unit(a, units, &r) == TM_STATUS_OUT_OF_RANGE);
  CHECK(last_error_contains("of"));
  tm_unit_dimension ud;
  CHECK(tm_assessment_unit_dimension(a, 0, 99, &ud) == TM_STATUS_OUT_OF_RANGE);
  CHECK(tm_assessment_unit(NULL, 0, &r) == TM_STATUS_NULL_POINTER);
  CHECK(tm_assessment_suppression(a, NULL, &secondary) == TM_STATUS_NULL_POINTER);
  CHECK(tm_assessment_unit_count(NULL) == 0);

  /* The same survey without the breakdown publishes no unit. */
  tm_assessment *plain = NULL;
  CHECK(tm_assess_csv(m, sample, NULL, &plain) == TM_STATUS_OK);
  CHECK(tm_assessment_unit_count(plain) == 0);

  /* Read back from its JSON: the same breakdown. */
  char *json = NULL;
  CHECK(tm_assessment_to_json(a, &json) == TM_STATUS_OK);
  tm_assessment *back = NULL;
  CHECK(tm_assessment_from_json(json, &back) == TM_STATUS_OK);
  CHECK(tm_assessment_unit_count(back) == units);
  size_t p2 = 0, s2 = 0;
  CHECK(tm_assessment_suppression(back, &p2, &s2) == TM_STATUS_OK && p2 == primary && s2 == secondary);
  CHECK(tm_assessment_from_json("{\"not\": 1}", &back) == TM_STATUS_VALIDATION_ERROR);

  /* An earlier publication to audit against is read (a bad one is named). */
  tm_assess_options o = tm_assess_options_default();
  const char *earlier[] = {json};
  o.audit_against_json = earlier;
  o.audit_against_count = 1;
  o.bootstrap = 0;
  tm_assessment *audited = NULL;
  CHECK(tm_assess_csv(m, sample, &o, &audited) == TM_STATUS_OK);
  const char *broken[] = {"[1]"};
  o.audit_against_json = broken;
  CHECK(tm_assess_csv(m, sample, &o, &audited) == TM_STATUS_VALIDATION_ERROR);
  CHECK(last_error_contains("audit_against_json[0]"));
  /* The municipality is recorded; an unknown one is refused. */
  o = tm_assess_options_default();
  o.bootstrap = 0;
  o.municipality = "760";
  tm_assessment *with_code = NULL;
  CHECK(tm_assess_csv(m, sample, &o, &with_code) == TM_STATUS_OK);
  char *coded = NULL;
  CHECK(tm_assessment_to_json(with_code, &coded) == TM_STATUS_OK);
  CHECK(coded != NULL && strstr(coded, "\"code\": \"760\"") != NULL);
  o.municipality = "999";
  tm_assessment *bad = NULL;
  CHECK(tm_assess_csv(m, sample, &o, &bad) != TM_STATUS_OK && bad == NULL);
  CHECK(last_error_contains("999"));

  tm_string_free(coded);
  tm_assessment_free(with_code);
  tm_assessment_free(audited);
  tm_assessment_free(back);
  tm_string_free(json);
  tm_assessment_free(plain);
  tm_assessment_free(a);
  free(csv);
  tm_string_free(sample);
}

/* Row, column, value and respondent of a bad answer, as Python's exceptions carry them. */
static void test_error_fields(tm_model *m) {
  tm_assessment *a = NULL;
  CHECK(tm_assess_csv(m, "respondent,role,D1_1\nA,politician,4\nB,politician,9\n", NULL, &a) ==
        TM_STATUS_VALIDATION_ERROR);
  CHECK(tm_last_error_row() == 3);
  const char *column = tm_last_error_field(TM_ERROR_FIELD_COLUMN);
  const char *value = tm_last_error_field(TM_ERROR_FIELD_VALUE);
  const char *who = tm_last_error_field(TM_ERROR_FIELD_RESPONDENT);
  CHECK(column != NULL && strcmp(column, "D1_1") == 0);
  CHECK(value != NULL && strcmp(value, "9") == 0);
  CHECK(who != NULL && strcmp(who, "B") == 0);
  CHECK(tm_last_error_field(99) == NULL);
  /* A later failure without fields clears them. */
  CHECK(tm_assess_csv(NULL, "x", NULL, &a) == TM_STATUS_NULL_POINTER);
  CHECK(tm_last_error_row() == 0 && tm_last_error_field(TM_ERROR_FIELD_COLUMN) == NULL);
  /* A long-JSON unknown item names its record and item. */
  CHECK(tm_assess_json(m, "[{\"respondent\":\"A\",\"role\":\"politician\",\"item\":\"Q9\",\"value\":3}]", NULL, &a) ==
        TM_STATUS_VALIDATION_ERROR);
  CHECK(tm_last_error_row() == 1);
  const char *item = tm_last_error_field(TM_ERROR_FIELD_ITEM);
  CHECK(item != NULL && strcmp(item, "Q9") == 0);
}

static void test_labels(tm_model *m, tm_model *newer) {
  size_t dims = tm_model_label_count(m, TM_LABEL_DIMENSION);
  CHECK(dims == tm_model_dimension_count(m));
  CHECK(tm_model_label_count(m, TM_LABEL_ITEM) == tm_model_item_count(m));
  CHECK(tm_model_label_count(m, TM_LABEL_LEVEL) == 5);
  CHECK(tm_model_label_count(m, TM_LABEL_ROLE) >= 1 && tm_model_label_count(m, TM_LABEL_LEVER) >= 1);
  CHECK(tm_model_label_count(m, 42) == 0 && tm_model_label_count(NULL, TM_LABEL_ITEM) == 0);
  char *id = NULL, *da = NULL, *en = NULL;
  CHECK(tm_model_label(m, TM_LABEL_DIMENSION, 0, TM_LANG_DA, &id, &da) == TM_STATUS_OK);
  CHECK(id != NULL && strcmp(id, "D1") == 0 && da != NULL && strlen(da) > 0);
  tm_string_free(id);
  CHECK(tm_model_label(m, TM_LABEL_DIMENSION, 0, TM_LANG_EN, &id, &en) == TM_STATUS_OK);
  CHECK(en != NULL && strcmp(da, en) != 0); /* translated */
  tm_string_free(id);
  tm_string_free(da);
  tm_string_free(en);
  CHECK(tm_model_label(m, TM_LABEL_LEVEL, 4, TM_LANG_DA, &id, &da) == TM_STATUS_OK);
  CHECK(strcmp(id, "5") == 0);
  tm_string_free(id);
  tm_string_free(da);
  id = NULL;
  CHECK(tm_model_label(m, TM_LABEL_DIMENSION, dims, TM_LANG_DA, &id, &da) == TM_STATUS_OUT_OF_RANGE && id == NULL);
  CHECK(tm_model_label(m, 9, 0, TM_LANG_DA, &id, &da) == TM_STATUS_INVALID_ARGUMENT);

  /* Item changes between two versions: the same as in an assessment's baseline. */
  char *changes = NULL;
  CHECK(tm_model_item_changes_json(m, newer, &changes) == TM_STATUS_OK);
  CHECK(changes != NULL && changes[0] == '[' && strstr(changes, "\"dimension\"") != NULL);
  char *none = NULL;
  CHECK(tm_model_item_changes_json(m, m, &none) == TM_STATUS_OK);
  CHECK(none != NULL && strcmp(none, "[]") == 0);
  tm_string_free(none);
  /* A baseline on the older version: the assessment lists the item changes. */
  char *old_csv = NULL, *new_csv = NULL, *old_json = NULL, *new_json = NULL;
  CHECK(tm_sample_csv(m, 60, 1, NULL, NULL, 0, &old_csv) == TM_STATUS_OK);
  CHECK(tm_sample_csv(newer, 60, 2, NULL, NULL, 0, &new_csv) == TM_STATUS_OK);
  tm_assess_options o = tm_assess_options_default();
  o.bootstrap = 0;
  tm_assessment *old_a = NULL, *new_a = NULL;
  CHECK(tm_assess_csv(m, old_csv, &o, &old_a) == TM_STATUS_OK);
  CHECK(tm_assessment_to_json(old_a, &old_json) == TM_STATUS_OK);
  o.baseline_json = old_json;
  CHECK(tm_assess_csv(newer, new_csv, &o, &new_a) == TM_STATUS_OK);
  CHECK(tm_assessment_to_json(new_a, &new_json) == TM_STATUS_OK);
  CHECK(new_json != NULL && strstr(new_json, "\"item_changes\"") != NULL);
  tm_string_free(changes);
  tm_string_free(old_csv);
  tm_string_free(new_csv);
  tm_string_free(old_json);
  tm_string_free(new_json);
  tm_assessment_free(old_a);
  tm_assessment_free(new_a);
}

/* A table's cells are typed; CSV and a workbook are written from it. */
static void check_table(tm_table *t, const char *dir, const char *name) {
  size_t cols = tm_table_column_count(t), sections = tm_table_section_count(t);
  CHECK(cols >= 2 && sections >= 1);
  size_t numbers = 0, texts = 0, rows = 0;
  for (size_t s = 0; s < sections; s++) {
    const char *section = NULL;
    CHECK(tm_table_section(t, s, &section) == TM_STATUS_OK && section != NULL && section[0] != 0);
    for (size_t r = 0; r < tm_table_row_count(t, s); r++, rows++) {
      for (size_t c = 0; c < cols; c++) {
        tm_cell cell;
        CHECK(tm_table_cell(t, s, r, c, &cell) == TM_STATUS_OK);
        if (cell.kind == TM_CELL_TEXT) {
          texts++;
          CHECK(cell.text != NULL && isnan(cell.number));
        } else if (cell.kind == TM_CELL_NUMBER || cell.kind == TM_CELL_KRONER) {
          numbers++;
          CHECK(cell.text == NULL && isfinite(cell.number));
        } else {
          CHECK(cell.kind == TM_CELL_EMPTY && cell.text == NULL);
        }
      }
    }
  }
  CHECK(rows > 0 && numbers > 0 && texts > 0);
  tm_cell cell;
  CHECK(tm_table_cell(t, 0, 0, cols, &cell) == TM_STATUS_OUT_OF_RANGE);
  CHECK(tm_table_cell(t, sections, 0, 0, &cell) == TM_STATUS_OUT_OF_RANGE);
  const char *header = NULL;
  CHECK(tm_table_column(t, 0, &header) == TM_STATUS_OK);
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.csv", dir, name);
  CHECK(tm_table_export(t, TM_EXPORT_CSV, path) == TM_STATUS_OK);
  char *text = read_all(path);
  CHECK(text != NULL && header != NULL && strstr(text, header) != NULL);
  free(text);
  snprintf(path, sizeof path, "%s/%s.xlsx", dir, name);
  CHECK(tm_table_export(t, TM_EXPORT_XLSX, path) == TM_STATUS_OK);
  char *book = read_all(path);
  CHECK(book != NULL && book[0] == 'P' && book[1] == 'K'); /* a zip */
  free(book);
  CHECK(tm_table_export(t, 7, path) == TM_STATUS_INVALID_ARGUMENT);
  snprintf(path, sizeof path, "%s/no-such-folder/%s.csv", dir, name);
  CHECK(tm_table_export(t, TM_EXPORT_CSV, path) == TM_STATUS_IO_ERROR);
}

static void test_tables(tm_model *m, const char *dir) {
  char *csv = NULL;
  CHECK(tm_sample_csv(m, 80, 5, NULL, NULL, 0, &csv) == TM_STATUS_OK);
  tm_assessment *a = NULL;
  CHECK(tm_assess_csv(m, csv, NULL, &a) == TM_STATUS_OK);
  tm_table *t = NULL;
  CHECK(tm_assessment_table(a, TM_LANG_DA, &t) == TM_STATUS_OK);
  check_table(t, dir, "assessment");
  tm_table_free(t);
  tm_portfolio *p = NULL;
  CHECK(tm_portfolio_sample(&p) == TM_STATUS_OK);
  t = NULL;
  CHECK(tm_portfolio_table(p, NULL, &t) == TM_STATUS_OK);
  check_table(t, dir, "portfolio");
  tm_table_free(t);
  tm_catalog *c = NULL;
  CHECK(tm_catalog_sample(&c) == TM_STATUS_OK);
  tm_match_result *r = NULL;
  CHECK(tm_catalog_match(c, "ældre medicin i hjemmeplejen", NULL, NULL, &r) == TM_STATUS_OK);
  t = NULL;
  CHECK(tm_match_result_table(r, TM_LANG_EN, &t) == TM_STATUS_OK);
  check_table(t, dir, "match");
  tm_table_free(t);
  tm_plan *plan = NULL;
  CHECK(tm_plan_new(m, a, p, c, NULL, &plan) == TM_STATUS_OK);
  /* The CLI's --department-capacity, --budget-month and --phase-out-quarters. */
  tm_plan_options po = tm_plan_options_default();
  CHECK(po.phase_out_quarters == 1 && po.department_count == 0 && po.budget_month_count == 0);
  const char *departments[] = {"Sundhed og Omsorg"}; /* a department of the sample portfolio */
  double hours[] = {400};
  const char *steps[] = {"adoption"};
  uint32_t months[] = {10};
  po.department_names = departments;
  po.department_hours = hours;
  po.department_count = 1;
  po.budget_month_names = steps;
  po.budget_months = months;
  po.budget_month_count = 1;
  po.phase_out_quarters = 2;
  tm_plan *tuned = NULL;
  CHECK(tm_plan_new(m, a, p, c, &po, &tuned) == TM_STATUS_OK);
  tm_plan_free(tuned);
  tuned = NULL;
  const char *unknown[] = {"adopption"};
  po.budget_month_names = unknown;
  CHECK(tm_plan_new(m, a, p, c, &po, &tuned) == TM_STATUS_INVALID_ARGUMENT && tuned == NULL);
  CHECK(last_error_contains("adopption"));
  po.budget_month_names = NULL;
  CHECK(tm_plan_new(m, a, p, c, &po, &tuned) == TM_STATUS_NULL_POINTER && tuned == NULL);
  po = tm_plan_options_default();
  po.phase_out_quarters = 300;
  CHECK(tm_plan_new(m, a, p, c, &po, &tuned) == TM_STATUS_INVALID_ARGUMENT && tuned == NULL);
  t = NULL;
  CHECK(tm_plan_table(plan, TM_LANG_DA, &t) == TM_STATUS_OK);
  check_table(t, dir, "plan");
  tm_table_free(t);
  CHECK(tm_plan_table(plan, 5, &t) == TM_STATUS_INVALID_ARGUMENT);
  CHECK(tm_assessment_table(NULL, TM_LANG_DA, &t) == TM_STATUS_NULL_POINTER);
  CHECK(tm_table_column_count(NULL) == 0 && tm_table_row_count(NULL, 0) == 0);
  /* The report with a plan (valgrind runs this file: no uninitialised read). */
  char *html = NULL;
  CHECK(tm_report_html(m, a, p, c, plan, NULL, &html) == TM_STATUS_OK);
  CHECK(html != NULL && strstr(html, "<html") != NULL);
  tm_string_free(html);
  tm_plan_free(plan);
  tm_match_result_free(r);
  tm_catalog_free(c);
  tm_portfolio_free(p);
  tm_assessment_free(a);
  tm_string_free(csv);
}

/* Every struct's size as this header declares it equals the library's. */
static void test_sizes(void) {
  CHECK(tm_sizeof_assess_options() == sizeof(tm_assess_options));
  CHECK(tm_sizeof_report_options() == sizeof(tm_report_options));
  CHECK(tm_sizeof_paper_options() == sizeof(tm_paper_options));
  CHECK(tm_sizeof_unit_result() == sizeof(tm_unit_result));
  CHECK(tm_sizeof_unit_dimension() == sizeof(tm_unit_dimension));
  CHECK(tm_sizeof_cell() == sizeof(tm_cell));
  CHECK(tm_sizeof_plan_options() == sizeof(tm_plan_options));
  tm_assess_options o = tm_assess_options_default();
  CHECK(o.confidence == 0.95 && o.unit_columns == NULL && o.unit_column_count == 0 && o.municipality == NULL);
  CHECK(o.audit_against_json == NULL && o.sheet == NULL);
  tm_report_options r = tm_report_options_default();
  CHECK(r.reserved == 0);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s SCRATCH_DIR\n", argv[0]);
    return 2;
  }
  tm_model *m = NULL, *newer = NULL;
  CHECK(tm_model_bundled("dtm@2026.1", &m) == TM_STATUS_OK);
  CHECK(tm_model_bundled("dtm@2026.2", &newer) == TM_STATUS_OK);
  test_sizes();
  test_attack(m);
  test_error_fields(m);
  test_labels(m, newer);
  test_tables(m, argv[1]);
  tm_model_free(newer);
  tm_model_free(m);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("test_units: ok\n");
  return 0;
}
