// The library as a whole: versions and the ABI check.
using System;
using System.Runtime.InteropServices;
using TransformModel.Interop;

namespace TransformModel
{
    /// <summary>The loaded native library: its versions and the compatibility check.</summary>
    public static class Library
    {
        /// <summary>The ABI these declarations were written for (TM_ABI_VERSION of the header).</summary>
        public const uint ExpectedAbiVersion = 2;

        /// <summary>The library version, e.g. "0.1.0".</summary>
        public static string Version => Utf8.Copy(Native.tm_version());

        /// <summary>The ABI version of the loaded library.</summary>
        public static uint AbiVersion => Native.tm_abi_version();

        static readonly object gate = new object();
        static bool verified;

        /// <summary>
        /// Fails when the loaded library has another ABI version or struct sizes other than
        /// these declarations (a stale native library next to a newer wrapper). Runs once,
        /// before the first handle is created.
        /// </summary>
        public static void EnsureCompatible()
        {
            lock (gate)
            {
                if (verified) return;
                uint abi = Native.tm_abi_version();
                if (abi != ExpectedAbiVersion)
                    throw new TransformModelException(Status.InvalidArgument,
                        $"libtransform_model_c has ABI {abi}; TransformModel.dll needs ABI {ExpectedAbiVersion}");
                Same("tm_assess_options", Native.tm_sizeof_assess_options(), Marshal.SizeOf(typeof(NativeAssessOptions)));
                Same("tm_dimension_result", Native.tm_sizeof_dimension_result(), Marshal.SizeOf(typeof(NativeDimensionResult)));
                Same("tm_gap", Native.tm_sizeof_gap(), Marshal.SizeOf(typeof(NativeGap)));
                Same("tm_match_options", Native.tm_sizeof_match_options(), Marshal.SizeOf(typeof(NativeMatchOptions)));
                Same("tm_plan_options", Native.tm_sizeof_plan_options(), Marshal.SizeOf(typeof(NativePlanOptions)));
                Same("tm_plan_action", Native.tm_sizeof_plan_action(), Marshal.SizeOf(typeof(NativePlanAction)));
                Same("tm_portfolio_options", Native.tm_sizeof_portfolio_options(), Marshal.SizeOf(typeof(NativePortfolioOptions)));
                Same("tm_plan_economy", (UIntPtr)(ulong)PlanEconomySize, Marshal.SizeOf(typeof(NativePlanEconomy)));
                Same("tm_report_options", Native.tm_sizeof_report_options(), Marshal.SizeOf(typeof(NativeReportOptions)));
                Same("tm_paper_options", Native.tm_sizeof_paper_options(), 5 * IntPtr.Size);
                Same("tm_unit_result", Native.tm_sizeof_unit_result(), Marshal.SizeOf(typeof(NativeUnitResult)));
                Same("tm_unit_dimension", Native.tm_sizeof_unit_dimension(), Marshal.SizeOf(typeof(NativeUnitDimension)));
                Same("tm_cell", Native.tm_sizeof_cell(), Marshal.SizeOf(typeof(NativeCell)));
                Same("tm_read_options", Native.tm_sizeof_read_options(), Marshal.SizeOf(typeof(NativeReadOptions)));
                Same("tm_items_options", Native.tm_sizeof_items_options(), Marshal.SizeOf(typeof(NativeItemsOptions)));
                verified = true;
            }
        }

        /// <summary>tm_plan_economy as the header declares it: 10 doubles, budget_year, complete, 3 reserved.</summary>
        const int PlanEconomySize = 10 * 8 + 4 + 4;

        static void Same(string name, UIntPtr native, int managed)
        {
            if ((ulong)native != (ulong)managed)
                throw new TransformModelException(Status.InvalidArgument,
                    $"sizeof({name}) is {native} in the library but {managed} in TransformModel.dll");
        }

        /// <summary>Creates a handle with a native constructor; the message of a failure is read at once.</summary>
        internal delegate Status Create<T>(out T handle);

        internal static T Make<T>(Create<T> create) where T : SafeHandle
        {
            EnsureCompatible();
            T h;
            var status = create(out h);
            if (status != Status.Ok)
            {
                var error = Errors.For(status, Errors.LastError());
                h?.Dispose();
                throw error;
            }
            return h;
        }

        /// <summary>
        /// Runs `read` with the handle held (DangerousAddRef … DangerousRelease), so that strings
        /// the library lends out of it are copied before another thread's Dispose can free it.
        /// A disposed handle throws ObjectDisposedException; a null one ArgumentNullException.
        /// </summary>
        internal static T Held<T>(SafeHandle handle, string name, Func<T> read)
        {
            if (handle == null) throw new ArgumentNullException(name);
            bool added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                return read();
            }
            finally
            {
                if (added) handle.DangerousRelease();
            }
        }

        /// <summary>ArgumentNullException naming `name` when `value` is null; else `value`.</summary>
        internal static T NotNull<T>(T value, string name) where T : class
        {
            if (value == null) throw new ArgumentNullException(name);
            return value;
        }

        /// <summary>A non-negative index as size_t; ArgumentOutOfRangeException naming `name` otherwise.</summary>
        internal static UIntPtr Index(int index, string name)
        {
            if (index < 0) throw new ArgumentOutOfRangeException(name, index, "an index is never negative");
            return (UIntPtr)(ulong)index;
        }

        /// <summary>Runs a call that returns a string through an out-parameter, and takes the string.</summary>
        internal delegate Status StringCall(out IntPtr s);

        internal static string TakeString(StringCall call)
        {
            IntPtr p;
            Errors.Check(call(out p));
            return Utf8.Take(p);
        }
    }
}
