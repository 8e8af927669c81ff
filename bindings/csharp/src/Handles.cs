// SafeHandles over the library's opaque handles: released exactly once, by their _free,
// even when the owner forgets Dispose (the finalizer) or a call is under way on another thread.
using System;
using System.Runtime.InteropServices;

namespace TransformModel
{
    internal abstract class TmHandle : SafeHandle
    {
        protected TmHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
    }

    internal sealed class ModelHandle : TmHandle
    {
        protected override bool ReleaseHandle() { Native.tm_model_free(handle); return true; }
    }

    internal sealed class AssessmentHandle : TmHandle
    {
        protected override bool ReleaseHandle() { Native.tm_assessment_free(handle); return true; }
    }

    internal sealed class PortfolioHandle : TmHandle
    {
        /// <summary>A NULL argument (an optional handle left out).</summary>
        internal static PortfolioHandle Null => new PortfolioHandle();
        protected override bool ReleaseHandle() { Native.tm_portfolio_free(handle); return true; }
    }

    internal sealed class CatalogHandle : TmHandle
    {
        internal static CatalogHandle Null => new CatalogHandle();
        protected override bool ReleaseHandle() { Native.tm_catalog_free(handle); return true; }
    }

    internal sealed class MatchResultHandle : TmHandle
    {
        protected override bool ReleaseHandle() { Native.tm_match_result_free(handle); return true; }
    }

    internal sealed class PlanHandle : TmHandle
    {
        internal static PlanHandle Null => new PlanHandle();
        protected override bool ReleaseHandle() { Native.tm_plan_free(handle); return true; }
    }

    internal sealed class TableHandle : TmHandle
    {
        protected override bool ReleaseHandle() { Native.tm_table_free(handle); return true; }
    }
}
