using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("TransformModel")]
[assembly: AssemblyDescription("C# wrapper of the transform-model C API")]
// AssemblyVersion, AssemblyFileVersion and AssemblyInformationalVersion come from Cargo.toml:
// bindings/csharp/build.sh generates them next to the assembly.
// The assembly is strong-named with TransformModel.snk (public key token 3d586996d2da47de);
// the tests, signed with the same key, read the raw declarations (the 0xFF padding test).
[assembly: InternalsVisibleTo("TransformModel.Tests, PublicKey=0024000004800000940000000602000000240000525341310004000001000100cb66c85043c84f014503a523f57855ab1ddd924c2f44bcddade668fdf3e49117cd805352cd466b17ce8ece84bc85eeb98f89f830e483d88522e7ecbd5be345f7ed48b3c59a48d7b39ff234ff467a3b8a43c49efe0a811b68afb46929ca2057d6b95e34ab9c2560dbb4d92e08d9db461c78d3a2375f295811ed6b00bcf06c1ae0")]
