#!/usr/bin/env bash
# Packs OdeDsl.Generator (with Language and Sprache inside analyzers/dotnet/cs) and OdeDsl.Runtime
# into a local folder, then builds and runs a project outside the repository that consumes them
# from that folder: its .ode model must be compiled by the packed generator and solved by the
# packed runtime. Each run uses a fresh prerelease version so NuGet's cache never serves stale bits.
# Usage: tests/Packaging/pack-and-consume.sh   (exit 0 on success)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-ci.$(date +%s)"
feed="$work/feed"

dotnet pack "$repo/src/Generator" -c Release -o "$feed" -p:Version="$version" -nologo -v q
dotnet pack "$repo/src/Runtime" -c Release -o "$feed" -p:Version="$version" -nologo -v q

echo "== package layout"
unzip -l "$feed/OdeDsl.Generator.$version.nupkg" | grep -E "analyzers/dotnet/cs/|build/" | awk '{print $4}'
for dll in OdeDsl.Generator.dll OdeDsl.Language.dll Sprache.dll; do
  unzip -l "$feed/OdeDsl.Generator.$version.nupkg" | grep -q "analyzers/dotnet/cs/$dll" || { echo "missing analyzers/dotnet/cs/$dll"; exit 1; }
done

consumer="$work/consumer"
mkdir -p "$consumer"
cp "$repo/examples/Simulation/Program.cs" "$repo/examples/Simulation/lotka_volterra.ode" "$consumer/"
cat > "$consumer/nuget.config" <<XML
<configuration>
  <packageSources>
    <add key="odedsl-local" value="$feed" />
  </packageSources>
</configuration>
XML
cat > "$consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <RootNamespace>OdeDsl.Examples</RootNamespace>
    <NoWarn>\$(NoWarn);NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="OdeDsl.Generator" Version="$version" PrivateAssets="all" />
    <PackageReference Include="OdeDsl.Runtime" Version="$version" />
    <AdditionalFiles Include="*.ode" />
  </ItemGroup>
</Project>
XML

echo "== consumer build and run"
output="$(dotnet run --project "$consumer" -c Release -nologo 2>&1)" || { echo "$output"; exit 1; }
echo "$output" | tail -5
echo "$output" | grep -q "^LotkaVolterra: x, y with alpha, beta, delta, gamma" || { echo "unexpected output"; exit 1; }
echo "pack-and-consume: OK ($version)"
