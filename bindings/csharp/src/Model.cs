// A validated maturity model.
using System;
using System.Collections.Generic;

namespace TransformModel
{
    /// <summary>A validated maturity model (immutable; share between threads).</summary>
    public sealed class Model : IDisposable
    {
        internal readonly ModelHandle Handle;
        Model(ModelHandle h) { Handle = h; }

        /// <summary>The embedded default model `dtm`.</summary>
        public static Model Default() => new Model(Library.Make<ModelHandle>(Native.tm_model_default));

        /// <summary>A bundled model: `dtm`, `dtm@2026.1`, `dtm@2026.2`, `ci`.</summary>
        public static Model Bundled(string id)
        {
            var b = Utf8.Encode(id);
            return new Model(Library.Make((out ModelHandle h) => Native.tm_model_bundled(b, out h)));
        }

        /// <summary>A model from its JSON text (docs/schema/model.json).</summary>
        public static Model FromJson(string json)
        {
            var b = Utf8.Encode(json);
            return new Model(Library.Make((out ModelHandle h) => Native.tm_model_from_json(b, out h)));
        }

        /// <summary>A model from a JSON file (docs/schema/model.json).</summary>
        public static Model FromFile(string path)
        {
            var b = Utf8.Encode(path);
            return new Model(Library.Make((out ModelHandle h) => Native.tm_model_from_file(b, out h)));
        }

        /// <summary>A new model: this one with an overlay (JSON) merged by id.</summary>
        public Model Overlay(string overlayJson)
        {
            var b = Utf8.Encode(overlayJson);
            return new Model(Library.Make((out ModelHandle h) => Native.tm_model_overlay(Handle, b, out h)));
        }

        /// <summary>The model as JSON (dimensions, items, roles, scale, levels).</summary>
        public string ToJson() => Library.TakeString((out IntPtr s) => Native.tm_model_to_json(Handle, out s));
        /// <summary>The number of dimensions of the model.</summary>
        public int DimensionCount => (int)(ulong)Native.tm_model_dimension_count(Handle);
        /// <summary>The number of items (questions) of the model.</summary>
        public int ItemCount => (int)(ulong)Native.tm_model_item_count(Handle);

        /// <summary>
        /// Scores wide CSV text (`respondent`, `role`, item columns; a survey tool's own
        /// columns through `read`, tm_assess_csv_ex).
        /// </summary>
        public Assessment AssessCsv(string csv, AssessOptions options = null, ReadOptions read = null) =>
            Plain(options, read) ? Assess(Native.tm_assess_csv, csv, options) : AssessRead(Native.tm_assess_csv_ex, csv, options, read);

        /// <summary>Scores long JSON text (`[{"respondent","role","item","value"}]`).</summary>
        public Assessment AssessJson(string json, AssessOptions options = null)
        {
            if (options != null && options.BaselineResponses != null)
                throw new ArgumentException("BaselineResponses needs AssessCsv or AssessFile", nameof(options));
            return Assess(Native.tm_assess_json, json, options);
        }

        delegate Status AssessCall(ModelHandle m, byte[] text, ref Interop.NativeAssessOptions o, out AssessmentHandle a);

        Assessment Assess(AssessCall call, string text, AssessOptions options)
        {
            var b = Utf8.Encode(Library.NotNull(text, nameof(text)));
            using (var memory = new UnmanagedStrings())
            {
                var o = (options ?? new AssessOptions()).ToNative(memory);
                return new Assessment(Library.Make((out AssessmentHandle h) => call(Handle, b, ref o, out h)));
            }
        }

        /// <summary>
        /// Scores a file: `.json` is long JSON, `.xlsx` a workbook, anything else wide CSV;
        /// "sample" is the bundled sample survey. `read`: a survey tool's own columns (tm_assess_file_ex).
        /// </summary>
        public Assessment AssessFile(string path, AssessOptions options = null, ReadOptions read = null) =>
            Plain(options, read) ? Assess(Native.tm_assess_file, path, options) : AssessRead(Native.tm_assess_file_ex, path, options, read);

        /// <summary>No reader options and no baseline responses: the plain entry points do.</summary>
        static bool Plain(AssessOptions options, ReadOptions read) => read == null && (options == null || options.BaselineResponses == null);

        delegate Status AssessReadCall(ModelHandle m, byte[] text, ref Interop.NativeReadOptions r,
            ref Interop.NativeAssessOptions o, byte[] baselineResponses, out AssessmentHandle a);

        Assessment AssessRead(AssessReadCall call, string text, AssessOptions options, ReadOptions read)
        {
            var b = Utf8.Encode(Library.NotNull(text, nameof(text)));
            options = options ?? new AssessOptions();
            var then = Utf8.Encode(options.BaselineResponses);
            using (var memory = new UnmanagedStrings())
            {
                var o = options.ToNative(memory);
                var r = (read ?? new ReadOptions()).ToNative(memory);
                return new Assessment(Library.Make((out AssessmentHandle h) => call(Handle, b, ref r, ref o, then, out h)));
            }
        }

        /// <summary>Item analysis of wide CSV text as JSON (the CLI's `items`) with options and a survey tool's columns.</summary>
        public string ItemsJson(string csv, ItemsOptions options = null, ReadOptions read = null) =>
            Items(Native.tm_items_csv, csv, options, read);

        /// <summary>Item analysis of a file (CSV, .xlsx, long JSON; "sample" = the bundled survey) as JSON.</summary>
        public string ItemsFileJson(string path, ItemsOptions options = null, ReadOptions read = null) =>
            Items(Native.tm_items_file, path, options, read);

        delegate Status ItemsCall(ModelHandle m, byte[] text, ref Interop.NativeReadOptions r,
            ref Interop.NativeItemsOptions o, out IntPtr json);

        string Items(ItemsCall call, string text, ItemsOptions options, ReadOptions read)
        {
            var b = Utf8.Encode(Library.NotNull(text, nameof(text)));
            using (var memory = new UnmanagedStrings())
            {
                var o = (options ?? new ItemsOptions()).ToNative(memory);
                var r = (read ?? new ReadOptions()).ToNative(memory);
                Library.EnsureCompatible();
                return Library.TakeString((out IntPtr s) => call(Handle, b, ref r, ref o, out s));
            }
        }

        /// <summary>Item analysis of wide CSV text as JSON (the CLI's `items`), k = 5.</summary>
        public string ItemAnalysisJson(string csv)
        {
            var b = Utf8.Encode(csv);
            return Library.TakeString((out IntPtr s) => Native.tm_item_analysis_json(Handle, b, out s));
        }

        /// <summary>Item analysis with k (3 ≤ k &lt; 5 needs allowSmallGroups) and per role.</summary>
        public string ItemAnalysisJson(string csv, uint minGroupSize, bool allowSmallGroups, bool byRole)
        {
            var b = Utf8.Encode(csv);
            return Library.TakeString((out IntPtr s) => Native.tm_item_analysis_json_ex(
                Handle, b, minGroupSize, allowSmallGroups ? (byte)1 : (byte)0, byRole ? (byte)1 : (byte)0, out s));
        }

        /// <summary>Writes the questionnaire: format "xlsform", "xlsx", "csv" or "html"; role null = all; lang "da" or "en".</summary>
        public void WriteQuestionnaire(string format, string role, string lang, string path)
        {
            Errors.Check(Native.tm_questionnaire_to_file(Handle, Utf8.Encode(format), Utf8.Encode(role), Utf8.Encode(lang), Utf8.Encode(path)));
        }

        /// <summary>The questionnaire with the department question: `departments` are the municipality's units, its choices (asked of the roles with a workplace of their own; the answers fill the `department` column).</summary>
        public void WriteQuestionnaire(string format, string role, string lang, string path, IList<string> departments)
        {
            using (var strings = new UnmanagedStrings())
            {
                var list = strings.Array(departments);
                var count = (UIntPtr)(departments == null ? 0 : departments.Count);
                Errors.Check(Native.tm_questionnaire_to_file_with_departments(Handle, Utf8.Encode(format), Utf8.Encode(role), Utf8.Encode(lang), list, count, Utf8.Encode(path)));
            }
        }

        /// <summary>The number of labels of a kind (dimensions, items, roles, levels, levers).</summary>
        public int LabelCount(LabelKind kind) => (int)(ulong)Native.tm_model_label_count(Handle, (uint)kind);

        /// <summary>Label `index` of `kind`: its id and its text in `lang` (no JSON to parse).</summary>
        public Label Label(LabelKind kind, int index, Lang lang = Lang.Da)
        {
            var at = Library.Index(index, nameof(index));
            Errors.Check(Native.tm_model_label(Handle, (uint)kind, at, (uint)lang, out IntPtr id, out IntPtr text));
            var i = Utf8.Take(id);
            return new Label(i, Utf8.Take(text));
        }

        /// <summary>Every label of `kind` in `lang`, model order.</summary>
        public IReadOnlyList<Label> Labels(LabelKind kind, Lang lang = Lang.Da)
        {
            var list = new List<Label>();
            for (int i = 0; i < LabelCount(kind); i++) list.Add(Label(kind, i, lang));
            return list;
        }

        /// <summary>Per dimension, the items added, removed or changed from this model to `newer` (JSON).</summary>
        public string ItemChangesJson(Model newer) =>
            Library.TakeString((out IntPtr s) =>
                Native.tm_model_item_changes_json(Handle, Library.NotNull(newer, nameof(newer)).Handle, out s));

        /// <summary>
        /// Synthetic responses as wide CSV (the CLI's `sample`): `respondents` drawn over the
        /// roles with `seed`, or fixed head counts per role id when `roleCounts` is given.
        /// </summary>
        public string SampleCsv(long respondents, ulong seed, IDictionary<string, long> roleCounts = null)
        {
            if (respondents < 0) throw new ArgumentOutOfRangeException(nameof(respondents));
            using (var strings = new UnmanagedStrings())
            {
                var roles = roleCounts == null ? new List<string>() : new List<string>(roleCounts.Keys);
                var counts = new List<long>();
                foreach (var r in roles) counts.Add(roleCounts[r]);
                var ids = strings.Array(roles);
                var ns = strings.Sizes(counts);
                return Library.TakeString((out IntPtr s) => Native.tm_sample_csv(
                    Handle, (UIntPtr)(ulong)respondents, seed, ids, ns, (UIntPtr)roles.Count, out s));
            }
        }

        /// <summary>The cognitive-interview guide (Markdown) for piloting one role's questions (the CLI's `pilot-guide`); lang "da" or "en".</summary>
        public string PilotGuide(string role, string lang = "da")
        {
            var r = Utf8.Encode(Library.NotNull(role, nameof(role)));
            var l = Utf8.Encode(lang);
            return Library.TakeString((out IntPtr s) => Native.tm_pilot_guide(Handle, r, l, out s));
        }

        /// <summary>Frees the native model (once; later calls do nothing).</summary>
        public void Dispose() => Handle.Dispose();
    }
}
