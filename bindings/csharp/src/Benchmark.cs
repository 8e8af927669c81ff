// The national benchmark: published assessments of many municipalities combined.
using System;
using System.Collections.Generic;

namespace TransformModel
{
    /// <summary>Benchmarks of assessments across municipalities.</summary>
    public static class Benchmark
    {
        /// <summary>
        /// The benchmark JSON of assessments given as their JSON (each with its municipality
        /// recorded). `of` (may be null) is the municipality code to place among its peers;
        /// `peers` is "all", "region" or comma-separated codes. A peer group under 3 is refused.
        /// </summary>
        public static string Json(IList<string> assessmentsJson, string of = null, string peers = "all")
        {
            if (assessmentsJson == null) throw new ArgumentNullException("assessmentsJson");
            using (var strings = new UnmanagedStrings())
            {
                var list = strings.Array(assessmentsJson);
                var ofBytes = Utf8.Encode(of);
                var peersBytes = Utf8.Encode(peers);
                return Library.TakeString((out IntPtr s) =>
                    Native.tm_benchmark_json(list, (UIntPtr)assessmentsJson.Count, ofBytes, peersBytes, out s));
            }
        }

        /// <summary>
        /// The same benchmark as the CLI's `benchmark --format table` (in `lang`) or
        /// `--format csv` (BenchmarkFormat.Csv; no language).
        /// </summary>
        public static string Text(IList<string> assessmentsJson, BenchmarkFormat format, Lang lang = Lang.Da, string of = null, string peers = "all")
        {
            if (assessmentsJson == null) throw new ArgumentNullException("assessmentsJson");
            using (var strings = new UnmanagedStrings())
            {
                var list = strings.Array(assessmentsJson);
                var ofBytes = Utf8.Encode(of);
                var peersBytes = Utf8.Encode(peers);
                return Library.TakeString((out IntPtr s) =>
                    Native.tm_benchmark_text(list, (UIntPtr)assessmentsJson.Count, ofBytes, peersBytes, (uint)format, (uint)lang, out s));
            }
        }
    }

    /// <summary>The text form of a benchmark (the CLI's `--format table|csv`).</summary>
    public enum BenchmarkFormat : uint
    {
        /// <summary>The CLI's table, in a language.</summary>
        Table = 0,
        /// <summary>CSV, one row per dimension.</summary>
        Csv = 1
    }
}
