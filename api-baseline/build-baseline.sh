#!/usr/bin/env bash
# Rebuilds org.quire.api-1.0.0.jar, the API 1.0 baseline, from git history: the sources of
# bundles/org.quire.api at commit 69425f6 (API 1.0: org.quire.api, .params and .result all 1.0.0),
# compiled for Java 17, with that commit's export versions and Bundle-Version 0.1.0. The jar is
# reproducible (fixed entry times) except for javac differences between JDK builds; bnd compares
# signatures, not bytecode. Run from anywhere in the checkout. SPDX-License-Identifier: EPL-2.0
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
commit="${1:-69425f6}"
root="$(cd "$here/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive "$commit" bundles/org.quire.api | tar -x -C "$tmp"
mkdir "$tmp/classes"
javac --release 17 -nowarn -d "$tmp/classes" $(find "$tmp/bundles/org.quire.api/src" -name '*.java')
exports="$(git -C "$root" show "$commit:bundles/org.quire.api/META-INF/MANIFEST.MF" | awk '/^Export-Package:/ {on=1; print; next} on && /^ / {print; next} {on=0}')"
{
  echo "Manifest-Version: 1.0"
  echo "Bundle-ManifestVersion: 2"
  echo "Bundle-SymbolicName: org.quire.api"
  echo "Bundle-Version: 0.1.0"
  echo "Bundle-Vendor: Quire"
  echo "Bundle-RequiredExecutionEnvironment: JavaSE-17"
  echo "Automatic-Module-Name: org.quire.api"
  echo "Bundle-Name: Quire API (algorithms, parameters, results) - API 1.0 baseline, built from commit $commit"
  echo "$exports"
} > "$tmp/MANIFEST.MF"
rm -f "$here/org.quire.api-1.0.0.jar"
jar --create --file "$here/org.quire.api-1.0.0.jar" --manifest "$tmp/MANIFEST.MF" --date 2026-11-28T00:00:00Z -C "$tmp/classes" .
echo "wrote $here/org.quire.api-1.0.0.jar from $commit"
