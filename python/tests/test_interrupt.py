"""Ctrl-C on every long call: SIGINT to a subprocess in the middle of the call gives a
KeyboardInterrupt within a second, the core stops the cancelled work (issue 31), and a small
call afterwards takes its usual time (compared with the same call before, in the same
process, as a ratio with generous slack)."""
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

# Each child: sets up (not timed), times a small call, prints "ready", runs the long call
# until interrupted, then times the small call again. Its report is one JSON line.
CHILD = textwrap.dedent("""
    import json, sys, time
    import numpy as np
    import transform_model as tm
    MODEL = "dtm@2026.1"
    path = sys.argv[1]
    small_df = tm.sample_survey(MODEL, respondents=60, seed=1)
    def small():
        t = time.perf_counter()
        for _ in range(3):
            tm.assess(small_df, MODEL, bootstrap=200)
        return time.perf_counter() - t
    big = tm.sample_survey(MODEL, respondents=80000 if path == "items" else 20000, seed=2)
    items = [c for c in big.columns if c not in ("respondent", "role")]
    if path == "csv":
        big.to_csv(sys.argv[2], index=False)
        long_call = lambda: tm.assess(sys.argv[2], MODEL, bootstrap=20000)
    elif path == "frame":
        long_call = lambda: tm.assess(big, MODEL, bootstrap=20000)
    elif path == "matrix":
        m = big[items].fillna(-1).to_numpy(dtype=np.int64)
        long_call = lambda: tm.assess(m, MODEL, roles=big["role"].tolist(), items=items, missing=-1,
                                      bootstrap=20000)
    elif path == "long":
        long = big.melt(id_vars=["respondent", "role"], var_name="item", value_name="value").dropna()
        long_call = lambda: tm.assess(long, MODEL, bootstrap=20000)
    elif path == "items":
        model = tm.Model.bundled(MODEL)
        long_call = lambda: tm.item_analysis(big, model, by_role=True)
    elif path == "match_many":
        catalog = tm.default_catalog()
        queries = [f"ensomhed blandt ældre {i} borgere i landdistrikter" for i in range(20000)]
        long_call = lambda: catalog.match_many(queries)
    small()  # warm-up
    before = small()
    print("ready", flush=True)
    try:
        long_call()
        print(json.dumps({"finished": True}), flush=True)
    except KeyboardInterrupt:
        caught = time.monotonic()
        after = small()
        print(json.dumps({"caught": caught, "before": before, "after": after}), flush=True)
""")


@pytest.mark.parametrize("path", ["csv", "frame", "matrix", "long", "items", "match_many"])
def test_sigint_interrupts_promptly_and_stops_the_work(path, tmp_path):
    child = subprocess.Popen([sys.executable, "-c", CHILD, path, str(tmp_path / "big.csv")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        time.sleep(0.5)  # inside the long call (seconds long on its own)
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        line = child.stdout.readline()
        assert line, child.stderr.read()
        report = json.loads(line)
    finally:
        child.kill()
        child.wait()
    assert "caught" in report, f"the long {path} call finished before the signal: make it longer"
    assert report["caught"] - sent < 1.0, f"KeyboardInterrupt {report['caught'] - sent:.2f} s after SIGINT"
    # Abandoned work kept running would slow the next call down many times over (issue 31:
    # 17.8 s for a tiny call); a cancelled one leaves it at its usual time.
    assert report["after"] < 3 * report["before"] + 0.2, report
