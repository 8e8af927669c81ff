// A catalog with its search index, and the ranked ingredients of a match.
using System;
using System.Collections.Generic;

namespace TransformModel
{
    /// <summary>A catalog of interventions with its analysed search index (immutable; share between threads).</summary>
    public sealed class Catalog : IDisposable
    {
        internal readonly CatalogHandle Handle;
        Catalog(CatalogHandle h) { Handle = h; }

        /// <summary>The bundled sample catalog (Danish, illustrative).</summary>
        public static Catalog Sample() => new Catalog(Library.Make<CatalogHandle>(Native.tm_catalog_sample));

        /// <summary>A catalog from its JSON text (docs/schema/catalog.json).</summary>
        public static Catalog FromJson(string json)
        {
            var b = Utf8.Encode(json);
            return new Catalog(Library.Make((out CatalogHandle h) => Native.tm_catalog_from_json(b, out h)));
        }

        /// <summary>A catalog from a JSON file (docs/schema/catalog.json); "default" = the bundled sample catalog.</summary>
        public static Catalog FromFile(string path)
        {
            var b = Utf8.Encode(path);
            return new Catalog(Library.Make((out CatalogHandle h) => Native.tm_catalog_from_file(b, out h)));
        }

        /// <summary>A catalog from an index saved by SaveIndex or `transform-model index`.</summary>
        public static Catalog LoadIndex(string path)
        {
            var b = Utf8.Encode(path);
            return new Catalog(Library.Make((out CatalogHandle h) => Native.tm_index_load(b, out h)));
        }

        /// <summary>Saves the analysed index (replaced whole, never half-written).</summary>
        public void SaveIndex(string path) => Errors.Check(Native.tm_index_save(Handle, Utf8.Encode(path)));

        /// <summary>The number of interventions in the catalog.</summary>
        public int InterventionCount => (int)(ulong)Native.tm_catalog_intervention_count(Handle);

        /// <summary>Ranks active ingredients for a problem. `filtersJson`: docs/c-api.md, "Filters".</summary>
        public MatchResult Match(string problem, string filtersJson = null, MatchOptions options = null)
        {
            var p = Utf8.Encode(problem);
            var f = Utf8.Encode(filtersJson);
            var o = (options ?? new MatchOptions()).ToNative();
            return new MatchResult(Library.Make((out MatchResultHandle h) => Native.tm_catalog_match(Handle, p, f, ref o, out h)));
        }

        /// <summary>The `top` (at least 1) most similar interventions, as JSON.</summary>
        public string SimilarJson(string problem, string filtersJson = null, uint top = 10)
        {
            var p = Utf8.Encode(problem);
            var f = Utf8.Encode(filtersJson);
            return Library.TakeString((out IntPtr s) => Native.tm_catalog_similar(Handle, p, f, top, out s));
        }

        /// <summary>The `top` (at least 1) partner municipalities for a 3-digit kommunekode, as JSON.</summary>
        public string PartnersJson(string code, uint top = 3)
        {
            var c = Utf8.Encode(code);
            return Library.TakeString((out IntPtr s) => Native.tm_catalog_partners(Handle, c, top, out s));
        }

        /// <summary>The municipalities whose interventions best answer a problem (filters as in
        /// <see cref="SimilarJson"/>), nearest in context to the asking municipality
        /// <paramref name="code"/> (a kommunekode, or null), as JSON.</summary>
        public string PartnersForProblemJson(string problem, string filtersJson = null, string code = null, uint top = 3)
        {
            byte[] p = Utf8.Encode(problem), f = Utf8.Encode(filtersJson), c = Utf8.Encode(code);
            return Library.TakeString((out IntPtr s) => Native.tm_catalog_partners_for_problem(Handle, p, f, c, top, out s));
        }

        /// <summary>Frees the native catalog (once; later calls do nothing).</summary>
        public void Dispose() => Handle.Dispose();
    }

    /// <summary>The ranked active ingredients of one match (immutable; share between threads).</summary>
    public sealed class MatchResult : IDisposable
    {
        internal readonly MatchResultHandle Handle;
        internal MatchResult(MatchResultHandle h) { Handle = h; }

        /// <summary>The number of ranked ingredients.</summary>
        public int Count => (int)(ulong)Native.tm_match_result_count(Handle);

        /// <summary>Ingredient `index`; its id is copied before this call returns.</summary>
        public Ingredient Ingredient(int index)
        {
            var at = Library.Index(index, nameof(index));
            return Library.Held(Handle, "result", () =>
            {
                Errors.Check(Native.tm_match_result_ingredient(Handle, at, out IntPtr id, out double score));
                return new Ingredient(Utf8.Copy(id), score);
            });
        }

        /// <summary>
        /// The match's table (the CLI's `match --format csv|xlsx`): every ingredient with its
        /// figures, support and sources as typed cells, in `lang`.
        /// </summary>
        public Table Table(Lang lang = Lang.Da) =>
            new Table(Library.Make((out TableHandle t) => Native.tm_match_result_table(Handle, (uint)lang, out t)));

        /// <summary>All ranked ingredients, best first.</summary>
        public IReadOnlyList<Ingredient> Ingredients()
        {
            var list = new List<Ingredient>();
            for (int i = 0; i < Count; i++) list.Add(Ingredient(i));
            return list;
        }

        /// <summary>The full result as JSON (sources, lift, warnings, …).</summary>
        public string ToJson() => Library.TakeString((out IntPtr s) => Native.tm_match_result_to_json(Handle, out s));

        /// <summary>Frees the native result (once; later calls do nothing).</summary>
        public void Dispose() => Handle.Dispose();
    }
}
