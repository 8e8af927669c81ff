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

        /// <summary>A portfolio from a file: JSON (docs/schema/portfolio.json) or the template's .xlsx; "sample" = the bundled one.</summary>
        public static Portfolio FromFile(string path)
        {
            var b = Utf8.Encode(path);
            return new Portfolio(Library.Make((out PortfolioHandle h) => Native.tm_portfolio_from_file(b, out h)));
        }

        /// <summary>
        /// Writes the portfolio workbook template (.xlsx; the CLI's `portfolio-template`): the
        /// sheets Missioner, Indsatser and Organisation with Danish headers, drop-down lists and
        /// an example row. FromFile reads it back filled in.
        /// </summary>
        public static void PortfolioTemplate(string path)
        {
            var b = Utf8.Encode(Library.NotNull(path, nameof(path)));
            Library.EnsureCompatible();
            Errors.Check(Native.tm_portfolio_template(b));
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
