using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("TransformModel")]
[assembly: AssemblyDescription("C# wrapper of the transform-model C API")]
[assembly: AssemblyVersion("0.1.0.0")]
// The tests read the raw declarations (the 0xFF padding test).
[assembly: InternalsVisibleTo("TransformModel.Tests")]
