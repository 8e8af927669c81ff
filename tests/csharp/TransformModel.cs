// P/Invoke bindings for transform-model's C ABI with SafeHandle wrappers.
using System;
using System.Runtime.InteropServices;
using System.Text;

namespace TransformModel
{
    public enum Status : int
    {
        Ok = 0, InvalidArgument = 1, NullPointer = 2, InvalidUtf8 = 3, ParseError = 4,
        ValidationError = 5, AnonymityRefused = 6, IoError = 7, OutOfRange = 8, BufferTooSmall = 9, Panic = 99
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct AssessOptions
    {
        public uint Weighting;
        public uint MinGroupSize;
        public uint Bootstrap;
        public ulong Seed;
        public int Target;
        public uint Threads;
        public byte AllowSmallGroups;
        public uint MinDispersionN;
        public uint MinCommonItems;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PlanOptions
    {
        public int StartYear;
        public int Years;
        public double CapacityHours;
        public IntPtr Elections;
        public UIntPtr ElectionCount;
        public uint Lang;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DimensionResult
    {
        public IntPtr Id;
        [MarshalAs(UnmanagedType.I1)] public bool HasScore;
        public double Score;
        public int Level;
        public double Progress;
        [MarshalAs(UnmanagedType.I1)] public bool HasCi;
        public double CiLow;
        public double CiHigh;
        [MarshalAs(UnmanagedType.I1)] public bool HasAlpha;
        public double Alpha;
        public UIntPtr N;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MatchOptions
    {
        public uint Top;
        public uint Retrieve;
        public uint Lang;
    }

    internal static class Native
    {
        const string Lib = "transform_model_c";
        [DllImport(Lib)] public static extern IntPtr tm_version();
        [DllImport(Lib)] public static extern void tm_string_free(IntPtr s);
        [DllImport(Lib)] public static extern UIntPtr tm_last_error_length();
        [DllImport(Lib)] public static extern Status tm_last_error_message(byte[] buf, UIntPtr len, out UIntPtr written);
        [DllImport(Lib)] public static extern Status tm_model_default(out ModelHandle model);
        [DllImport(Lib)] public static extern void tm_model_free(IntPtr model);
        [DllImport(Lib)] public static extern AssessOptions tm_assess_options_default();
        [DllImport(Lib)] public static extern Status tm_assess_file(ModelHandle model, byte[] path, ref AssessOptions o, out AssessmentHandle a);
        [DllImport(Lib)] public static extern Status tm_assess_csv(ModelHandle model, byte[] csv, ref AssessOptions o, out AssessmentHandle a);
        [DllImport(Lib)] public static extern Status tm_assessment_overall(AssessmentHandle a, out double score, out int level);
        [DllImport(Lib)] public static extern UIntPtr tm_assessment_dimension_count(AssessmentHandle a);
        [DllImport(Lib)] public static extern Status tm_assessment_dimension(AssessmentHandle a, UIntPtr index, out DimensionResult d);
        [DllImport(Lib)] public static extern Status tm_assessment_to_json(AssessmentHandle a, out IntPtr json);
        [DllImport(Lib)] public static extern Status tm_plan_new(ModelHandle model, AssessmentHandle a, IntPtr portfolio, IntPtr catalog, ref PlanOptions options, out IntPtr plan);
        [DllImport(Lib)] public static extern PlanOptions tm_plan_options_default();
        [DllImport(Lib)] public static extern Status tm_plan_to_json(IntPtr plan, out IntPtr json);
        [DllImport(Lib)] public static extern UIntPtr tm_plan_phase_count(IntPtr plan);
        [DllImport(Lib)] public static extern void tm_plan_free(IntPtr plan);
        [DllImport(Lib)] public static extern void tm_assessment_free(IntPtr a);
        [DllImport(Lib)] public static extern Status tm_catalog_sample(out CatalogHandle c);
        [DllImport(Lib)] public static extern void tm_catalog_free(IntPtr c);
        [DllImport(Lib)] public static extern MatchOptions tm_match_options_default();
        [DllImport(Lib)] public static extern Status tm_catalog_match(CatalogHandle c, byte[] problem, byte[] filtersJson, ref MatchOptions o, out MatchResultHandle r);
        [DllImport(Lib)] public static extern UIntPtr tm_match_result_count(MatchResultHandle r);
        [DllImport(Lib)] public static extern Status tm_match_result_ingredient(MatchResultHandle r, UIntPtr index, out IntPtr id, out double score);
        [DllImport(Lib)] public static extern void tm_match_result_free(IntPtr r);

        /// NUL-terminated UTF-8 for a C string argument (null stays null).
        public static byte[] Utf8(string s) => s == null ? null : Encoding.UTF8.GetBytes(s + "\0");

        public static string FromUtf8(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            int n = 0;
            while (Marshal.ReadByte(p, n) != 0) n++;
            var bytes = new byte[n];
            Marshal.Copy(p, bytes, 0, n);
            return Encoding.UTF8.GetString(bytes);
        }

        public static string LastError()
        {
            var buf = new byte[(int)tm_last_error_length() + 1];
            tm_last_error_message(buf, (UIntPtr)buf.Length, out UIntPtr written);
            return Encoding.UTF8.GetString(buf, 0, (int)written);
        }

        public static void Check(Status s)
        {
            if (s != Status.Ok) throw new TransformModelException(s, LastError());
        }

        /// Takes ownership of a returned string and frees it.
        public static string TakeString(IntPtr p)
        {
            try { return FromUtf8(p); } finally { tm_string_free(p); }
        }
    }

    public class TransformModelException : Exception
    {
        public Status Status { get; }
        public TransformModelException(Status status, string message) : base(message) { Status = status; }
    }

    public sealed class ModelHandle : SafeHandle
    {
        public ModelHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.tm_model_free(handle); return true; }
    }

    public sealed class AssessmentHandle : SafeHandle
    {
        public AssessmentHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.tm_assessment_free(handle); return true; }
    }

    public sealed class CatalogHandle : SafeHandle
    {
        public CatalogHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.tm_catalog_free(handle); return true; }
    }

    public sealed class MatchResultHandle : SafeHandle
    {
        public MatchResultHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.tm_match_result_free(handle); return true; }
    }
}
