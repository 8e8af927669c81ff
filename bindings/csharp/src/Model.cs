// A validated maturity model.
using System;

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

        /// <summary>Scores wide CSV text (`respondent`, `role`, item columns).</summary>
        public Assessment AssessCsv(string csv, AssessOptions options = null) => Assess(Native.tm_assess_csv, csv, options);

        /// <summary>Scores long JSON text (`[{"respondent","role","item","value"}]`).</summary>
        public Assessment AssessJson(string json, AssessOptions options = null) => Assess(Native.tm_assess_json, json, options);

        /// <summary>Scores a file: `.json` is long JSON, anything else wide CSV.</summary>
        public Assessment AssessFile(string path, AssessOptions options = null) => Assess(Native.tm_assess_file, path, options);

        delegate Status AssessCall(ModelHandle m, byte[] text, ref Interop.NativeAssessOptions o, out AssessmentHandle a);

        Assessment Assess(AssessCall call, string text, AssessOptions options)
        {
            var b = Utf8.Encode(text);
            using (var memory = new UnmanagedStrings())
            {
                var o = (options ?? new AssessOptions()).ToNative(memory);
                return new Assessment(Library.Make((out AssessmentHandle h) => call(Handle, b, ref o, out h)));
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

        /// <summary>Frees the native model (once; later calls do nothing).</summary>
        public void Dispose() => Handle.Dispose();
    }
}
