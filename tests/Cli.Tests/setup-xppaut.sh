#!/bin/sh
# Installs Debian's xppaut for XppautComparisonTests; those tests are skipped (with this script's
# name in the reason) where xppaut is not installed.
set -e
if command -v xppaut >/dev/null 2>&1; then echo "xppaut already installed"; exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "apt-get is not available: XppautComparisonTests will be skipped"; exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq xppaut
