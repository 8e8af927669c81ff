// Missions and initiatives.
using System;

namespace TransformModel
{
    public sealed class Portfolio : IDisposable
    {
        internal readonly PortfolioHandle Handle;
        Portfolio(PortfolioHandle h) { Handle = h; }

        /// The bundled sample portfolio (a fictional municipality).
        public static Portfolio Sample() => new Portfolio(Library.Make<PortfolioHandle>(Native.tm_portfolio_sample));

        public static Portfolio FromJson(string json)
        {
            var b = Utf8.Encode(json);
            return new Portfolio(Library.Make((out PortfolioHandle h) => Native.tm_portfolio_from_json(b, out h)));
        }

        public static Portfolio FromFile(string path)
        {
            var b = Utf8.Encode(path);
            return new Portfolio(Library.Make((out PortfolioHandle h) => Native.tm_portfolio_from_file(b, out h)));
        }

        /// The full analysis as JSON (the CLI's `portfolio --format json`).
        public string AnalyseJson(PortfolioOptions options = null)
        {
            var o = (options ?? new PortfolioOptions()).ToNative();
            return Library.TakeString((out IntPtr s) => Native.tm_portfolio_analyse(Handle, ref o, out s));
        }

        public void Dispose() => Handle.Dispose();
    }
}
