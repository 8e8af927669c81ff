/* The plan through the C API: built from the sample responses, portfolio and catalog; its
 * JSON equals the CLI's; the accessors agree with the JSON's rules (election year, budget
 * years, capacity); bad options are refused with the field named.
 * Usage: test_plan SAMPLE_RESPONSES.csv CATALOG.json CLI_PLAN.json */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transform_model.h"

#include "check.h"

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: test_plan SAMPLE_RESPONSES.csv CATALOG.json CLI_PLAN.json\n");
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

  tm_plan_options o = tm_plan_options_default();
  CHECK(o.years == 5 && o.capacity_hours == 2000.0 && o.elections == NULL);
  o.start_year = 2026;
  tm_plan *plan = NULL;
  CHECK(tm_plan_new(m, a, p, c, &o, &plan) == TM_STATUS_OK);

  /* Same JSON as `transform-model plan CSV --portfolio SAMPLE --catalog CATALOG --start-year 2026 --format json`. */
  char *json = NULL;
  CHECK(tm_plan_to_json(plan, &json) == TM_STATUS_OK);
  char *cli = read_all(argv[3]);
  CHECK(cli != NULL && json != NULL);
  if (cli && json) {
    size_t n = strlen(cli);
    while (n > 0 && cli[n - 1] == '\n') cli[--n] = 0;
    CHECK(strcmp(json, cli) == 0);
  }
  free(cli);
  tm_string_free(json);

  /* Phases are 2026..2030; nothing big starts in 2029; costs name a budget adopted before. */
  CHECK(tm_plan_phase_count(plan) == 5);
  int saw_secure = 0, saw_reanchor_q1 = 0;
  for (size_t ph = 0; ph < tm_plan_phase_count(plan); ph++) {
    for (size_t i = 0; i < tm_plan_action_count(plan, ph); i++) {
      tm_plan_action act;
      CHECK(tm_plan_get_action(plan, ph, i, &act) == TM_STATUS_OK);
      CHECK(act.year == 2026 + (int)ph);
      CHECK(act.quarter >= 1 && act.quarter <= 4);
      if (act.year == 2029) {
        CHECK(strcmp(act.kind, "close") != 0 && strcmp(act.kind, "lever") != 0 &&
              strcmp(act.kind, "start") != 0 && strcmp(act.kind, "adopt_ingredient") != 0);
      }
      if (strcmp(act.kind, "secure_in_budget") == 0) saw_secure = act.year == 2029;
      if (strcmp(act.kind, "re_anchor") == 0) saw_reanchor_q1 = act.year == 2030 && act.quarter == 1;
      if (act.has_cost && act.cost_kr > 0) CHECK(act.budget_year > 2026 && act.budget_year <= act.year);
    }
  }
  CHECK(saw_secure && saw_reanchor_q1);
  tm_plan_action act;
  CHECK(tm_plan_get_action(plan, 0, 100000, &act) == TM_STATUS_OUT_OF_RANGE);
  CHECK(tm_plan_action_count(plan, 99) == 0);
  CHECK(tm_plan_deferred_count(plan) == 0);

  /* The economy: one entry per plan year; net = new − savings where known (NaN = not
   * costed, never 0); the cumulative net sums the nets. */
  CHECK(tm_plan_economy_count(plan) == 5);
  double cumulative = 0.0;
  int known = 1;
  for (size_t i = 0; i < tm_plan_economy_count(plan); i++) {
    tm_plan_economy e;
    CHECK(tm_plan_get_economy(plan, i, &e) == TM_STATUS_OK);
    CHECK(e.budget_year == 2026 + (int)i && e.reserved[0] == 0);
    if (e.complete) {
      CHECK(e.net_kr == e.new_kr - e.savings_kr);
      CHECK(e.known_new_kr == e.new_kr);
    } else {
      CHECK(e.net_kr != e.net_kr);
    }
    if (known && e.complete) {
      cumulative += e.net_kr;
      CHECK(e.cumulative_net_kr > cumulative - 0.01 && e.cumulative_net_kr < cumulative + 0.01);
    } else {
      known = 0;
    }
  }
  tm_plan_economy e;
  CHECK(tm_plan_get_economy(plan, 5, &e) == TM_STATUS_OUT_OF_RANGE);
  CHECK(tm_plan_get_economy(NULL, 0, &e) != TM_STATUS_OK);
  CHECK(tm_plan_economy_count(NULL) == 0);
  tm_plan_free(plan);

  /* Assessment only: works, without portfolio and catalog. */
  plan = NULL;
  CHECK(tm_plan_new(m, a, NULL, NULL, &o, &plan) == TM_STATUS_OK);
  CHECK(tm_plan_to_json(plan, &json) == TM_STATUS_OK);
  CHECK(json != NULL && strstr(json, "No portfolio") != NULL);
  tm_string_free(json);
  tm_plan_free(plan);

  /* Bad options name the field; out stays untouched. */
  plan = NULL;
  tm_plan_options bad = o;
  bad.capacity_hours = 0;
  CHECK(tm_plan_new(m, a, p, NULL, &bad, &plan) == TM_STATUS_INVALID_ARGUMENT && plan == NULL);
  CHECK(last_error_contains("capacity_hours"));
  bad = o;
  bad.years = 11;
  CHECK(tm_plan_new(m, a, p, NULL, &bad, &plan) == TM_STATUS_INVALID_ARGUMENT && last_error_contains("years"));
  int32_t elections[] = {2029, 2050};
  bad = o;
  bad.elections = elections;
  bad.election_count = 2;
  CHECK(tm_plan_new(m, a, p, NULL, &bad, &plan) == TM_STATUS_INVALID_ARGUMENT && last_error_contains("elections[1]"));
  bad = o;
  bad.start_year = 0;
  CHECK(tm_plan_new(m, a, NULL, NULL, &bad, &plan) == TM_STATUS_VALIDATION_ERROR && last_error_contains("start year"));
  CHECK(tm_plan_new(NULL, a, p, c, &o, &plan) == TM_STATUS_NULL_POINTER && plan == NULL);
  tm_plan_free(NULL);

  tm_catalog_free(c);
  tm_portfolio_free(p);
  tm_assessment_free(a);
  tm_model_free(m);
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
