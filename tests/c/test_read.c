/* Reading a survey tool's export through the C API (tm_read_options, issue 32): a survey of
 * its own (the sample generator, model dtm@2026.2, seed 32) rewritten as a tool exports it
 * (its own respondent and role headers, its own role values, a metadata column) gives exactly
 * the figures of the same answers in the canonical layout; a map naming a missing column, an
 * unmapped role value and an undeclared column are typed errors naming what was wrong. Also
 * the item analysis's options (tm_items_options: the audit against an earlier release), the
 * bundled data by name, the portfolio template, and the carried-over comparison with the
 * baseline round's responses (dtm@2026.2 → dtm@2027.1).
 * Usage: test_read SCRATCH_DIR */
#include <math.h>
#include "check.h"

/* The canonical CSV as a survey tool writes it: header `Respondent-ID;Hvad er din rolle?`,
 * every role value prefixed with "Rolle: ", and a leading column `Starttidspunkt`. Rows after
 * the first `keep` data rows are dropped (keep < 0: all). */
static char *as_export(const char *csv, int keep) {
  size_t n = strlen(csv);
  size_t lines = 1;
  for (const char *p = csv; *p; p++) lines += *p == '\n';
  char *out = malloc(n + lines * 40 + 64);
  char *q = out;
  const char *p = csv;
  int row = -1;
  while (*p && (keep < 0 || row < keep)) {
    const char *end = strchr(p, '\n');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len > 0) {
      const char *c1 = memchr(p, ',', len);            /* after the respondent */
      const char *c2 = memchr(c1 + 1, ',', len - (size_t)(c1 + 1 - p)); /* after the role */
      if (row < 0) {
        q += sprintf(q, "Starttidspunkt,Respondent-ID,Hvad er din rolle?");
      } else {
        q += sprintf(q, "2026-03-0%d 09:00,", row % 9 + 1);
        memcpy(q, p, (size_t)(c1 - p + 1));
        q += c1 - p + 1;
        q += sprintf(q, "Rolle: ");
        memcpy(q, c1 + 1, (size_t)(c2 - c1 - 1));
        q += c2 - c1 - 1;
      }
      size_t rest = len - (size_t)(c2 - p);
      memcpy(q, c2, rest);
      q += rest;
      *q++ = '\n';
      row++;
    }
    p += len + (end ? 1 : 0);
  }
  *q = 0;
  return out;
}

/* The first `keep` data rows of a CSV (with its header). */
static char *head_rows(const char *csv, int keep) {
  const char *p = csv;
  for (int row = -1; row < keep && *p; row++) {
    const char *end = strchr(p, '\n');
    p = end ? end + 1 : p + strlen(p);
  }
  size_t len = (size_t)(p - csv);
  char *out = malloc(len + 1);
  memcpy(out, csv, len);
  out[len] = 0;
  return out;
}

static size_t count_of(const char *text, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle)) n++;
  return n;
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

/* The same answers give the same figures: overall and every dimension's score and n. */
static void same_figures(const tm_assessment *a, const tm_assessment *b) {
  double sa = 0, sb = 0;
  int la = 0, lb = 0;
  CHECK(tm_assessment_overall(a, &sa, &la) == TM_STATUS_OK);
  CHECK(tm_assessment_overall(b, &sb, &lb) == TM_STATUS_OK);
  CHECK(sa == sb && la == lb);
  size_t dims = tm_assessment_dimension_count(a);
  CHECK(dims > 0 && dims == tm_assessment_dimension_count(b));
  for (size_t i = 0; i < dims; i++) {
    tm_dimension_result x, y;
    CHECK(tm_assessment_dimension(a, i, &x) == TM_STATUS_OK);
    CHECK(tm_assessment_dimension(b, i, &y) == TM_STATUS_OK);
    CHECK(x.n == y.n && x.has_score == y.has_score && (!x.has_score || x.score == y.score));
  }
}

static const char *ROLES[] = {"politician", "top_manager", "middle_manager", "frontline", "external_partner"};
static const char *LABELS[] = {"Rolle: politician", "Rolle: top_manager", "Rolle: middle_manager",
                               "Rolle: frontline", "Rolle: external_partner"};

static tm_assessment *assess_ex(tm_model *m, const char *csv, const tm_read_options *r, tm_status want) {
  tm_assess_options o = tm_assess_options_default();
  o.bootstrap = 0;
  tm_assessment *a = NULL;
  tm_status s = tm_assess_csv_ex(m, csv, r, &o, NULL, &a);
  CHECK(s == want);
  if (s != want) fprintf(stderr, "  status %d, wanted %d\n", (int)s, (int)want);
  return a;
}

static void test_column_map(tm_model *m, const char *scratch) {
  char *csv = NULL;
  CHECK(tm_sample_csv(m, 60, 32, NULL, NULL, 0, &csv) == TM_STATUS_OK);
  char *export_csv = as_export(csv, -1);
  tm_assessment *plain = assess_ex(m, csv, NULL, TM_STATUS_OK);

  /* The fields: columns, role values, the metadata column to ignore. */
  tm_read_options r = tm_read_options_default();
  r.respondent_column = "Respondent-ID";
  r.role_column = "Hvad er din rolle?";
  r.role_values = LABELS;
  r.role_value_roles = ROLES;
  r.role_value_count = 5;
  const char *ignore[] = {"Starttidspunkt"};
  r.ignore_columns = ignore;
  r.ignore_column_count = 1;
  tm_assessment *mapped = assess_ex(m, export_csv, &r, TM_STATUS_OK);
  if (plain && mapped) same_figures(plain, mapped);
  tm_assessment_free(mapped);

  /* The same as a column map's CSV text, and as a TOML file. */
  tm_read_options t = tm_read_options_default();
  t.columns_text =
      "felt,kolonne\nrespondent,Respondent-ID\nrolle,Hvad er din rolle?\nignore,Starttidspunkt\n"
      "role_value:Rolle: politician,politician\nrole_value:Rolle: top_manager,top_manager\n"
      "role_value:Rolle: middle_manager,middle_manager\nrole_value:Rolle: frontline,frontline\n"
      "role_value:Rolle: external_partner,external_partner\n";
  mapped = assess_ex(m, export_csv, &t, TM_STATUS_OK);
  if (plain && mapped) same_figures(plain, mapped);
  tm_assessment_free(mapped);
  char path[1024];
  snprintf(path, sizeof path, "%s/map.toml", scratch);
  write_file(path,
             "respondent = \"Respondent-ID\"\nrole = \"Hvad er din rolle?\"\n[role_values]\n"
             "\"Rolle: politician\" = \"politician\"\n\"Rolle: top_manager\" = \"top_manager\"\n"
             "\"Rolle: middle_manager\" = \"middle_manager\"\n\"Rolle: frontline\" = \"frontline\"\n"
             "\"Rolle: external_partner\" = \"external_partner\"\n");
  tm_read_options f = tm_read_options_default();
  f.columns = path;
  f.ignore_unknown_columns = 1; /* Starttidspunkt: skipped, not listed */
  mapped = assess_ex(m, export_csv, &f, TM_STATUS_OK);
  if (plain && mapped) same_figures(plain, mapped);
  tm_assessment_free(mapped);

  /* Strict by default: the undeclared metadata column is an error naming it. */
  tm_read_options strict = r;
  strict.ignore_columns = NULL;
  strict.ignore_column_count = 0;
  CHECK(assess_ex(m, export_csv, &strict, TM_STATUS_VALIDATION_ERROR) == NULL);
  const char *col = tm_last_error_field(TM_ERROR_FIELD_COLUMN);
  CHECK(col && strcmp(col, "Starttidspunkt") == 0);
  CHECK(last_error_contains("Starttidspunkt"));

  /* A map naming a column the export lacks. */
  tm_read_options missing = r;
  missing.department_column = "Afdeling";
  CHECK(assess_ex(m, export_csv, &missing, TM_STATUS_VALIDATION_ERROR) == NULL);
  col = tm_last_error_field(TM_ERROR_FIELD_COLUMN);
  CHECK(col && strcmp(col, "Afdeling") == 0);

  /* A role value with no mapping: the first data row's, on row 2 (the header is row 1). */
  tm_read_options unmapped = r;
  unmapped.role_value_count = 0;
  unmapped.role_values = NULL;
  unmapped.role_value_roles = NULL;
  CHECK(assess_ex(m, export_csv, &unmapped, TM_STATUS_VALIDATION_ERROR) == NULL);
  const char *value = tm_last_error_field(TM_ERROR_FIELD_VALUE);
  CHECK(value && strncmp(value, "Rolle: ", 7) == 0);
  CHECK(tm_last_error_row() == 2);
  const char *column = tm_last_error_field(TM_ERROR_FIELD_COLUMN);
  CHECK(column && strcmp(column, "Hvad er din rolle?") == 0);

  /* Both a file and a text, a non-0/1 flag, a count without its list: refused. */
  tm_read_options both = t;
  both.columns = path;
  CHECK(assess_ex(m, export_csv, &both, TM_STATUS_INVALID_ARGUMENT) == NULL);
  tm_read_options bad_flag = r;
  bad_flag.ignore_unknown_columns = 2;
  CHECK(assess_ex(m, export_csv, &bad_flag, TM_STATUS_INVALID_ARGUMENT) == NULL);
  tm_read_options no_list = r;
  no_list.role_value_roles = NULL;
  CHECK(assess_ex(m, export_csv, &no_list, TM_STATUS_NULL_POINTER) == NULL);
  tm_read_options bad_map = tm_read_options_default();
  bad_map.columns_text = "rspondent,Respondent-ID\n";
  CHECK(assess_ex(m, export_csv, &bad_map, TM_STATUS_PARSE_ERROR) == NULL);
  CHECK(last_error_contains("rspondent"));

  /* The item analysis reads the export the same way: the same JSON as the canonical CSV's. */
  char *items_plain = NULL, *items_mapped = NULL;
  CHECK(tm_item_analysis_json(m, csv, &items_plain) == TM_STATUS_OK);
  CHECK(tm_items_csv(m, export_csv, &r, NULL, &items_mapped) == TM_STATUS_OK);
  CHECK(items_plain && items_mapped && strcmp(items_plain, items_mapped) == 0);
  tm_string_free(items_mapped);
  items_mapped = NULL;
  CHECK(tm_items_csv(m, export_csv, &strict, NULL, &items_mapped) == TM_STATUS_VALIDATION_ERROR);
  CHECK(items_mapped == NULL);

  /* The audit against an earlier release: the same survey less 2 respondents. Every item
   * whose n differs by 1 to k − 1 (here 2 or fewer) is withheld, so more are suppressed than
   * without the audit; against an identical release nothing changes. */
  char *fewer = head_rows(csv, 58);
  char *earlier = NULL, *audited = NULL, *same = NULL;
  CHECK(tm_items_csv(m, fewer, NULL, NULL, &earlier) == TM_STATUS_OK);
  tm_items_options io = tm_items_options_default();
  CHECK(io.min_group_size == tm_assess_options_default().min_group_size);
  const char *against[] = {earlier};
  io.audit_against_json = against;
  io.audit_against_count = 1;
  CHECK(tm_items_csv(m, csv, NULL, &io, &audited) == TM_STATUS_OK);
  const char *against_same[] = {items_plain};
  io.audit_against_json = against_same;
  CHECK(tm_items_csv(m, csv, NULL, &io, &same) == TM_STATUS_OK);
  if (audited && same && items_plain) {
    CHECK(count_of(audited, "\"suppressed\"") > count_of(items_plain, "\"suppressed\""));
    CHECK(strcmp(same, items_plain) == 0);
  }
  const char *not_json[] = {"{"};
  io.audit_against_json = not_json;
  char *never = NULL;
  CHECK(tm_items_csv(m, csv, NULL, &io, &never) == TM_STATUS_PARSE_ERROR && never == NULL);
  io.audit_against_json = against;
  io.reserved[0] = 1;
  CHECK(tm_items_csv(m, csv, NULL, &io, &never) == TM_STATUS_INVALID_ARGUMENT && never == NULL);

  tm_string_free(earlier);
  tm_string_free(audited);
  tm_string_free(same);
  tm_string_free(items_plain);
  tm_string_free(items_mapped);
  free(fewer);
  tm_assessment_free(plain);
  free(export_csv);
  tm_string_free(csv);
}

/* `sample` responses, `sample` portfolio and `default` catalog are the bundled data. */
static void test_bundled(const char *scratch) {
  tm_model *m = NULL;
  CHECK(tm_model_default(&m) == TM_STATUS_OK);
  tm_assess_options o = tm_assess_options_default();
  o.bootstrap = 0;
  tm_assessment *a = NULL, *b = NULL;
  CHECK(tm_assess_file_ex(m, "sample", NULL, &o, NULL, &a) == TM_STATUS_OK);
  CHECK(tm_assess_file(m, "crates/transform-model/data/sample_responses.csv", &o, &b) == TM_STATUS_OK);
  if (a && b) same_figures(a, b);
  tm_assessment_free(a);
  tm_assessment_free(b);
  char *items = NULL;
  CHECK(tm_items_file(m, "sample", NULL, NULL, &items) == TM_STATUS_OK);
  tm_string_free(items);
  tm_model_free(m);

  tm_catalog *named = NULL, *sample = NULL;
  CHECK(tm_catalog_from_file("default", &named) == TM_STATUS_OK);
  CHECK(tm_catalog_sample(&sample) == TM_STATUS_OK);
  CHECK(named && sample && tm_catalog_intervention_count(named) == tm_catalog_intervention_count(sample));
  CHECK(tm_catalog_intervention_count(named) > 0);
  tm_catalog_free(named);
  tm_catalog_free(sample);
  tm_portfolio *p = NULL;
  CHECK(tm_portfolio_from_file("sample", &p) == TM_STATUS_OK);
  tm_portfolio_free(p);
  p = NULL;
  CHECK(tm_portfolio_from_file("no-such-portfolio.json", &p) == TM_STATUS_IO_ERROR && p == NULL);

  /* The template: a workbook (a zip: "PK") that reads back as a portfolio. */
  char path[1024];
  snprintf(path, sizeof path, "%s/portefolje.xlsx", scratch);
  CHECK(tm_portfolio_template(path) == TM_STATUS_OK);
  FILE *f = fopen(path, "rb");
  char magic[2] = {0, 0};
  CHECK(f && fread(magic, 1, 2, f) == 2 && magic[0] == 'P' && magic[1] == 'K');
  if (f) fclose(f);
  CHECK(tm_portfolio_from_file(path, &p) == TM_STATUS_OK);
  tm_portfolio_free(p);
  CHECK(tm_portfolio_template(NULL) == TM_STATUS_NULL_POINTER);
  snprintf(path, sizeof path, "%s/no-such-dir/p.xlsx", scratch);
  CHECK(tm_portfolio_template(path) == TM_STATUS_IO_ERROR);
}

/* Whether `id` is an item of model `m`. */
static int has_item(const tm_model *m, const char *id) {
  size_t n = tm_model_label_count(m, TM_LABEL_ITEM);
  for (size_t i = 0; i < n; i++) {
    char *item = NULL, *text = NULL;
    if (tm_model_label(m, TM_LABEL_ITEM, i, TM_LANG_EN, &item, &text) != TM_STATUS_OK) return 0;
    int same = strcmp(item, id) == 0;
    tm_string_free(item);
    tm_string_free(text);
    if (same) return 1;
  }
  return 0;
}

/* The ids of the JSON's `"carried_over": [...]` list (pretty-printed), each checked to be an
 * item of both models; their count (0 without the list). */
static size_t carried_over(const char *json, const tm_model *old, const tm_model *now) {
  const char *p = json ? strstr(json, "\"carried_over\"") : NULL;
  if (!p) return 0;
  p = strchr(p, '[');
  size_t n = 0;
  while (p && *++p) {
    if (*p == ']') break;
    if (*p != '"') continue;
    const char *end = strchr(p + 1, '"');
    if (!end) break;
    char id[64] = {0};
    size_t len = (size_t)(end - p - 1);
    CHECK(len < sizeof id);
    memcpy(id, p + 1, len < sizeof id ? len : sizeof id - 1);
    CHECK(has_item(old, id) && has_item(now, id));
    n++;
    p = end;
  }
  return n;
}

/* The baseline round on dtm@2026.2 with its own responses: the comparison is on the items
 * both versions carry over, each an item of both models. */
static void test_baseline_responses(const char *scratch) {
  tm_model *old = NULL, *now = NULL;
  CHECK(tm_model_bundled("dtm@2026.2", &old) == TM_STATUS_OK);
  CHECK(tm_model_bundled("dtm@2027.1", &now) == TM_STATUS_OK);
  char *then_csv = NULL, *now_csv = NULL, *then_json = NULL;
  CHECK(tm_sample_csv(old, 120, 5, NULL, NULL, 0, &then_csv) == TM_STATUS_OK);
  CHECK(tm_sample_csv(now, 120, 6, NULL, NULL, 0, &now_csv) == TM_STATUS_OK);
  char path[1024];
  snprintf(path, sizeof path, "%s/round1.csv", scratch);
  write_file(path, then_csv);
  tm_assess_options o = tm_assess_options_default();
  o.bootstrap = 0;
  tm_assessment *then = NULL;
  CHECK(tm_assess_csv(old, then_csv, &o, &then) == TM_STATUS_OK);
  CHECK(tm_assessment_to_json(then, &then_json) == TM_STATUS_OK);

  tm_assessment *a = NULL, *plain = NULL;
  CHECK(tm_assess_csv_ex(now, now_csv, NULL, &o, path, &a) == TM_STATUS_INVALID_ARGUMENT && a == NULL);
  CHECK(last_error_contains("baseline_json"));
  o.baseline_json = then_json;
  CHECK(tm_assess_csv_ex(now, now_csv, NULL, &o, path, &a) == TM_STATUS_OK);
  CHECK(tm_assess_csv_ex(now, now_csv, NULL, &o, NULL, &plain) == TM_STATUS_OK);
  char *json = NULL, *plain_json = NULL;
  CHECK(tm_assessment_to_json(a, &json) == TM_STATUS_OK);
  CHECK(tm_assessment_to_json(plain, &plain_json) == TM_STATUS_OK);
  size_t carried = carried_over(json, old, now);
  CHECK(carried > 0);
  /* Without the responses the comparison is the plain one: no carried-over item. */
  CHECK(carried_over(plain_json, old, now) == 0);
  CHECK(tm_assess_csv_ex(now, now_csv, NULL, &o, "no-such-round.csv", &plain) == TM_STATUS_IO_ERROR);

  tm_string_free(json);
  tm_string_free(plain_json);
  tm_string_free(then_json);
  tm_string_free(then_csv);
  tm_string_free(now_csv);
  tm_assessment_free(a);
  tm_assessment_free(plain);
  tm_assessment_free(then);
  tm_model_free(old);
  tm_model_free(now);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: test_read SCRATCH_DIR\n");
    return 2;
  }
  CHECK(tm_sizeof_read_options() == sizeof(tm_read_options));
  CHECK(tm_sizeof_items_options() == sizeof(tm_items_options));
  tm_model *m = NULL;
  CHECK(tm_model_bundled("dtm@2026.2", &m) == TM_STATUS_OK);
  test_column_map(m, argv[1]);
  tm_model_free(m);
  test_bundled(argv[1]);
  test_baseline_responses(argv[1]);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("test_read: ok\n");
  return 0;
}
