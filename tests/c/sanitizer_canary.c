/* Negative controls for scripts/test-sanitize.sh: each mode makes one mistake a sanitizer
 * must report, so a run with zero reports means the checks were live.
 * Usage: sanitizer_canary double-free | leak | race */
#include <pthread.h>
#include <string.h>

#include "transform_model.h"

static int shared_counter;

static void *bump(void *arg) {
  (void)arg;
  shared_counter++; /* unsynchronised on purpose */
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  tm_model *m = NULL;
  if (tm_model_default(&m) != TM_STATUS_OK) return 1;
  if (strcmp(argv[1], "double-free") == 0) {
    char *json = NULL;
    if (tm_model_to_json(m, &json) != TM_STATUS_OK) return 1;
    tm_string_free(json);
    tm_string_free(json);
  } else if (strcmp(argv[1], "leak") == 0) {
    m = NULL; /* the model is never freed */
    return 0;
  } else if (strcmp(argv[1], "race") == 0) {
    pthread_t a, b;
    pthread_create(&a, NULL, bump, NULL);
    pthread_create(&b, NULL, bump, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
  }
  tm_model_free(m);
  return 0;
}
