/* The HTML report through the C API: equal, byte for byte, to the CLI's `report` for the
 * same inputs; another model's assessment and an unknown invited role are refused with
 * the reason named, and `out` stays untouched. The council paper's own inputs
 * (tm_report_html_paper): a municipality by code names the paper; an unknown status and a
 * meeting before the survey are refused with the value named.
 * Usage: test_report SAMPLE_RESPONSES.csv CATALOG.json CLI_REPORT.html SAMPLE_RESPONSES_CI.csv */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transform_model.h"

#include "check.h"

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: test_report SAMPLE_RESPONSES.csv CATALOG.json CLI_REPORT.html SAMPLE_RESPONSES_CI.csv\n");
    return 2;
  }
  tm_model *m = NULL;
  tm_assessment *a = NULL;
  tm_portfolio *p = NULL;
  tm_catalog *c = NULL;
  CHECK(tm_model_default(&m) == TM_STATUS_OK);
  tm_assess_options ao = tm_assess_options_default();
  CHECK(tm_assess_file(m, argv[1], &ao, &a) == TM_STATUS_OK);
  CHECK(tm_portfolio_sample(&p) == TM_STATUS_OK);
  CHECK(tm_catalog_from_file(argv[2], &c) == TM_STATUS_OK);

  /* Same HTML as `transform-model report CSV --portfolio SAMPLE --catalog CATALOG --invited …`. */
  const char *roles[] = {"politician", "top_manager", "middle_manager", "frontline", "external_partner"};
  size_t counts[] = {27, 12, 40, 120, 30};
  tm_report_options o = tm_report_options_default();
  CHECK(o.lang == TM_LANG_DA && o.invited_count == 0);
  o.invited_roles = roles;
  o.invited_counts = counts;
  o.invited_count = 5;
  char *html = NULL;
  CHECK(tm_report_html(m, a, p, c, NULL, &o, &html) == TM_STATUS_OK);
  char *cli = read_all(argv[3]);
  CHECK(cli != NULL && html != NULL);
  if (cli && html) CHECK(strcmp(html, cli) == 0);
  free(cli);
  tm_string_free(html);

  /* Only model and assessment, default options: a Danish report without the portfolio. */
  html = NULL;
  CHECK(tm_report_html(m, a, NULL, NULL, NULL, NULL, &html) == TM_STATUS_OK);
  CHECK(html != NULL && strstr(html, "Direktionen indstiller") != NULL && strstr(html, "id=\"s-portfolio\"") == NULL);
  tm_string_free(html);

  /* The paper's own inputs. */
  tm_paper_options paper = {"760", "Økonomiudvalget", "2026-05-12", "2026-03-02..2026-03-20", "orientering"};
  html = NULL;
  CHECK(tm_report_html_paper(m, a, NULL, NULL, NULL, NULL, &paper, &html) == TM_STATUS_OK);
  CHECK(html != NULL && strstr(html, "<h1>Ringkøbing-Skjern Kommune: modenhedsmåling") != NULL);
  CHECK(html != NULL && strstr(html, "orienteringen tages til efterretning.") != NULL);
  tm_string_free(html);
  tm_paper_options wrong = {NULL, NULL, NULL, NULL, "besluttet"};
  html = NULL;
  CHECK(tm_report_html_paper(m, a, NULL, NULL, NULL, NULL, &wrong, &html) == TM_STATUS_INVALID_ARGUMENT && html == NULL);
  CHECK(last_error_contains("besluttet"));
  tm_paper_options early = {NULL, NULL, "2026-03-10", "2026-03-02..2026-03-20", NULL};
  CHECK(tm_report_html_paper(m, a, NULL, NULL, NULL, NULL, &early, &html) == TM_STATUS_INVALID_ARGUMENT && html == NULL);
  CHECK(last_error_contains("2026-03-10") && last_error_contains("2026-03-20"));

  /* An unknown invited role is named with the nearest one. */
  const char *typo[] = {"politican"};
  size_t one[] = {3};
  tm_report_options bad = tm_report_options_default();
  bad.invited_roles = typo;
  bad.invited_counts = one;
  bad.invited_count = 1;
  html = NULL;
  CHECK(tm_report_html(m, a, NULL, NULL, NULL, &bad, &html) == TM_STATUS_INVALID_ARGUMENT && html == NULL);
  CHECK(last_error_contains("politican") && last_error_contains("politician"));
  bad = tm_report_options_default();
  bad.invited_count = 2;
  CHECK(tm_report_html(m, a, NULL, NULL, NULL, &bad, &html) == TM_STATUS_NULL_POINTER && html == NULL);

  /* An assessment made on another model is refused. */
  tm_model *ci = NULL;
  tm_assessment *ca = NULL;
  CHECK(tm_model_bundled("ci", &ci) == TM_STATUS_OK);
  CHECK(tm_assess_file(ci, argv[4], &ao, &ca) == TM_STATUS_OK);
  CHECK(tm_report_html(m, ca, NULL, NULL, NULL, NULL, &html) == TM_STATUS_VALIDATION_ERROR && html == NULL);
  CHECK(last_error_contains("ci@") && last_error_contains("dtm@"));
  CHECK(tm_report_html(NULL, a, NULL, NULL, NULL, NULL, &html) == TM_STATUS_NULL_POINTER);
  CHECK(tm_report_html(m, a, NULL, NULL, NULL, NULL, NULL) == TM_STATUS_NULL_POINTER);

  tm_assessment_free(ca);
  tm_model_free(ci);
  tm_catalog_free(c);
  tm_portfolio_free(p);
  tm_assessment_free(a);
  tm_model_free(m);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("test_report: ok\n");
  return 0;
}
