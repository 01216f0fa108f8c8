using System.Text;

namespace OdeDsl.Runtime.Tests.Torch;

/// <summary>
/// The native fix changes the loaded copy of libLibTorchSharp.so by one flag byte, and only
/// where the system libstdc++ lacks GLIBCXX_3.4.32.
/// </summary>
public sealed class NativeFixScopeTests
{
    [Fact]
    public void Output_copy_differs_from_the_package_only_where_needed()
    {
        var loaded = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var original = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!OperatingSystem.IsLinux() || !File.Exists(original))
            return; // the test is about the Linux package layout

        var before = File.ReadAllBytes(original);
        var after = File.ReadAllBytes(loaded);
        Assert.Equal(before.Length, after.Length);
        var changedBytes = before.Zip(after).Count(pair => pair.First != pair.Second);

        var libstdcxx = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
        var needsFix = File.Exists(libstdcxx)
            && !Encoding.ASCII.GetString(File.ReadAllBytes(libstdcxx)).Contains("GLIBCXX_3.4.32\0");
        Assert.Equal(needsFix ? 1 : 0, changedBytes);
    }
}
