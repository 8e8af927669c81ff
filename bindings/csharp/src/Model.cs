// A validated maturity model.
using System;

namespace TransformModel
{
    public sealed class Model : IDisposable
    {
        internal readonly ModelHandle Handle;
        Model(ModelHandle h) { Handle = h; }

        /// The embedded default model `dtm`.
        public static Model Default() => new Model(Library.Make<ModelHandle>(Native.tm_model_default));

        /// A bundled model: `dtm`, `dtm@2026.1`, `dtm@2026.2`, `ci`.
        public static Model Bundled(string id)
        {
            var b = Utf8.Encode(id);
            return new Model(Library.Make((out ModelHandle h) => Native.tm_model_bundled(b, out h)));
        }

        public static Model FromJson(string json)
        {
            var b = Utf8.Encode(json);
            return new Model(Library.Make((out ModelHandle h) => Native.tm_model_from_json(b, out h)));
        }

        public static Model FromFile(string path)
        {
            var b = Utf8.Encode(path);
            return new Model(Library.Make((out ModelHandle h) => Native.tm_model_from_file(b, out h)));
        }

        /// A new model: this one with an overlay (JSON) merged by id.
        public Model Overlay(string overlayJson)
        {
            var b = Utf8.Encode(overlayJson);
            return new Model(Library.Make((out ModelHandle h) => Native.tm_model_overlay(Handle, b, out h)));
        }

        public string ToJson() => Library.TakeString((out IntPtr s) => Native.tm_model_to_json(Handle, out s));
        public int DimensionCount => (int)(ulong)Native.tm_model_dimension_count(Handle);
        public int ItemCount => (int)(ulong)Native.tm_model_item_count(Handle);

        /// Scores wide CSV text (`respondent`, `role`, item columns).
        public Assessment AssessCsv(string csv, AssessOptions options = null) => Assess(Native.tm_assess_csv, csv, options);

        /// Scores long JSON text (`[{"respondent","role","item","value"}]`).
        public Assessment AssessJson(string json, AssessOptions options = null) => Assess(Native.tm_assess_json, json, options);

        /// Scores a file: `.json` is long JSON, anything else wide CSV.
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

        /// Item analysis of wide CSV text as JSON (the CLI's `items`), k = 5.
        public string ItemAnalysisJson(string csv)
        {
            var b = Utf8.Encode(csv);
            return Library.TakeString((out IntPtr s) => Native.tm_item_analysis_json(Handle, b, out s));
        }

        /// Item analysis with k (3 ≤ k < 5 needs allowSmallGroups) and per role.
        public string ItemAnalysisJson(string csv, uint minGroupSize, bool allowSmallGroups, bool byRole)
        {
            var b = Utf8.Encode(csv);
            return Library.TakeString((out IntPtr s) => Native.tm_item_analysis_json_ex(
                Handle, b, minGroupSize, allowSmallGroups ? (byte)1 : (byte)0, byRole ? (byte)1 : (byte)0, out s));
        }

        /// Writes the questionnaire: format "xlsform", "xlsx", "csv" or "html"; role null = all; lang "da" or "en".
        public void WriteQuestionnaire(string format, string role, string lang, string path)
        {
            Errors.Check(Native.tm_questionnaire_to_file(Handle, Utf8.Encode(format), Utf8.Encode(role), Utf8.Encode(lang), Utf8.Encode(path)));
        }

        public void Dispose() => Handle.Dispose();
    }
}
