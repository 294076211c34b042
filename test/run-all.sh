#!/usr/bin/env bash
# Sets up and runs every test suite on a fresh machine (apt packages, npm ci, build), then prints
# one plain line "N passed, N failed" for all suites together. Exit status is non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -f .tmp/vitest.json .tmp/playwright.json .tmp/checks.txt

# Debian packages the tests need: the browser for end-to-end tests, CJK fonts so pages render Chinese, and
# the independent readers of exported workbooks (LibreOffice, openpyxl, pdfinfo).
APT_PACKAGES=(chromium fonts-noto-cjk libreoffice-calc-nogui python3-openpyxl poppler-utils)
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "安装测试所需的系统软件包：${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

check() { # name, command...: a setup step that counts as one test
  local name=$1; shift
  if "$@"; then echo "pass $name" >> .tmp/checks.txt; else echo "fail $name" >> .tmp/checks.txt; fi
}
check build npm run --silent build
check typecheck npm run --silent typecheck
check lint npm run --silent lint

npx vitest run -c test/vitest.config.ts --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/.tmp/playwright.json" npx playwright test -c test/e2e/playwright.config.ts

node test/summary.mjs
