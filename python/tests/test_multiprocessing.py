"""The path Dask and Spark use: pickled objects in spawned worker processes."""
import multiprocessing as mp

import transform_model as tm


def _work(args):
    model, catalog, csv = args
    a = tm.assess(csv, model, bootstrap=100, seed=5)
    m = catalog.match_many(["ældre medicin i hjemmeplejen", "unge uden job"], top=3)
    return a.to_json(), [df.attrs["result"] for df in m]


def test_spawn_pool_gives_same_results(sample_csv):
    model, catalog = tm.default_model(), tm.default_catalog()
    expected = _work((model, catalog, str(sample_csv)))
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.map(_work, [(model, catalog, str(sample_csv))] * 2)
    assert all(r == expected for r in results)
