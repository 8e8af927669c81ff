// A program compiled against the installed NuGet package only (no source of the wrapper):
// proves the package carries a working managed assembly and native library.
using System;
using TransformModel;

static class Program
{
    static int Main()
    {
        using (var model = Model.Default())
        using (var catalog = Catalog.Sample())
        using (var r = catalog.Match("ældre medicin i hjemmeplejen", null, new MatchOptions { Top = 3 }))
        {
            if (Library.AbiVersion != Library.ExpectedAbiVersion || model.DimensionCount != 10 || r.Count < 1) return 1;
            try
            {
                model.AssessCsv("respondent,role,D1_1\nA,top_manager,4\n");
                return 1;
            }
            catch (AnonymityRefusedException) { }
            Console.WriteLine($"consumer: TransformModel {Library.Version}, ABI {Library.AbiVersion}, top ingredient {r.Ingredient(0).Id}");
        }
        return 0;
    }
}
