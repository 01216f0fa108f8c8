#!/bin/sh
# Installs Debian's dataset-fashion-mnist (30 MB: the IDX files under /usr/share/datasets/fashion-mnist) for the
# FashionMnist example and FashionMnistTrainingTests; the test is skipped, naming this script, where it is missing.
set -e
if [ -f /usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz ]; then echo "dataset-fashion-mnist already installed"; exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "apt-get is not available: FashionMnistTrainingTests will be skipped"; exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq dataset-fashion-mnist
