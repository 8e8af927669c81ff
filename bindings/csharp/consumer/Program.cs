// A program compiled against the installed NuGet package only (no source of the wrapper):
// proves the package carries a working, strong-named managed assembly whose versions are
// the native library's, and a native library that the package's .targets put next to it.
using System;
using System.Reflection;
using TransformModel;

static class Program
{
    static int Fail(string what)
    {
        Console.Error.WriteLine("consumer: " + what);
        return 1;
    }

    static int Main(string[] args)
    {
        // The public key token the documentation promises (docs/c-api.md), passed by the test.
        string expectedToken = args.Length > 0 ? args[0] : "";
        var assembly = typeof(Model).Assembly;
        string token = BitConverter.ToString(assembly.GetName().GetPublicKeyToken()).Replace("-", "").ToLowerInvariant();
        if (token != expectedToken) return Fail($"public key token {token}, expected {expectedToken}");
        var info = (AssemblyInformationalVersionAttribute)Attribute.GetCustomAttribute(assembly, typeof(AssemblyInformationalVersionAttribute));
        if (info == null || info.InformationalVersion != Library.Version)
            return Fail($"assembly informational version {info?.InformationalVersion} != native library {Library.Version}");
        var file = (AssemblyFileVersionAttribute)Attribute.GetCustomAttribute(assembly, typeof(AssemblyFileVersionAttribute));
        if (file == null || file.Version != assembly.GetName().Version.ToString())
            return Fail($"file version {file?.Version} != assembly version {assembly.GetName().Version}");

        using (var model = Model.Default())
        using (var catalog = Catalog.Sample())
        using (var r = catalog.Match("ældre medicin i hjemmeplejen", null, new MatchOptions { Top = 3 }))
        {
            if (Library.AbiVersion != Library.ExpectedAbiVersion) return Fail($"ABI {Library.AbiVersion}");
            if (model.DimensionCount != 10) return Fail($"{model.DimensionCount} dimensions");
            if (r.Count < 1) return Fail("no ingredient");
            try
            {
                model.AssessCsv("respondent,role,D1_1\nA,top_manager,4\n");
                return Fail("one respondent was not refused");
            }
            catch (AnonymityRefusedException) { }
            Console.WriteLine($"consumer: TransformModel {Library.Version} (assembly {assembly.GetName().Version}, token {token}), ABI {Library.AbiVersion}, top ingredient {r.Ingredient(0).Id}");
        }
        return 0;
    }
}
