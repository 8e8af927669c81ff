// Loads the C library with P/Invoke, runs an assessment and a match, and checks the
// figures against the Rust CLI's results (passed as arguments).
// Usage: mono test.exe SAMPLE.csv EXPECTED_SCORE EXPECTED_TOP_INGREDIENT
using System;
using System.Globalization;
using TransformModel;

static class Test
{
    static int failures = 0;

    static void Check(bool ok, string what)
    {
        if (!ok) { failures++; Console.Error.WriteLine("FAILED: " + what); }
    }

    static int Main(string[] args)
    {
        string csv = args[0];
        double expected = double.Parse(args[1], CultureInfo.InvariantCulture);
        string expectedTop = args[2];
        Check(Native.FromUtf8(Native.tm_version()).Length > 0, "version");

        using (var model = Get<ModelHandle>(Native.tm_model_default))
        {
            var o = Native.tm_assess_options_default();
            Check(o.MinGroupSize == 5 && o.Bootstrap == 1000, "default options");
            o.Bootstrap = 200;
            o.Seed = 7;
            Native.Check(Native.tm_assess_file(model, Native.Utf8(csv), ref o, out AssessmentHandle a));
            using (a)
            {
                Native.Check(Native.tm_assessment_overall(a, out double score, out int level));
                Check(Math.Abs(score - expected) < 1e-12, $"overall score {score} vs Rust {expected}");
                Check(level >= 1 && level <= 5, "level");
                ulong n = (ulong)Native.tm_assessment_dimension_count(a);
                Check(n == 10, "10 dimensions");
                for (ulong i = 0; i < n; i++)
                {
                    Native.Check(Native.tm_assessment_dimension(a, (UIntPtr)i, out DimensionResult d));
                    string id = Native.FromUtf8(d.Id);
                    Check(id == "D" + (i + 1), $"dimension id {id}");
                    Check(d.HasScore && d.Level == (int)Math.Floor(d.Score), $"{id} level");
                    Check(d.HasCi && d.CiLow <= d.Score && d.Score <= d.CiHigh, $"{id} interval");
                }
                Native.Check(Native.tm_assessment_to_json(a, out IntPtr json));
                Check(Native.TakeString(json).Contains("\"excluded_for_anonymity\": 4"), "json");

                // The plan from the assessment alone (no portfolio, no catalog), starting 2026.
                var po = Native.tm_plan_options_default();
                Check(po.Years == 5 && po.CapacityHours == 2000, "plan option defaults");
                po.StartYear = 2026;
                Native.Check(Native.tm_plan_new(model, a, IntPtr.Zero, IntPtr.Zero, ref po, out IntPtr plan));
                try
                {
                    Check((ulong)Native.tm_plan_phase_count(plan) >= 1, "plan phases");
                    Native.Check(Native.tm_plan_to_json(plan, out IntPtr planJson));
                    var text = Native.TakeString(planJson);
                    Check(text.Contains("\"missing\"") && text.Contains("\"phases\""), "plan json");
                }
                finally { Native.tm_plan_free(plan); }
            }

            // An error becomes a typed exception with the library's message.
            o.Bootstrap = 0;
            var status = Native.tm_assess_csv(model, Native.Utf8("respondent,role,D1_1\nA,top_manager,9\n"), ref o, out AssessmentHandle bad);
            bad.Dispose();
            Check(status == Status.ValidationError, "validation status " + status);
            Check(Native.LastError().Contains("value 9"), "error message: " + Native.LastError());
        }

        using (var catalog = Get<CatalogHandle>(Native.tm_catalog_sample))
        {
            var mo = Native.tm_match_options_default();
            mo.Top = 5;
            Native.Check(Native.tm_catalog_match(catalog, Native.Utf8("ældre medicin i hjemmeplejen"), null, ref mo, out MatchResultHandle r));
            using (r)
            {
                var count = (ulong)Native.tm_match_result_count(r);
                Check(count >= 1 && count <= 5, $"1 to 5 ingredients, not {count}");
                Native.Check(Native.tm_match_result_ingredient(r, UIntPtr.Zero, out IntPtr id, out double s));
                Check(Native.FromUtf8(id) == expectedTop, $"top ingredient {Native.FromUtf8(id)} vs Rust {expectedTop}");
                Check(s > 0 && s <= 1, "score in (0, 1]");
            }
        }
        if (failures > 0) { Console.Error.WriteLine($"{failures} failure(s)"); return 1; }
        Console.WriteLine("csharp: all checks passed");
        return 0;
    }

    delegate Status Create<T>(out T handle);

    static T Get<T>(Create<T> create)
    {
        Native.Check(create(out T h));
        return h;
    }
}
