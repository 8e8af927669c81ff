// Missions and initiatives.
using System;

namespace TransformModel
{
    /// <summary>A municipality's portfolio of initiatives and missions (immutable; share between threads).</summary>
    public sealed class Portfolio : IDisposable
    {
        internal readonly PortfolioHandle Handle;
        Portfolio(PortfolioHandle h) { Handle = h; }

        /// <summary>The bundled sample portfolio (a fictional municipality).</summary>
        public static Portfolio Sample() => new Portfolio(Library.Make<PortfolioHandle>(Native.tm_portfolio_sample));

        /// <summary>A portfolio from its JSON text (docs/schema/portfolio.json).</summary>
        public static Portfolio FromJson(string json)
        {
            var b = Utf8.Encode(json);
            return new Portfolio(Library.Make((out PortfolioHandle h) => Native.tm_portfolio_from_json(b, out h)));
        }

        /// <summary>A portfolio from a JSON file (docs/schema/portfolio.json).</summary>
        public static Portfolio FromFile(string path)
        {
            var b = Utf8.Encode(path);
            return new Portfolio(Library.Make((out PortfolioHandle h) => Native.tm_portfolio_from_file(b, out h)));
        }

        /// <summary>The full analysis as JSON (the CLI's `portfolio --format json`).</summary>
        public string AnalyseJson(PortfolioOptions options = null)
        {
            var o = (options ?? new PortfolioOptions()).ToNative();
            return Library.TakeString((out IntPtr s) => Native.tm_portfolio_analyse(Handle, ref o, out s));
        }

        /// <summary>
        /// The analysis's table (the CLI's `portfolio --format csv|xlsx`): one row per figure
        /// per initiative or mission, as typed cells in the options' language.
        /// </summary>
        public Table Table(PortfolioOptions options = null)
        {
            var o = (options ?? new PortfolioOptions()).ToNative();
            return new Table(Library.Make((out TableHandle t) => Native.tm_portfolio_table(Handle, ref o, out t)));
        }

        /// <summary>Frees the native portfolio (once; later calls do nothing).</summary>
        public void Dispose() => Handle.Dispose();
    }
}
